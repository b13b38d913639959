package org.backofficehub.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ProducerTemplate;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import org.backofficehub.accounting.ChartOfAccounts;
import org.backofficehub.accounting.InvoiceCalculation;
import org.backofficehub.accounting.InvoiceNumbers;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.accounting.JournalClosing;
import org.backofficehub.accounting.xml.InvoiceXml;
import org.backofficehub.backoffice.Notices;
import org.backofficehub.backoffice.OrderEventListener;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.backoffice.OrderFollowUp;
import org.backofficehub.backoffice.ShipmentFailure;
import org.backofficehub.backoffice.ShipmentIntake;
import org.backofficehub.erp.ErpShipments;
import org.backofficehub.erp.ErpStock;
import org.backofficehub.outbound.Delivery;
import org.backofficehub.outbound.EndpointDelivery;
import org.backofficehub.outbound.OutboundDispatcher;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.outbound.PartnerDocumentDelivery;
import org.backofficehub.outbound.RetryPolicy;
import org.backofficehub.outbound.WebStoreCallback;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceSupport;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ExtendedStartupListener;
import org.backofficehub.admin.AdminApi;
import org.backofficehub.admin.BackOfficeAdminApi;
import org.backofficehub.admin.FailureReplays;
import org.backofficehub.admin.AdminAuthentication;
import org.backofficehub.admin.AdminCredentials;
import org.backofficehub.admin.AdminConsolePage;
import org.backofficehub.admin.CustomerAdminApi;
import org.backofficehub.admin.EdiAdminApi;
import org.backofficehub.api.CustomerApi;
import org.backofficehub.customer.CustomerCuration;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.customer.CustomerImport;
import org.backofficehub.customer.CustomerQueries;
import org.backofficehub.customer.CustomerResolver;
import org.backofficehub.customer.MatchSettings;
import org.backofficehub.customer.OrderContacts;
import org.backofficehub.customer.Origin;
import org.backofficehub.inbox.CustomerExportFiles;
import org.backofficehub.model.Order;
import org.backofficehub.api.StagedReply;
import org.backofficehub.batch.BatchDrain;
import org.backofficehub.batch.DrainRuns;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.modes.RouteDrains;
import org.backofficehub.modes.BatchScheduler;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.modes.RouteMode;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.modes.RouteSettings;
import org.backofficehub.batch.StageOrder;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.observe.StagedOrdersGauge;
import org.backofficehub.observe.WorkQueuesGauge;
import org.backofficehub.observe.OutboundMessagesGauge;
import org.backofficehub.store.FailureLog;
import org.backofficehub.api.BookingReply;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.api.OrderLookup;
import org.backofficehub.api.ProblemReply;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpOrderWriter;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.transfers.PartnerTransferFailure;
import org.backofficehub.edi.transfers.PartnerTransfers;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.inbox.ArchiveNaming;
import org.backofficehub.inbox.EdiFiles;
import org.backofficehub.inbox.ContentFingerprint;
import org.backofficehub.inbox.InboundDocumentReader;
import org.backofficehub.inbox.QuarantineNote;
import org.backofficehub.json.WebOrderReader;
import org.backofficehub.observe.DatabaseHealthCheck;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.xml.XmlOrderCodec;

/**
 * Every bean the routes in {@code routes/} refer to, in one place. Settings come from
 * {@code config/application.properties}, overridable by -D and environment variables.
 */
public class HubConfiguration implements CamelConfiguration, CamelContextAware {

    @PropertyInject("hub.data-dir")
    private String dataDir;
    @PropertyInject("hub.max-input-bytes")
    private long maxInputBytes;
    @PropertyInject("hub.booking.claim-lease")
    private String claimLease;

    @PropertyInject(value = "hub.booking.max-batch", defaultValue = "64")
    private int maxBatch;
    @PropertyInject(value = "hub.booking.max-queued", defaultValue = "10000")
    private int maxQueued;
    @PropertyInject(value = "hub.booking.answer-timeout-ms", defaultValue = "30000")
    private long answerTimeoutMillis;

