package org.backofficehub.edi.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultExchange;
import org.backofficehub.booking.ErpPrecision;
import org.backofficehub.backoffice.OrderEventListener;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.intake.EdiIntake;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.reading.NotANewOrderException;
import org.backofficehub.edi.reading.OrderContext;
import org.backofficehub.edi.reading.OrderMessageTranslator;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.support.DemoErp;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.inbox.DocumentFormats;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.support.EdiRouteBeans;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.TestDatabase;

/**
 * The hub's EDI path as the corpus tests run it, started once: a file recognised by its first bytes
 * ({@link DocumentFormats}, as the route inbox-files does), then the route receive-edi-file of
 * routes/edi-interchanges.camel.yaml in a real CamelContext with the hub's route files
 * (edi-interchanges, order-intake, hub-errors) and the beans the daemon binds for them (StAEDI with
 * the hub's guides, the translators, the item catalogue, the group-commit booking into an H2 ERP,
 * the acknowledgement and order-response writers), the settings of config/application.properties
 * with the test's own over them.
 *
 * <p>The corpus files come from unrelated sources that reuse the same sender ids and control
 * numbers: each file is received as the first one of its partner, against stores put back as they
 * were after their migrations and the test's seed ({@link StoreSnapshot}) and an empty outbox. Where
 * the inbox would put the file follows hub-errors.camel.yaml's file-quarantine: a refusal
 * ({@link InputRejectedException}) goes to error/ with its reason; anything else thrown is retried and
 * quarantined as processing-failed.
 *
 * <p>Besides what the partner gets back, it keeps what the hub made of each order on the way: the
 * canonical order each message was translated to, and what the item catalogue settled for it.
 */
public final class CorpusHub implements AutoCloseable {

    /** An order message as the translator read it; {@code notNew} is why it is not booked when it is a cancellation or the like. */
    public record Translation(String type, String control, Order order, String notNew) {
    }

    /** What the catalogue made of one order: the order to book, lines resolved, or the refusal; and whose cross-reference was asked. */
    public record Settled(String partnerId, Order bookable, OrderAnswer refused) {
    }

    /** One file through the route: the corpus run's record, and what the hub made of its orders on the way. */
    public record Received(CorpusRun run, List<Translation> translations, Map<String, Settled> settled, List<OrderAnswer> booked,
                           Acknowledgements written) {
    }

    private final Path dataDirectory;
    private final Path keepWrittenIn;
    private final HikariDataSource hubStore;
    private final HikariDataSource erp;
    private final StoreSnapshot hubSnapshot;
    private final StoreSnapshot erpSnapshot;
    private final GroupCommitBooking booking;
    private final CamelContext camel;
    private final ItemCatalogue catalogue;
    private final List<OrderAnswer> answers = new CopyOnWriteArrayList<>();
    private final List<Translation> translations = new CopyOnWriteArrayList<>();
    private final Map<String, Settled> settled = new LinkedHashMap<>();

    /**
     * @param testSettings   the test's own settings over the daemon's, as an operator would set them
     * @param profiles       the partner profiles, from those settings
     * @param seedErp        rows the test adds to the migrated ERP (a catalogue), kept for every file
     * @param keepWrittenIn  where to keep each file's outbound documents (folder per file), or null
     */
    public CorpusHub(Path dataDirectory, Clock clock, Map<String, String> testSettings, Function<Properties, PartnerProfiles> profiles,
                     Consumer<DataSource> seedErp, Path keepWrittenIn) {
        this.dataDirectory = dataDirectory;
        this.keepWrittenIn = keepWrittenIn;
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.putAll(testSettings);
        hubStore = TestDatabase.H2.newMigratedDataSource("corpus_hub", "db/hub");
        erp = TestDatabase.H2.newMigratedDataSource("corpus_erp", "db/erp");
        seedErp.accept(erp);
        hubSnapshot = StoreSnapshot.take(hubStore);
        erpSnapshot = StoreSnapshot.take(erp);

        PartnerProfiles partners = profiles.apply(settings);
        InterchangeRegistry registry = new InterchangeRegistry(hubStore, clock);
        Outbox outbox = new Outbox(new DataDirectory(dataDirectory));
        StoredControlNumbers numbers = new StoredControlNumbers(hubStore);
        ObjectMapper canonicalJson = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        OrderBooking orderBooking = new OrderBooking(
                new BookingLedger(hubStore, Duration.parse(setting(settings, "hub.booking.claim-lease")), clock), DemoErp.writer(erp),
                new OrderEventListener(new OrderEvents(hubStore, canonicalJson, clock)));
        booking = new GroupCommitBooking(orderBooking, Integer.parseInt(setting(settings, "hub.booking.max-batch")),
                Integer.parseInt(setting(settings, "hub.booking.max-queued")),
                Long.parseLong(setting(settings, "hub.booking.answer-timeout-ms")));
        booking.start();
        int holdOrders = Integer.parseInt(setting(settings, "hub.edi.hold-orders"));
        Map<String, Object> beans = EdiRouteBeans.of(hubStore, erp, registry, numbers, partners, outbox, clock,
                new AnsweredBooking(booking, answers), holdOrders, Long.parseLong(setting(settings, "hub.edi.max-input-bytes")));
        // The daemon's intake and catalogue, each order noted as it passes.
        Map<String, OrderMessageTranslator> translators = new HashMap<>();
        EdiEngines.translators().forEach((key, translator) -> translators.put(key, new RecordingTranslator(translator, translations)));
        beans.put("ediIntake", new EdiIntake(new InterchangeReader(new TransactionSchemas()), partners, registry, numbers, outbox,
                translators, clock, holdOrders));
        catalogue = (ItemCatalogue) beans.get("itemCatalogue");
        beans.put("itemCatalogue", new RecordingCatalogue(catalogue, settled));
        beans.put("erpPrecision", new RecordingPrecision(ErpPrecision.DEMO_ERP, settled));
        camel = RouteFiles.start(beans, settings, "edi-interchanges.camel.yaml", "order-intake.camel.yaml", "hub-errors.camel.yaml");
    }

