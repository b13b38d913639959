package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.admin.AdminApi;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.admin.AdminConsolePage;
import org.backofficehub.admin.ConsoleAssets;
import org.backofficehub.admin.DashboardApi;
import org.backofficehub.admin.PartnerProfileEditing;
import org.backofficehub.admin.SignedInUser;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.observe.HubActivity;
import org.backofficehub.admin.BackOfficeAdminApi;
import org.backofficehub.admin.EdiAdminApi;
import org.backofficehub.admin.FailureReplays;
import org.backofficehub.shop.ShopOrderReplays;
import org.backofficehub.shop.ShopProfiles;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.backoffice.ShipmentIntake;
import org.backofficehub.backoffice.WarehouseShipments;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.erp.ErpShipments;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.modes.RouteDrains;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.store.FailureLog;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.apache.camel.spi.RoutePolicy;
import org.backofficehub.admin.ClusterAdminApi;
import org.backofficehub.admin.LeaderForwarding;
import org.backofficehub.cluster.ClusterMembers;

/** The administrator's API and console under /admin (behind the adminAccess gate, SecurityConfiguration). */
public class AdminConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public AdminConsolePage adminConsolePage() {
        return new AdminConsolePage();
    }

    @BindToRegistry(lazy = true)
    public ConsoleAssets consoleAssets() {
        return new ConsoleAssets();
    }

    @BindToRegistry(lazy = true)
    public PartnerProfileEditing partnerProfileEditing(PartnerProfiles profiles, JsonRequest requests,
                                                       @BeanInject("objectMapper") ObjectMapper json) {
        return new PartnerProfileEditing(profiles, requests, json);
    }

    @BindToRegistry(lazy = true)
    public SignedInUser signedInUser(@BeanInject("objectMapper") ObjectMapper json) {
        return new SignedInUser(json);
    }

    @BindToRegistry(lazy = true)
    public DashboardApi dashboardApi(@BeanInject("hubStore") DataSource hubStore, PartnerProfiles partners, ShopProfiles shops,
                                     BookingStage stage, OrderEvents orderEvents, CustomerFeed customerFeed, Clock clock,
                                     @BeanInject("objectMapper") ObjectMapper json) {
        return new DashboardApi(new HubActivity(hubStore),
                DashboardApi.channels(partners.all().stream().map(p -> p.partnerId()).toList(),
                        shops.all().stream().map(s -> s.source()).toList()),
                stage::countsByRoute, orderEvents::pending, customerFeed::pending, clock, json);
    }

    @BindToRegistry(lazy = true)
    public AdminApi adminApi(RouteModes modes, BookingStage stage, RouteDrains drains, FailureLog failures, RouteActivity activity,
                             OutboundMessages outbound, GroupCommitBooking booking, OrderEvents orderEvents, ShipmentIntake shipments,
                             DataDirectory dataDirectory, @BeanInject("canonicalJson") ObjectMapper canonicalJson,
                             @BeanInject("objectMapper") ObjectMapper json, ItemCatalogue catalogue,
                             DrainedOrderResponses orderResponses, CamelContext camel, ShopProfiles shops, JsonRequest requests) {
        FailureReplays replays = new FailureReplays(booking, outbound, orderEvents, shipments, canonicalJson, dataDirectory.inbox(),
                catalogue, orderResponses, new ShopOrderReplays(camel, shops, json));
        return new AdminApi(modes, stage, drains, failures, replays, activity, outbound, json, requests);
    }

    @BindToRegistry(lazy = true)
    public ClusterAdminApi clusterAdminApi(ClusterMembers members, @BeanInject("singleton") RoutePolicy singleton,
                                           @BeanInject("objectMapper") ObjectMapper json) {
        return new ClusterAdminApi(members, singleton, json);
    }

    /**
     * A follower's forward of a leader-only action: 5 s to connect to the leader; its answer may take
     * as long as the work (a drain of a large stage, an import), which its own HTTP server does not bound.
     */
    @BindToRegistry(lazy = true)
    public LeaderForwarding leaderForwarding(ClusterMembers members) {
        return new LeaderForwarding(members, java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(10));
    }

    @BindToRegistry(lazy = true)
    public EdiAdminApi ediAdminApi(PartnerProfiles profiles, InterchangeRegistry registry, OutboundDocuments documents,
                                   @BeanInject("objectMapper") ObjectMapper json) {
        return new EdiAdminApi(profiles, registry, documents, json);
    }

    @BindToRegistry(lazy = true)
    public BackOfficeAdminApi backOfficeAdminApi(@BeanInject("erpDataSource") DataSource erp, @BeanInject("hubStore") DataSource hubStore,
                                                 ErpProfile erpProfile, OutboundMessages outbound,
                                                 @BeanInject("objectMapper") ObjectMapper json, JsonRequest requests, Clock clock,
                                                 @PropertyInject("hub.booking.claim-lease") String claimLease) {
        // A shipment's claim lapses as a booking's does: a request cut short by a crash holds it no longer.
        WarehouseShipments warehouse = new WarehouseShipments(hubStore, new ErpShipments(erp, erpProfile, clock), clock,
                java.time.Duration.parse(claimLease.trim()));
        return new BackOfficeAdminApi(warehouse, outbound, json, requests, clock);
    }
}
