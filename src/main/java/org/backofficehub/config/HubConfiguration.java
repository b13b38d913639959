package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.api.BookingReply;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.api.OrderLookup;
import org.backofficehub.api.ProblemReply;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpOrderWriter;
import org.backofficehub.inbox.ArchiveNaming;
import org.backofficehub.inbox.ContentFingerprint;
import org.backofficehub.inbox.InboundDocumentReader;
import org.backofficehub.inbox.QuarantineNote;
import org.backofficehub.json.WebOrderReader;
import org.backofficehub.observe.DatabaseHealthCheck;
import org.backofficehub.store.BookingLedger;
import org.backofficehub.xml.XmlOrderCodec;

/**
 * Every bean the routes in {@code routes/} refer to, in one place. Settings come from
 * {@code config/application.properties}, overridable by -D and environment variables.
 */
public class HubConfiguration implements CamelConfiguration {

    @PropertyInject("hub.data-dir")
    private String dataDir;
    @PropertyInject("hub.max-input-bytes")
    private long maxInputBytes;
    @PropertyInject("hub.booking.claim-lease")
    private String claimLease;

    @PropertyInject(value = "hub.store.url", defaultValue = "")
    private String storeUrl;
    @PropertyInject(value = "hub.store.user", defaultValue = "sa")
    private String storeUser;
    @PropertyInject(value = "hub.store.password", defaultValue = "")
    private String storePassword;
    @PropertyInject(value = "hub.store.pool-size", defaultValue = "16")
    private int storePoolSize;

    @PropertyInject(value = "hub.erp.url", defaultValue = "")
    private String erpUrl;
    @PropertyInject(value = "hub.erp.user", defaultValue = "sa")
    private String erpUser;
    @PropertyInject(value = "hub.erp.password", defaultValue = "")
    private String erpPassword;
    @PropertyInject(value = "hub.erp.pool-size", defaultValue = "16")
    private int erpPoolSize;
    @PropertyInject(value = "hub.erp.migrate", defaultValue = "true")
    private boolean migrateErp;
    @PropertyInject(value = "hub.erp.migrations", defaultValue = "classpath:db/erp")
    private String erpMigrations;

    @PropertyInject(value = "hub.booking.max-batch", defaultValue = "64")
    private int maxBatch;
    @PropertyInject(value = "hub.booking.max-queued", defaultValue = "10000")
    private int maxQueued;
    @PropertyInject(value = "hub.booking.answer-timeout-ms", defaultValue = "30000")
    private long answerTimeoutMillis;

    private final Clock clock = Clock.systemUTC();
    private GroupCommitBooking realTimeBooking;
    private final ObjectMapper objectMapper = new ObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private HikariDataSource hubStore;
    private HikariDataSource erp;

    @Override
    public void configure(CamelContext camel) throws Exception {
        Map<String, DataSource> databases = new LinkedHashMap<>();
        databases.put("hub-store", hubStore());
        databases.put("erp", erpDataSource());
        HealthCheckRegistry.get(camel).register(new DatabaseHealthCheck(databases));
        // Closed as a service, i.e. after the routes have stopped and drained in-flight work.
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                erp.close();
                hubStore.close();
            }
        }, true, true);
        // Added after the databases' closer, so stopped before it: queued orders are booked first.
        camel.addService(realTimeBooking(), true, true);
    }

    @BindToRegistry("hubStore")
    public synchronized DataSource hubStore() {
        if (hubStore == null) {
            hubStore = Databases.open("hub", new DatabaseSettings(storeUrl, storeUser, storePassword, storePoolSize), dataDirectory());
            Databases.migrate(hubStore, "classpath:db/hub");
        }
        return hubStore;
    }

    @BindToRegistry("erpDataSource")
    public synchronized DataSource erpDataSource() {
        if (erp == null) {
            erp = Databases.open("erp", new DatabaseSettings(erpUrl, erpUser, erpPassword, erpPoolSize), dataDirectory());
            if (migrateErp) {
                Databases.migrate(erp, erpMigrations.split("\\s*,\\s*"));
            }
        }
        return erp;
    }

    @BindToRegistry
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    @BindToRegistry
    public WebOrderReader webOrderReader() {
        return new WebOrderReader(objectMapper);
    }

    @BindToRegistry
    public InboundDocumentReader inboundDocumentReader() {
        return new InboundDocumentReader(webOrderReader(), new XmlOrderCodec());
    }

    @BindToRegistry
    public OrderBooking orderBooking() {
        BookingLedger ledger = new BookingLedger(hubStore(), Duration.parse(claimLease), clock);
        return new OrderBooking(ledger, new ErpOrderWriter(erpDataSource()));
    }

    /** What the routes book through: concurrent orders share ERP and hub-store commits. */
    @BindToRegistry
    public synchronized GroupCommitBooking realTimeBooking() {
        if (realTimeBooking == null) {
            realTimeBooking = new GroupCommitBooking(orderBooking(), maxBatch, maxQueued, answerTimeoutMillis);
        }
        return realTimeBooking;
    }

    @BindToRegistry
    public OrderLookup orderLookup() {
        return new OrderLookup(new ErpOrderReader(erpDataSource()), objectMapper);
    }

    @BindToRegistry
    public BookingReply bookingReply() {
        return new BookingReply(objectMapper);
    }

    @BindToRegistry
    public ProblemReply problemReply() {
        return new ProblemReply(objectMapper);
    }

    @BindToRegistry
    public InputSizeLimit inputSizeLimit() {
        return new InputSizeLimit(maxInputBytes);
    }

    @BindToRegistry
    public ArchiveNaming archiveNaming() {
        return new ArchiveNaming(clock);
    }

    @BindToRegistry
    public ContentFingerprint contentFingerprint() {
        return new ContentFingerprint();
    }

    @BindToRegistry
    public QuarantineNote quarantineNote() {
        return new QuarantineNote(dataDirectory().resolve("error"), clock);
    }

    /** Durable memory of inbox file contents already processed, in the hub store. */
    @BindToRegistry
    public JdbcMessageIdRepository inboxFileRepository() {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore(), "inbox-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    private Path dataDirectory() {
        return Path.of(dataDir);
    }
}
