package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.PropertyInject;
import org.apache.camel.Route;
import org.backofficehub.erp.OrderFileRecords;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpOrderFiles;
import org.backofficehub.erp.ErpBooking;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.backoffice.OrderEventListener;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.batch.BatchDrain;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.batch.DrainRuns;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.batch.OrderStaging;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.booking.ErpPrecision;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.erp.ErpOrderWriter;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.modes.RouteDrains;
import org.backofficehub.modes.RouteMode;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.modes.RouteSchedules;
import org.backofficehub.modes.RouteSettings;
import org.backofficehub.observe.StagedOrdersGauge;
import org.backofficehub.store.FailureLog;

/** Booking orders into the ERP exactly once, staging them in batch mode, and each route's mode and schedule. */
public class BookingConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public OrderBooking orderBooking(CamelContext camel, @BeanInject("hubStore") DataSource hubStore,
                                     @BeanInject("erpDataSource") DataSource erp, ErpProfile erpProfile, OrderEvents orderEvents,
                                     Clock clock, ErpPrecision precision,
                                     @PropertyInject("hub.booking.claim-lease") String claimLease) {
        BookingLedger ledger = new BookingLedger(hubStore, Duration.parse(claimLease.trim()), clock);
        return new OrderBooking(ledger, erpBooking(camel, erp, erpProfile, clock), new OrderEventListener(orderEvents), precision);
    }

    /** Into the ERP's tables, or as files it imports: the ERP profile's connector says which. */
    private static ErpBooking erpBooking(CamelContext camel, DataSource erp, ErpProfile profile, Clock clock) {
        if (profile.connector() == ErpProfile.Connector.DATABASE) {
            return new ErpOrderWriter(erp, profile, clock);
        }
        var registry = camel.getRegistry();
        ProducerTemplate producer = camel.createProducerTemplate();
        try {
            camel.addService(producer, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the ERP file connector's producer", e);
        }
        return new ErpOrderFiles(producer, profile, camel.resolvePropertyPlaceholders(profile.fileSetting("file.orders-endpoint")),
                registry.findSingleByType(ErpOrderReader.class), registry.findSingleByType(ItemCatalogue.class),
                registry.findSingleByType(OrderFileRecords.class), clock);
    }

    /** The ERP's columns for quantities, prices and amounts: what every channel's orders must fit (order-intake's accept-orders). */
    @BindToRegistry(lazy = true)
    public ErpPrecision erpPrecision(@PropertyInject("hub.erp.quantity-digits") int quantityDigits,
                                     @PropertyInject("hub.erp.quantity-scale") int quantityScale,
                                     @PropertyInject("hub.erp.price-digits") int priceDigits,
                                     @PropertyInject("hub.erp.price-scale") int priceScale,
                                     @PropertyInject("hub.erp.amount-digits") int amountDigits) {
        return new ErpPrecision(new ErpPrecision.Column(quantityDigits, quantityScale), new ErpPrecision.Column(priceDigits, priceScale),
                new ErpPrecision.Column(amountDigits, 2));
    }

    /** What the routes book through: concurrent orders share ERP and hub-store commits. */
    @BindToRegistry(lazy = true)
    public GroupCommitBooking realTimeBooking(OrderBooking booking, @PropertyInject("hub.booking.max-batch") int maxBatch,
                                              @PropertyInject("hub.booking.max-queued") int maxQueued,
                                              @PropertyInject("hub.booking.answer-timeout-ms") long answerTimeoutMillis) {
        return new GroupCommitBooking(booking, maxBatch, maxQueued, answerTimeoutMillis);
    }

    @BindToRegistry(lazy = true)
    public BookingStage bookingStage(@BeanInject("hubStore") DataSource hubStore, @BeanInject("canonicalJson") ObjectMapper canonicalJson,
                                     Clock clock) {
        return new BookingStage(hubStore, canonicalJson, clock);
    }

    @BindToRegistry(lazy = true)
    public OrderStaging orderStaging(BookingStage stage, @PropertyInject("hub.booking.max-batch") int maxBatch,
                                 @PropertyInject("hub.booking.max-queued") int maxQueued,
                                 @PropertyInject("hub.booking.answer-timeout-ms") long answerTimeoutMillis) {
        return new OrderStaging(stage, maxBatch, maxQueued, answerTimeoutMillis);
    }

    @BindToRegistry(lazy = true)
    public DrainWindow drainWindow() {
        return new DrainWindow();
    }

    @BindToRegistry(lazy = true)
    public BatchDrain batchDrain(BookingStage stage, FailureLog failures, DrainRuns runs,
                                 @PropertyInject("hub.batch.drain-chunk") int drainChunk, DrainWindow window) {
        return new BatchDrain(stage, failures, runs, drainChunk, window);
    }

    @BindToRegistry(lazy = true)
    public DrainRuns drainRuns(@BeanInject("hubStore") DataSource hubStore, Clock clock) {
        return new DrainRuns(hubStore, clock);
    }

    @BindToRegistry(lazy = true)
    public RouteModes routeModes(@BeanInject("hubStore") DataSource hubStore, Clock clock) {
        return new RouteModes(hubStore, clock);
    }

    /** Each route's drain, for run now. */
    @BindToRegistry(lazy = true)
    public RouteDrains routeDrains(CamelContext camel, DrainRuns runs) {
        return new RouteDrains(camel, runs);
    }

    @BindToRegistry(lazy = true)
    public RouteActivity routeActivity() {
        return new RouteActivity();
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        camel.addService(camel.getRegistry().findSingleByType(GroupCommitBooking.class), true, true);
        camel.addService(camel.getRegistry().findSingleByType(OrderStaging.class), true, true);
        camel.getManagementStrategy().addEventNotifier(camel.getRegistry().findSingleByType(RouteActivity.class));
        RouteModes modes = camel.getRegistry().findSingleByType(RouteModes.class);
        List<RouteSettings> defaults = defaultRouteSettings(camel);
        // Before any consumer starts, so that the first message already finds its route's mode.
        modes.load(defaults);
        // Schedule routes come from YAML templates, so they can only be added once routes are loaded.
        FullyStarted.then(camel, context -> {
            RouteDrains drains = context.getRegistry().findSingleByType(RouteDrains.class);
            modes.all().forEach(route -> drains.requireDrain(route.routeId()));
            // A delivery route runs only on its schedule: without a mode it would deliver nothing, silently.
            context.getRoutes().stream().filter(route -> "deliveries".equals(route.getGroup())).map(Route::getRouteId)
                    .filter(routeId -> !modes.has(routeId)).findFirst().ifPresent(routeId -> {
                        throw new IllegalStateException("Route " + routeId + " delivers what the hub owes another system but has no"
                                + " mode: add it to hub.routes (config/application.properties lists them all)");
                    });
            new RouteSchedules(context).follow(modes);
            StagedOrdersGauge.register(context, modes, context.getRegistry().findSingleByType(BookingStage.class));
        });
    }

    /** The routes with a mode (hub.routes) and their configured mode and schedule, for routes the hub store does not know yet. */
    private static List<RouteSettings> defaultRouteSettings(CamelContext camel) {
        List<RouteSettings> defaults = new ArrayList<>();
        Clock clock = camel.getRegistry().findSingleByType(Clock.class);
        for (String routeId : setting(camel, "hub.routes").split("\\s*,\\s*")) {
            defaults.add(new RouteSettings(routeId, RouteMode.parse(setting(camel, "hub.routes." + routeId + ".mode")),
                    setting(camel, "hub.routes." + routeId + ".cron"), clock.instant(), "configuration"));
        }
        return defaults;
    }

    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("Setting " + key + " is missing; config/application.properties has every setting"))
                .trim();
    }
}