    @PropertyInject(value = "hub.batch.drain-chunk", defaultValue = "500")
    private int drainChunk;
    @PropertyInject(value = "hub.admin.user", defaultValue = "admin")
    private String adminUser;
    @PropertyInject(value = "hub.admin.password", defaultValue = "")
    private String adminPassword;
    @PropertyInject(value = "hub.routes", defaultValue = "webstore-orders,inbox-files")
    private String businessRoutes;
    @PropertyInject(value = "hub.partners.dir", defaultValue = "config/partners")
    private String partnersDir;
    @PropertyInject(value = "hub.partners.unknown", defaultValue = "reject")
    private String unknownPartners;
    @PropertyInject(value = "hub.edi.our-id", defaultValue = "BACKOFFICEHUB")
    private String ediOurId;
    @PropertyInject(value = "hub.edi.hold-orders", defaultValue = "1000")
    private int ediHoldOrders;
    @PropertyInject(value = "hub.edi.max-input-bytes", defaultValue = "2147483648")
    private long ediMaxInputBytes;

    @PropertyInject(value = "hub.customers.phone-name-similarity", defaultValue = "0.95")
    private double phoneNameSimilarity;
    @PropertyInject(value = "hub.customers.address-name-similarity", defaultValue = "0.95")
    private double addressNameSimilarity;
    @PropertyInject(value = "hub.customers.default-region", defaultValue = "DE")
    private String defaultPhoneRegion;
    @PropertyInject(value = "hub.customers.source-priority", defaultValue = "ERP,EDI,DOCUMENT,WEBSTORE")
    private String sourcePriority;
    @PropertyInject(value = "hub.customers.batch-size", defaultValue = "2000")
    private int customerBatchSize;
    @PropertyInject(value = "hub.customers.report-currency", defaultValue = "EUR")
    private String reportCurrency;
    @PropertyInject(value = "hub.customers.max-export-bytes", defaultValue = "2147483648")
    private long maxCustomerExportBytes;

    @PropertyInject(value = "hub.accounting.endpoint", defaultValue = "file:data/accounting")
    private String accountingEndpoint;
    @PropertyInject(value = "hub.accounting.invoice-prefix", defaultValue = "INV-{yyyy}-")
    private String invoicePrefix;
    @PropertyInject(value = "hub.accounting.invoice-digits", defaultValue = "6")
    private int invoiceDigits;
    @PropertyInject(value = "hub.accounting.tax-rate", defaultValue = "0.19")
    private String taxRate;
    @PropertyInject(value = "hub.accounting.time-zone", defaultValue = "Europe/Berlin")
    private String accountingTimeZone;
    @PropertyInject(value = "hub.accounting.accounts.receivables", defaultValue = "1400")
    private String receivablesAccount;
    @PropertyInject(value = "hub.accounting.accounts.revenue", defaultValue = "8400")
    private String revenueAccount;
    @PropertyInject(value = "hub.accounting.accounts.output-tax", defaultValue = "1776")
    private String outputTaxAccount;
    @PropertyInject(value = "hub.webstore.callback-url", defaultValue = "")
    private String callbackUrl;
    @PropertyInject(value = "hub.webstore.notices-per-call", defaultValue = "100")
    private int noticesPerCall;
    @PropertyInject(value = "hub.outbound.max-attempts", defaultValue = "6")
    private int maxDeliveryAttempts;
    @PropertyInject(value = "hub.outbound.retry-delay-ms", defaultValue = "2000")
    private long retryDelayMillis;
    @PropertyInject(value = "hub.outbound.max-retry-delay-ms", defaultValue = "300000")
    private long maxRetryDelayMillis;
    @PropertyInject(value = "hub.follow-up.batch-size", defaultValue = "500")
    private int followUpBatchSize;