    /** The value of a key: the test's setting, else the daemon's settings file's. */
    public static String setting(Properties settings, String key) {
        String value = settings.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("config/application.properties has no " + key);
        }
        return value.trim();
    }

    /** The catalogue the route settles orders with, for asking it about one line. */
    public ItemCatalogue catalogue() {
        return catalogue;
    }

    /** The ERP, as the test's seed left it. */
    public DataSource erp() {
        return erp;
    }

    /**
     * One file as the inbox takes it: recognised, then the EDI route; what the hub wrote, booked and said.
     *
     * @param name          the file as the report names it (folder/file)
     * @param invalidInFact why a message breaks its standard, or null when it does not
     */
    public Received receive(String name, Path file, BiFunction<String, CorpusMessage, String> invalidInFact) {
        hubSnapshot.restore();
        erpSnapshot.restore();
        answers.clear();
        translations.clear();
        settled.clear();
        deleteTree(dataDirectory.resolve("outbox"));
        String outcome;
        String detail;
        List<FieldProblem> problems = List.of();
        String escaped = null;
        try {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toAbsolutePath().toString());
            exchange.getMessage().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
            exchange.getMessage().setHeader(Exchange.FILE_LENGTH, Files.size(file));
            new DocumentFormats().detect(exchange);
            String format = exchange.getMessage().getHeader(DocumentFormats.FORMAT, String.class);
            Throwable failure;
            if (!"EDI".equals(format)) {
                // The inbox hands it to the order intake for JSON and XML, which refuses it.
                failure = refusedAs(format, exchange);
            } else {
                camel.createProducerTemplate().send("direct:receive-edi-file", exchange);
                failure = unwrap(exchange.getException());
            }
            if (failure == null) {
                outcome = "done";
                detail = String.valueOf(exchange.getMessage().getBody());
            } else if (failure instanceof InputRejectedException refused) {
                outcome = "error";
                detail = refused.type().slug() + ": " + refused.getMessage();
                problems = refused.fieldProblems();
            } else {
                outcome = "processing-failed";
                detail = failure.getClass().getSimpleName() + ": " + failure.getMessage() + thrownAt(failure);
            }
        } catch (Exception | AssertionError e) {
            outcome = "processing-failed";
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            escaped = detail;
        }
        Acknowledgements written = Acknowledgements.read(dataDirectory.resolve("outbox"));
        keepWritten(name);
        List<CorpusRun.MessageRun> messages = new ArrayList<>();
        Map<String, List<OrderAnswer>> answered = new HashMap<>();
        for (OrderAnswer answer : answers) {
            answered.computeIfAbsent(answer.order().orderId(), k -> new ArrayList<>()).add(answer);
        }
        for (CorpusMessage message : CorpusMessage.scan(file)) {
            List<String> reasons = CorpusRun.reasonsFor(message, problems, outcome.equals("done") ? null : detail);
            List<OrderAnswer> forOrder = answered.getOrDefault(message.documentNumber(), List.of());
            String booked = forOrder.isEmpty() ? "" : bookingOf(forOrder.remove(0));
            messages.add(new CorpusRun.MessageRun(message, written.verdict(message), reasons, booked, invalidInFact.apply(name, message)));
        }
        CorpusRun run = new CorpusRun(name, outcome, detail, problems, written.documents(), messages, written.orderResponses(), bookedRows(),
                duplicateBookings(), escaped);
        return new Received(run, List.copyOf(translations), new LinkedHashMap<>(settled), List.copyOf(answers), written);
    }

    private static String bookingOf(OrderAnswer answer) {
        if (answer.refusal() != null) {
            return "refused: " + answer.refusal().getMessage();
        }
        if (answer.booking() != null) {
            return "booked " + answer.booking().erpOrderNumber() + (answer.booking().alreadyBooked() ? " (before)" : "");
        }
        return "staged";
    }

    private static Throwable refusedAs(String format, Exchange exchange) {
        try {
            new DocumentFormats().refuse(exchange);
            return new IllegalStateException("DocumentFormats.refuse did not refuse a " + format + " file");
        } catch (Exception e) {
            return e;
        }
    }

    /** Where in the hub a failure was thrown: the hub's innermost frames, for the report. */
    private static String thrownAt(Throwable failure) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("org.backofficehub.") && frames.size() < 3) {
                frames.add(frame.getClassName().substring("org.backofficehub.".length()) + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber());
            }
        }
        return frames.isEmpty() ? "" : " (at " + String.join(" < ", frames) + ")";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CamelExecutionException || cause instanceof RuntimeCamelException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private int bookedRows() {
        try (Connection connection = erp.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM ORDHDR")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> duplicateBookings() {
        List<String> duplicates = new ArrayList<>();
        try (Connection connection = erp.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT OHSRC, OHCREF, COUNT(*) FROM ORDHDR GROUP BY OHSRC, OHCREF HAVING COUNT(*) > 1")) {
            while (rs.next()) {
                duplicates.add(rs.getString(1) + "/" + rs.getString(2) + " x" + rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return duplicates;
    }

    private void keepWritten(String file) {
        Path outbox = dataDirectory.resolve("outbox");
        if (keepWrittenIn == null || !Files.exists(outbox)) {
            return;
        }
        Path target = keepWrittenIn.resolve(file);
        try (Stream<Path> all = Files.walk(outbox)) {
            for (Path document : all.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(target);
                Files.copy(document, target.resolve(document.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree, if there is one. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            booking.stop();
            hubStore.close();
            erp.close();
        }
    }

    /** The daemon's group-commit booking (the bean realTimeBooking), keeping each answer to say per message what was booked. */
    public static final class AnsweredBooking {
        private final GroupCommitBooking booking;
        private final List<OrderAnswer> answers;

        AnsweredBooking(GroupCommitBooking booking, List<OrderAnswer> answers) {
            this.booking = booking;
            this.answers = answers;
        }

        public List<OrderAnswer> bookOrders(List<Order> orders) {
            List<OrderAnswer> answered = booking.bookOrders(orders);
            answers.addAll(answered);
            return answered;
        }
    }

    /** The daemon's translator, noting each order it reads (a cancellation's or a replacement's too). */
    private record RecordingTranslator(OrderMessageTranslator translator, List<Translation> translations) implements OrderMessageTranslator {

        @Override
        public Order translate(OrderContext context, EdiMessage message) {
            try {
                Order order = translator.translate(context, message);
                translations.add(new Translation(message.type(), message.controlNumber(), order, null));
                return order;
            } catch (NotANewOrderException notNew) {
                translations.add(new Translation(message.type(), message.controlNumber(), notNew.order(), notNew.getMessage()));
                throw notNew;
            }
        }
    }

    /** The daemon's check of amounts against the ERP's columns (the bean erpPrecision), noting each order it refuses. */
    public static final class RecordingPrecision {
        private final ErpPrecision precision;
        private final Map<String, Settled> settled;

        RecordingPrecision(ErpPrecision precision, Map<String, Settled> settled) {
            this.precision = precision;
            this.settled = settled;
        }

        public ErpPrecision.Admission admit(List<Order> orders) {
            note(orders);
            return precision.admit(orders);
        }

        public List<OrderAnswer> answers(ErpPrecision.Admission admission, List<OrderAnswer> forAdmitted) {
            return precision.answers(admission, forAdmitted);
        }

        public ResolvedOrders refuseUnfit(ResolvedOrders resolved) {
            note(resolved.bookable());
            return precision.refuseUnfit(resolved);
        }

        private void note(List<Order> orders) {
            for (Order order : orders) {
                InputRejectedException refusal = precision.refusal(order);
                if (refusal != null) {
                    settled.computeIfPresent(order.orderId(), (id, before) -> new Settled(before.partnerId(), before.bookable(),
                            OrderAnswer.refused(order, refusal)));
                }
            }
        }
    }

    /** The daemon's catalogue (the bean itemCatalogue), noting what it settled for each order. */
    public static final class RecordingCatalogue {
        private final ItemCatalogue catalogue;
        private final Map<String, Settled> settled;

        RecordingCatalogue(ItemCatalogue catalogue, Map<String, Settled> settled) {
            this.catalogue = catalogue;
            this.settled = settled;
        }

        public ResolvedOrders resolve(List<Order> orders, String partnerId) {
            ResolvedOrders resolved = catalogue.resolve(orders, partnerId);
            resolved.bookable().forEach(order -> settled.put(order.orderId(), new Settled(partnerId, order, null)));
            resolved.refused().forEach(answer -> settled.put(answer.order().orderId(), new Settled(partnerId, null, answer)));
            return resolved;
        }
    }
}
