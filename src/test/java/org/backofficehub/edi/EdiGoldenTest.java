package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.backofficehub.accounting.ChartOfAccounts;
import org.backofficehub.accounting.InvoiceCalculation;
import org.backofficehub.accounting.InvoiceNumbers;
import org.backofficehub.accounting.InvoiceRecords;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.support.DemoErp;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.support.TestTaxRules;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.EdiRouteBeans;
import org.backofficehub.support.ExpectedProblems;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.backofficehub.booking.BookingResult;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.edi.writing.Outbox;

/**
 * Every EDI sample through the real reader, translators, booking (H2) and writers, with a fixed
 * clock and fresh stores: the canonical orders, the acknowledgement and the order responses must
 * equal the golden files in {@code expected/} beside the sample ({@code .canonical.json}, {@code .ack.edi},
 * {@code .response.edi}), and so must the invoices and despatch advices generated from the ERP
 * afterwards ({@code .invoice.edi}, {@code .despatch.edi}); invalid samples must be refused with the problem their folder's
 * expected-problems.properties names, booking only the messages not in error.
 *
 * <p>The EDIFACT samples run through both engines, StAEDI and Smooks, against the same golden
 * files; for invalid samples Smooks must refuse them as StAEDI does, but reports no positions, so
 * its acknowledgement is not compared.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the golden files after a deliberate change,
 * then review the diff.
 */
class EdiGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path outbox;
    private HikariDataSource hubStore;
    private HikariDataSource erp;
    private final List<Order> delivered = new ArrayList<>();

    @BeforeEach
    void open() {
        hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
        erp = TestDatabase.H2.newMigratedDataSource("erp", "db/erp");
    }

    @AfterEach
    void close() {
        hubStore.close();
        erp.close();
    }

    /** Every sample with the StAEDI engine; the EDIFACT ones with the Smooks engine as well. */
    static Stream<Arguments> samples() throws IOException {
        List<Arguments> runs = new ArrayList<>();
        for (String folder : List.of("edifact", "edifact/invalid", "x12", "x12/invalid")) {
            try (Stream<Path> listed = Files.list(Samples.path(folder))) {
                for (Path sample : listed.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".edi"))
                        .sorted().toList()) {
                    runs.add(Arguments.of(PartnerProfile.STAEDI, sample));
                    if (folder.startsWith("edifact")) {
                        runs.add(Arguments.of(PartnerProfile.SMOOKS, sample));
                    }
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void sampleMatchesItsGoldenFiles(String engine, Path sample) throws Exception {
        String problem = receive(sample, engine);
        boolean smooks = PartnerProfile.SMOOKS.equals(engine);

        boolean invalid = sample.getParent().getFileName().toString().equals("invalid");
        if (invalid) {
            String folder = Samples.ROOT.relativize(sample.getParent()).toString();
            assertThat(problem).as("problem for " + sample).isEqualTo(ExpectedProblems.of(folder).get(sample.getFileName().toString()));
        } else {
            assertThat(problem).as("a valid sample is refused").isNull();
            assertThat(delivered).as("orders translated from a valid sample").isNotEmpty();
        }
        // Messages in error are refused one by one: the valid ones beside them are still booked.
        assertGolden(sibling(sample, ".canonical.json"), delivered.isEmpty() ? null : CanonicalJson.pretty(delivered),
                expected -> CanonicalJson.assertAllMatchGolden(delivered, expected));
        assertThat(bookedOrders()).as("orders booked").isEqualTo(delivered.size());
        if (smooks && invalid) {
            return; // Smooks reports no error positions: the refusal is checked, not the acknowledgement's codes.
        }
        assertGolden(sibling(sample, ".ack.edi"), outboxDocument("CONTRL", "997", "999", "TA1"), null);
        assertGolden(sibling(sample, ".response.edi"), outboxDocument("ORDRSP", "855"), null);
        if (!invalid) {
            sendInvoicesAndDespatchAdvices();
            assertGolden(sibling(sample, ".invoice.edi"), outboxDocument("INVOIC", "810"), null);
            assertGolden(sibling(sample, ".despatch.edi"), outboxDocument("DESADV", "856"), null);
        }
    }

    /**
     * Every booked order invoiced by accounting (as the follow-up does, under the shipped tax rules),
     * then its invoice and despatch advice sent as an administrator asks for them.
     */
    private void sendInvoicesAndDespatchAdvices() throws java.sql.SQLException {
        ErpOrderReader erpOrders = DemoErp.reader(erp);
        Invoicing invoicing = new Invoicing(new InvoiceNumbers("INV-{yyyy}-", 6), new InvoiceCalculation(TestTaxRules.GERMANY),
                new ChartOfAccounts("1400", "8400", "1776"), ZoneOffset.UTC, CLOCK);
        try (var connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            invoicing.invoice(connection, delivered.stream().map(order -> new Invoicing.BookedOrder(order,
                    erpOrders.find(order.source(), order.orderId(), 1).get(0).erpOrderNumber())).toList());
            connection.commit();
        }
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null);
        OutboundDocuments documents = new OutboundDocuments(profiles, erpOrders, new InvoiceRecords(hubStore, CLOCK),
                new Outbox(new DataDirectory(outbox)), new StoredControlNumbers(hubStore), new InterchangeRegistry(hubStore, CLOCK), CLOCK);
        for (Order order : delivered) {
            documents.send(order.source(), order.orderId(), OutboundDocuments.Kind.INVOICE);
            documents.send(order.source(), order.orderId(), OutboundDocuments.Kind.DESPATCH_ADVICE);
        }
    }

    @Test
    void anX12PartnerWhoseProfileSaysLatin1HasItsTextReadAndAnsweredInIt(@TempDir Path inbox) throws Exception {
        String sample = Samples.text("x12/850-004010.edi").replace("N1*BY*Acme Coffee Supply Inc", "N1*BY*Acme Café Supply Inc");
        Path latin1 = inbox.resolve("850-latin1.edi");
        Files.write(latin1, sample.getBytes(StandardCharsets.ISO_8859_1));

        String problem = receive(latin1, PartnerProfile.STAEDI, Map.of("hub.partner.acme.encoding", "ISO-8859-1"));

        assertThat(problem).isNull();
        assertThat(delivered).extracting(order -> order.buyer().name()).containsOnly("Acme Café Supply Inc");
        assertThat(bookedOrders()).isEqualTo(delivered.size());
        assertThat(outboxDocument("997")).as("accepted").contains("AK9*A*");
    }

    private String receive(Path sample, String engine) throws Exception {
        return receive(sample, engine, Map.of());
    }

    /** The sample as the EDI route receives an inbox file (routes/edi-interchanges.camel.yaml); the problem it is refused with, or null. */
    private String receive(Path sample, String engine, Map<String, String> overrides) throws Exception {
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB",
                key -> key.endsWith(".engine") ? engine : overrides.get(key));
        InterchangeRegistry registry = new InterchangeRegistry(hubStore, CLOCK);
        Outbox partnersOutbox = new Outbox(new DataDirectory(outbox));
        StoredControlNumbers numbers = new StoredControlNumbers(hubStore);
        OrderBooking booking = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), CLOCK), DemoErp.writer(erp));
        Map<String, Object> beans = EdiRouteBeans.of(hubStore, erp, registry, numbers, profiles, partnersOutbox, CLOCK,
                new RecordingBooking(booking, delivered));
        try (CamelContext camel = RouteFiles.start(beans, "edi-interchanges.camel.yaml", "order-intake.camel.yaml", "hub-errors.camel.yaml")) {
            camel.createProducerTemplate().sendBodyAndHeaders("direct:receive-edi-file", null, Map.of(
                    Exchange.FILE_PATH, sample.toAbsolutePath().toString(), Exchange.FILE_NAME, sample.getFileName().toString(),
                    Exchange.FILE_LENGTH, Files.size(sample)));
            return null;
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof InputRejectedException refused) {
                return refused.type().slug();
            }
            throw e;
        }
    }

    /** The real booking, keeping the orders it was handed: the canonical orders the golden files hold. */
    public static final class RecordingBooking {
        private final OrderBooking booking;
        private final List<Order> delivered;

        RecordingBooking(OrderBooking booking, List<Order> delivered) {
            this.booking = booking;
            this.delivered = delivered;
        }

        public List<OrderAnswer> bookOrders(List<Order> orders) {
            delivered.addAll(orders);
            List<BookingResult> results = booking.bookAll(orders);
            List<OrderAnswer> answers = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                BookingResult result = results.get(i);
                answers.add(result.rejection() == null ? OrderAnswer.booked(orders.get(i), result.booking())
                        : OrderAnswer.refused(orders.get(i), result.rejection()));
            }
            return answers;
        }
    }

    private int bookedOrders() {
        try (var connection = erp.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM ORDHDR")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documents of these types in the outbox, in the order written (control numbers), or null when none. */
    private String outboxDocument(String... types) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> all = Files.walk(outbox)) {
                all.filter(Files::isRegularFile).filter(p -> {
                    String name = p.getFileName().toString();
                    return Stream.of(types).anyMatch(type -> name.startsWith(type + "-"));
                }).forEach(found::add);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        found.sort(java.util.Comparator.comparing((Path p) -> p.getFileName().toString().length()).thenComparing(Path::toString));
        StringBuilder documents = new StringBuilder();
        for (Path document : found) {
            // The hub's EDIFACT envelopes say UNOC: ISO 8859-1. X12 is written as UTF-8.
            boolean edifact = Files.readString(document, StandardCharsets.ISO_8859_1).startsWith("UNA");
            documents.append(Files.readString(document, edifact ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        return documents.toString();
    }

    /** Golden files live in expected/ beside the samples, so copying *.edi to an inbox copies inputs only. */
    private static Path sibling(Path sample, String suffix) {
        return sample.resolveSibling("expected").resolve(sample.getFileName().toString().replaceFirst("\\.edi$", "") + suffix);
    }

    private static void assertGolden(Path golden, String actual, java.util.function.Consumer<String> comparison) throws IOException {
        if (UPDATE) {
            if (actual == null) {
                Files.deleteIfExists(golden);
            } else {
                Files.writeString(golden, actual, goldenCharset(golden));
            }
            return;
        }
        if (actual == null) {
            assertThat(golden).as("no document was written, but a golden file exists").doesNotExist();
            return;
        }
        assertThat(golden).as("golden file for the document written").exists();
        String expected = Files.readString(golden, goldenCharset(golden));
        if (comparison != null) {
            comparison.accept(expected);
        } else {
            assertThat(actual).as(golden.toString()).isEqualTo(expected);
        }
    }

    /** Expected EDIFACT documents are stored as the hub writes them (UNOC: ISO 8859-1), to compare byte for byte. */
    private static java.nio.charset.Charset goldenCharset(Path golden) {
        boolean edifactDocument = golden.toString().contains("edifact") && golden.getFileName().toString().endsWith(".edi");
        return edifactDocument ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }
}