    private final Clock clock = Clock.systemUTC();
    private CamelContext camelContext;
    private ProducerTemplate producer;
    private OutboundMessages outboundMessages;
    private OrderEvents orderEvents;
    private OutboundDispatcher outboundDispatcher;
    private final ObjectMapper canonicalJson = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final RouteActivity routeActivity = new RouteActivity();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "hub-background"));
    private RouteModes routeModes;
    private BatchDrain batchDrain;
    private RouteDrains routeDrains;
    private FailureLog failureLog;
    private BookingStage bookingStage;
    private StageOrder stageOrder;
    private GroupCommitBooking realTimeBooking;
    private final ObjectMapper objectMapper = new ObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // Amounts and quantities in notices exactly as booked: 390.90, 5000; never 390.9 or 5E+3.
    private final ObjectMapper noticeJson = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HubDatabases databases = new HubDatabases();
    private PartnerProfiles partnerProfiles;
    private InterchangeRegistry interchangeRegistry;
    private CustomerResolver customerResolver;
    private CustomerFeed customerFeed;
    private final DrainWindow drainWindow = new DrainWindow();
    // Their schemas compile on first use, not while the hub starts (BENCHMARKS.md, start-up).
    private final TransactionSchemas transactionSchemas = new TransactionSchemas();
    private final XmlOrderCodec xmlOrderCodec = new XmlOrderCodec();
    private final InvoiceXml invoiceXml = new InvoiceXml();
    private final WebOrderReader webOrderReader = new WebOrderReader(objectMapper);

    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    private int httpPort;
    @PropertyInject(value = "camel.server.host", defaultValue = "0.0.0.0")
    private String httpHost;

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camelContext.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        HttpPortCheck.requireFree(httpHost, httpPort);
        Map<String, DataSource> checked = new LinkedHashMap<>();
        checked.put("hub-store", hubStore());
        checked.put("erp", erpDataSource());
        HealthCheckRegistry.get(camel).register(new DatabaseHealthCheck(checked));
        // Closed as a service, i.e. after the routes have stopped and drained in-flight work.
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                background.shutdownNow();
                databases.close();
            }
        }, true, true);
        // Added after the databases' closer, so stopped before it: queued orders are booked first.
        camel.addService(realTimeBooking(), true, true);
        camel.addService(stageOrder(), true, true);
        camel.addService(customerFeed(), true, true);
        camel.getManagementStrategy().addEventNotifier(routeActivity);
        List<RouteSettings> defaultModes = defaultRouteSettings(camel);
        // Drain routes come from a YAML template, so they can only be added once routes are loaded.
        camel.addStartupListener(new ExtendedStartupListener() {
            // Before any consumer starts, and after the routes were built while the hub store opened.
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
                routeModes().load(defaultModes);
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                new BatchScheduler(context, routeDrains(), background).follow(routeModes());
                StagedOrdersGauge.register(context, routeModes(), bookingStage());
                WorkQueuesGauge.register(context, orderEvents(), customerFeed());
                OutboundMessagesGauge.register(context, outboundMessages(),
                        List.of(OrderFollowUp.ACCOUNTING_ROUTE, Notices.ROUTE_ID, OrderFollowUp.PARTNER_DOCUMENTS_ROUTE));
                try {
                    PartnerTransfers.start(context, partnerProfiles(), dataDirectory());
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the partners' FTP/SFTP transfers: " + e.getMessage(), e);
                }
            }
        });
    }

    private List<RouteSettings> defaultRouteSettings(CamelContext camel) {
        List<RouteSettings> defaults = new ArrayList<>();
        for (String routeId : businessRoutes.split("\\s*,\\s*")) {
            String mode = camel.getPropertiesComponent().resolveProperty("hub.routes." + routeId + ".mode").orElse("realtime");
            String cron = camel.getPropertiesComponent().resolveProperty("hub.routes." + routeId + ".cron").orElse("0 0 * * * ?");
            defaults.add(new RouteSettings(routeId, RouteMode.parse(mode), cron, clock.instant(), "configuration"));
        }
        return defaults;
    }

    @BindToRegistry
    public synchronized RouteModes routeModes() {
        if (routeModes == null) {
            routeModes = new RouteModes(hubStore(), clock);
        }
        return routeModes;
    }

    @BindToRegistry
    public synchronized BookingStage bookingStage() {
        if (bookingStage == null) {
            bookingStage = new BookingStage(hubStore(), canonicalJson, clock);
        }
        return bookingStage;
    }

    @BindToRegistry
    public synchronized FailureLog failureLog() {
        if (failureLog == null) {
            failureLog = new FailureLog(hubStore(), clock);
        }
        return failureLog;
    }

    @BindToRegistry
    public synchronized BatchDrain batchDrain() {
        if (batchDrain == null) {
            batchDrain = new BatchDrain(bookingStage(), realTimeBooking(), failureLog(), hubStore(), drainChunk, clock, drainWindow);
            batchDrain.setListener(ediSetup().drainedOrderResponses(partnerProfiles(), interchangeRegistry(), hubStore(), clock));
        }
        return batchDrain;
    }

    /** The Quartz drain routes' processor: staged orders or waiting deliveries, by route. */
    @BindToRegistry
    public synchronized RouteDrains routeDrains() {
        if (routeDrains == null) {
            routeDrains = new RouteDrains(batchDrain(), outboundDispatcher(), new DrainRuns(hubStore(), clock));
        }
        return routeDrains;
    }

    @BindToRegistry
    public synchronized StageOrder stageOrder() {
        if (stageOrder == null) {
            stageOrder = new StageOrder(bookingStage(), maxBatch, maxQueued, answerTimeoutMillis);
        }
        return stageOrder;
    }

    @BindToRegistry
    public StagedReply stagedReply() {
        return new StagedReply(objectMapper);
    }

    @BindToRegistry
    public AdminAuthentication adminAuthentication() {
        return new AdminAuthentication(adminUser, AdminCredentials.password(adminPassword, dataDirectory()));
    }

    @BindToRegistry
    public AdminConsolePage adminConsolePage() {
        return new AdminConsolePage();
    }

    @BindToRegistry
    public AdminApi adminApi() {
        FailureReplays replays = new FailureReplays(realTimeBooking(), outboundMessages(), orderEvents(), shipmentIntake(), canonicalJson,
                dataDirectory().resolve("inbox"));
        return new AdminApi(routeModes(), bookingStage(), routeDrains(), failureLog(), replays, routeActivity, outboundMessages(), objectMapper);
    }

    @BindToRegistry
    public EdiAdminApi ediAdminApi() {
        return new EdiAdminApi(partnerProfiles(), interchangeRegistry(),
                ediSetup().outboundDocuments(partnerProfiles(), interchangeRegistry(), hubStore(), erpDataSource(), clock), objectMapper);
    }

    @BindToRegistry("hubStore")
    public DataSource hubStore() {
        databases.open(camelContext.getPropertiesComponent());
        return databases.hubStore();
    }

    @BindToRegistry("erpDataSource")
    public DataSource erpDataSource() {
        databases.open(camelContext.getPropertiesComponent());
        return databases.erp();
    }

    @BindToRegistry
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    @BindToRegistry
    public WebOrderReader webOrderReader() {
        return webOrderReader;
    }

    @BindToRegistry
    public InboundDocumentReader inboundDocumentReader() {
        return new InboundDocumentReader(webOrderReader, xmlOrderCodec);
    }

    @BindToRegistry
    public OrderBooking orderBooking() {
        BookingLedger ledger = new BookingLedger(hubStore(), Duration.parse(claimLease), clock);
        return new OrderBooking(ledger, new ErpOrderWriter(erpDataSource()), new OrderEventListener(orderEvents()));
    }

    private OrderContacts orderContacts() {
        return new OrderContacts(this::originOfSource, clock);
    }

    /** What the routes book through: concurrent orders share ERP and hub-store commits. */
    @BindToRegistry
    public synchronized GroupCommitBooking realTimeBooking() {
        if (realTimeBooking == null) {
            realTimeBooking = new GroupCommitBooking(orderBooking(), maxBatch, maxQueued, answerTimeoutMillis);
        }
        return realTimeBooking;
    }

    private Origin originOfSource(String source) {
        if (Order.WEBSTORE.equals(source)) {
            return Origin.WEBSTORE;
        }
        return partnerProfiles().byId(source).isPresent() ? Origin.EDI : Origin.DOCUMENT;
    }

    @BindToRegistry
    public synchronized CustomerResolver customerResolver() {
        if (customerResolver == null) {
            customerResolver = new CustomerResolver(hubStore(), new MatchSettings(phoneNameSimilarity, addressNameSimilarity,
                    defaultPhoneRegion, MatchSettings.parsePriority(sourcePriority)), clock);
        }
        return customerResolver;
    }

    @BindToRegistry
    public synchronized CustomerFeed customerFeed() {
        if (customerFeed == null) {
            customerFeed = new CustomerFeed(hubStore(), customerResolver(), canonicalJson, customerBatchSize, 500, clock, drainWindow);
        }
        return customerFeed;
    }

    @BindToRegistry
    public CustomerImport customerImport() {
        return new CustomerImport(customerResolver(), erpDataSource(), customerBatchSize, clock);
    }

    @BindToRegistry
    public CustomerExportFiles customerExportFiles() {
        return new CustomerExportFiles(customerImport());
    }

    @BindToRegistry
    public InputSizeLimit customerExportSizeLimit() {
        return new InputSizeLimit(maxCustomerExportBytes, "hub.customers.max-export-bytes");
    }

    @BindToRegistry
    public CustomerApi customerApi() {
        return new CustomerApi(new CustomerQueries(hubStore(), customerResolver()), canonicalJson, reportCurrency, clock);
    }

    @BindToRegistry
    public CustomerAdminApi customerAdminApi() {
        return new CustomerAdminApi(new CustomerCuration(hubStore(), customerResolver(), clock), customerImport(), objectMapper);
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
    public synchronized PartnerProfiles partnerProfiles() {
        if (partnerProfiles == null) {
            partnerProfiles = ediSetup().profiles();
        }
        return partnerProfiles;
    }

    @BindToRegistry
    public synchronized InterchangeRegistry interchangeRegistry() {
        if (interchangeRegistry == null) {
            interchangeRegistry = new InterchangeRegistry(hubStore(), clock);
        }
        return interchangeRegistry;
    }

    @BindToRegistry
    public EdiFiles ediFiles() {
        return new EdiFiles(ediSetup().inbox(transactionSchemas, partnerProfiles(), interchangeRegistry(), hubStore(), routeModes(),
                realTimeBooking(), bookingStage(), clock));
    }

    @BindToRegistry
    public InputSizeLimit ediInputSizeLimit() {
        return new InputSizeLimit(ediMaxInputBytes, "hub.edi.max-input-bytes");
    }

    private EdiSetup ediSetup() {
        return new EdiSetup(Path.of(partnersDir), "accept".equalsIgnoreCase(unknownPartners.trim()), ediOurId, ediHoldOrders,
                dataDirectory(), HubConfiguration::override);
    }

    /** A -D system property or environment variable (HUB_PARTNER_ACME_ACK) for a key, as for every other setting. */
    static String override(String key) {
        String property = System.getProperty(key);
        if (property != null) {
            return property;
        }
        return System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }

    @BindToRegistry
    public InputSizeLimit inputSizeLimit() {
        return new InputSizeLimit(maxInputBytes, "hub.max-input-bytes");
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
        return new QuarantineNote(dataDirectory().resolve("error"), clock, failureLog(), maxInputBytes);
    }

    /** Durable memory of the files taken from partners' FTP/SFTP servers (name, size, time), in the hub store. */
    @BindToRegistry
    public JdbcMessageIdRepository remoteFileRepository() {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore(), "partner-remote-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @BindToRegistry
    public PartnerTransferFailure partnerTransferFailure() {
        return new PartnerTransferFailure(failureLog());
    }

    /** Durable memory of inbox file contents already processed, in the hub store. */
    @BindToRegistry
    public JdbcMessageIdRepository inboxFileRepository() {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore(), "inbox-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @BindToRegistry
    public synchronized OutboundMessages outboundMessages() {
        if (outboundMessages == null) {
            outboundMessages = new OutboundMessages(hubStore(), clock);
        }
        return outboundMessages;
    }

    @BindToRegistry
    public synchronized OrderEvents orderEvents() {
        if (orderEvents == null) {
            orderEvents = new OrderEvents(hubStore(), canonicalJson, clock);
        }
        return orderEvents;
    }

    private boolean callbacksConfigured() {
        return !callbackUrl.isBlank();
    }

    @BindToRegistry
    public OrderFollowUp orderFollowUp() {
        Invoicing invoicing = new Invoicing(new InvoiceNumbers(invoicePrefix, invoiceDigits), new InvoiceCalculation(new BigDecimal(taxRate)),
                new ChartOfAccounts(receivablesAccount, revenueAccount, outputTaxAccount), ZoneId.of(accountingTimeZone), clock);
        return new OrderFollowUp(hubStore(), orderEvents(), invoicing, invoiceXml, outboundMessages(),
                callbacksConfigured() ? Optional.of(new Notices(noticeJson, clock)) : Optional.empty(), partnerProfiles(),
                customerFeed(), orderContacts(), canonicalJson, failureLog(), followUpBatchSize, drainWindow);
    }

    @BindToRegistry
    public synchronized OutboundDispatcher outboundDispatcher() {
        if (outboundDispatcher == null) {
            Map<String, Delivery> deliveries = new LinkedHashMap<>();
            deliveries.put(OrderFollowUp.ACCOUNTING_ROUTE, new EndpointDelivery(this::producer, accountingEndpoint));
            deliveries.put(OrderFollowUp.PARTNER_DOCUMENTS_ROUTE, new PartnerDocumentDelivery(
                    ediSetup().outboundDocuments(partnerProfiles(), interchangeRegistry(), hubStore(), erpDataSource(), clock), objectMapper));
            if (callbacksConfigured()) {
                deliveries.put(Notices.ROUTE_ID, new WebStoreCallback(this::producer, callbackUrl.trim(), new ErpStock(erpDataSource()),
                        noticeJson, noticesPerCall));
            }
            outboundDispatcher = new OutboundDispatcher(outboundMessages(), deliveries, failureLog(),
                    new RetryPolicy(maxDeliveryAttempts, Duration.ofMillis(retryDelayMillis), Duration.ofMillis(maxRetryDelayMillis)),
                    routeModes()::inBatchMode, routeActivity);
        }
        return outboundDispatcher;
    }

    @BindToRegistry
    public JournalClosing journalClosing() {
        return new JournalClosing(hubStore(), outboundMessages(), clock);
    }

    @BindToRegistry
    public ShipmentIntake shipmentIntake() {
        return new ShipmentIntake(hubStore(), new ErpOrderReader(erpDataSource()), orderEvents(), clock);
    }

    @BindToRegistry
    public ShipmentFailure shipmentFailure() {
        return new ShipmentFailure(failureLog(), objectMapper);
    }

    @BindToRegistry
    public BackOfficeAdminApi backOfficeAdminApi() {
        return new BackOfficeAdminApi(new ErpShipments(erpDataSource(), clock), journalClosing(), outboundMessages(), objectMapper, clock);
    }

    private Path dataDirectory() {
        return Path.of(dataDir);
    }
}
