package org.backofficehub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.batch.OrderStaging;
import org.backofficehub.booking.ErpPrecision;
import org.backofficehub.edi.intake.EdiIntake;
import org.backofficehub.edi.intake.HeldOrders;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.reading.SmooksEdifact;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.store.FailureLog;
import org.backofficehub.tracking.DocumentJournal;
import org.backofficehub.tracking.PayloadStore;
import org.backofficehub.tracking.ReceivedDocuments;
import java.nio.file.Path;

/**
 * The beans the EDI route (routes/edi-interchanges.camel.yaml) and the order-intake routes call,
 * wired over a test's stores as the daemon's EdiConfiguration wires them: one place to add the
 * next step's bean, rather than every harness that starts the route.
 */
public final class EdiRouteBeans {

    /** The Smooks engine's compiled DFDL schemas, loaded once for every harness in the JVM. */
    private static final SharedSmooksCompilations SMOOKS_COMPILATIONS = new SharedSmooksCompilations();
    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EdiRouteBeans() {
    }

    /** Tracking's steps, inert: these harnesses start no inbox or HTTP route, so no document is ever tracked. */
    public static ReceivedDocuments untracked(DataSource hubStore, Clock clock) {
        return new ReceivedDocuments(new DocumentJournal(hubStore, new PayloadStore(Path.of("target", "untracked-payloads")), clock, 0));
    }

    /** With the defaults: orders held in chunks of 1,000, no input size limit, list prices in EUR. */
    public static Map<String, Object> of(DataSource hubStore, DataSource erp, InterchangeRegistry registry, ControlNumbers numbers,
                                         PartnerProfiles profiles, Outbox outbox, Clock clock, Object realTimeBooking) {
        return of(hubStore, erp, registry, numbers, profiles, outbox, clock, realTimeBooking, 1000, Long.MAX_VALUE);
    }

    /**
     * @param realTimeBooking the {@code realTimeBooking} bean ({@code bookOrders(List<Order>)}); every
     *                        route is in real time in these harnesses, so nothing is staged
     * @return a mutable map, for a harness to add or replace a bean
     */
    public static Map<String, Object> of(DataSource hubStore, DataSource erp, InterchangeRegistry registry, ControlNumbers numbers,
                                         PartnerProfiles profiles, Outbox outbox, Clock clock, Object realTimeBooking,
                                         int holdOrders, long maxInputBytes) {
        Map<String, Object> beans = new HashMap<>();
        beans.put("ediIntake", new EdiIntake(new InterchangeReader(new TransactionSchemas()), profiles, registry, numbers, outbox,
                EdiEngines.translators(), clock, holdOrders));
        beans.put("ediInputSizeLimit", new InputSizeLimit(maxInputBytes, "hub.edi.max-input-bytes"));
        beans.put("itemCatalogue", DemoErp.catalogue(erp, "EUR"));
        beans.put("heldOrders", new HeldOrders(profiles, new FailureLog(hubStore, clock), CANONICAL_JSON));
        beans.put("smooksEdifact", new SmooksEdifact());
        beans.put("smooksFactory", SMOOKS_COMPILATIONS);
        beans.put("drainedOrderResponses", new DrainedOrderResponses(profiles, outbox, numbers, registry, clock));
        beans.put("routeModes", new RouteModes(hubStore, clock));
        beans.put("realTimeBooking", realTimeBooking);
        beans.put("erpPrecision", ErpPrecision.DEMO_ERP);
        beans.put("orderStaging", new OrderStaging(new BookingStage(hubStore, CANONICAL_JSON, clock), 64, 100, 1000));
        beans.put("receivedDocuments", untracked(hubStore, clock));
        return beans;
    }
}
