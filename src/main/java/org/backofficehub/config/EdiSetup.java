package org.backofficehub.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.backofficehub.edi.intake.EdiInbox;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.reading.InterchangeSource;
import org.backofficehub.edi.reading.SmooksEdifactSource;
import org.backofficehub.edi.reading.EdifactOrdersTranslator;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.reading.OrderMessageTranslator;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.intake.RouteOrderDelivery;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.edi.reading.X12PurchaseOrderTranslator;

/**
 * Assembles the EDI side of the hub from settings: partner profiles, the StAEDI reader with the
 * hub's implementation guides, control numbers and interchange records in the hub store, outboxes.
 */
public record EdiSetup(Path partnersDirectory, boolean acceptUnknownPartners, String ourDefaultId, int holdOrders,
                       Path dataDirectory, UnaryOperator<String> overrides) {

    /** The EDIFACT directories the Smooks engine has schemas for here (edifact-schemas d96a, d01b). */
    static final Set<String> SMOOKS_DIRECTORIES = Set.of("D96A", "D01B");

    public PartnerProfiles profiles() {
        PartnerProfiles profiles = PartnerProfiles.load(partnersDirectory, acceptUnknownPartners, ourDefaultId, overrides);
        for (PartnerProfile profile : profiles.all()) {
            boolean smooks = PartnerProfile.SMOOKS.equals(profile.engine());
            if (!smooks && !PartnerProfile.STAEDI.equals(profile.engine())) {
                throw new IllegalStateException("Partner " + profile.partnerId() + " asks for EDI engine '" + profile.engine()
                        + "'; the engines are " + PartnerProfile.STAEDI + " and " + PartnerProfile.SMOOKS);
            }
            if (smooks && (profile.standard() != EdiStandard.EDIFACT || !SMOOKS_DIRECTORIES.contains(profile.version()))) {
                throw new IllegalStateException("Partner " + profile.partnerId() + ": the Smooks engine reads EDIFACT "
                        + SMOOKS_DIRECTORIES + " only, not " + profile.standard() + " " + profile.version());
            }
        }
        return profiles;
    }

    public EdiInbox inbox(TransactionSchemas schemas, PartnerProfiles profiles, InterchangeRegistry registry, DataSource hubStore,
                          RouteModes modes, GroupCommitBooking booking, BookingStage stage, Clock clock) {
        return new EdiInbox(new InterchangeReader(schemas), smooksEngines(), profiles, registry, controlNumbers(hubStore),
                outbox(), new RouteOrderDelivery(modes, "inbox-files", booking, stage), translators(), clock, holdOrders);
    }

    /** Order responses for EDI orders a batch drain booked or refused. */
    public DrainedOrderResponses drainedOrderResponses(PartnerProfiles profiles, InterchangeRegistry registry, DataSource hubStore,
                                                       Clock clock) {
        return new DrainedOrderResponses(profiles, outbox(), controlNumbers(hubStore), registry, clock);
    }

    /** Invoices and despatch advices generated from the ERP's bookings. */
    public OutboundDocuments outboundDocuments(PartnerProfiles profiles, InterchangeRegistry registry, DataSource hubStore,
                                               DataSource erp, Clock clock) {
        return new OutboundDocuments(profiles, new ErpOrderReader(erp), outbox(), controlNumbers(hubStore), registry, clock);
    }

    private Outbox outbox() {
        return new Outbox(dataDirectory.resolve("outbox"));
    }

    private static ControlNumbers controlNumbers(DataSource hubStore) {
        return new StoredControlNumbers(hubStore);
    }

    /** The order translators by engine and message type: both engines hand over the same segments. */
    public static Map<String, OrderMessageTranslator> translators() {
        return Map.of(
                EdiInbox.translatorKey(PartnerProfile.STAEDI, "ORDERS"), new EdifactOrdersTranslator(),
                EdiInbox.translatorKey(PartnerProfile.STAEDI, "850"), new X12PurchaseOrderTranslator(),
                EdiInbox.translatorKey(PartnerProfile.SMOOKS, "ORDERS"), new EdifactOrdersTranslator());
    }

    /** One Smooks engine per EDIFACT directory, compiled on first use (its DFDL schemas take 20-30 s the first time). */
    public static Function<PartnerProfile, InterchangeSource> smooksEngines() {
        Map<String, SmooksEdifactSource> byDirectory = new ConcurrentHashMap<>();
        return profile -> byDirectory.computeIfAbsent(profile.version(), SmooksEdifactSource::new);
    }
}
