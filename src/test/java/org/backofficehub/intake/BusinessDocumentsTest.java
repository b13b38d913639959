package org.backofficehub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.backofficehub.inbox.DocumentFormats;
import org.backofficehub.json.AssertingFormats;
import org.backofficehub.json.StrictJson;
import org.backofficehub.json.WebOrderDocuments;
import org.backofficehub.json.WebOrderSchemaProblems;
import org.backofficehub.json.WebOrders;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.Samples;
import org.backofficehub.xml.OrderXsdProblems;
import org.backofficehub.xml.XmlOrders;
import org.backofficehub.xml.XmlSchemas;
import org.backofficehub.xml.standards.BusinessDocuments;
import org.backofficehub.xml.standards.MappingFailedException;
import org.backofficehub.xml.standards.MappingStylesheets;
import org.backofficehub.xml.standards.UblOrderResponses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UBL, cXML and openTRANS orders read as routes/business-documents.camel.yaml reads them: recognised
 * by content, mapped by the stylesheets config/application.properties names, validated against
 * order.xsd and translated; each sample against its golden canonical order, each invalid one refused
 * with its reason, and a changed mapping taking effect.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the golden files after a deliberate change,
 * then review the diff.
 */
class BusinessDocumentsTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String FOLDER = "business-documents";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataDir;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void start() {
        camel = start(settings());
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    static Stream<String> samples() {
        return Stream.of("ubl-order.xml", "cxml-order-request.xml", "opentrans-order.xml");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleTranslatesToItsGoldenCanonicalForm(String sample) throws IOException {
        Order order = read(Samples.path(FOLDER + "/" + sample));

        Path golden = Samples.path(FOLDER + "/" + sample.replaceFirst("\\.xml$", ".canonical.json"));
        if (UPDATE) {
            Files.writeString(golden, CanonicalJson.pretty(order) + "\n");
        }
        CanonicalJson.assertMatchesGolden(order, Files.readString(golden));
    }

    /** Each file of invalid/ is refused with the problem and the reason its expected-problems.properties names. */
    static Stream<String> invalidSamples() {
        return expectedProblems().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void invalidSampleIsRefusedWithItsReason(String sample) {
        String[] expected = expectedProblems().get(sample).split(":", 2);

        assertRefused(Samples.path(FOLDER + "/invalid/" + sample), e -> {
            assertThat(e.type().slug()).as(sample).isEqualTo(expected[0].trim());
            assertThat(e.getMessage()).as(sample).contains(expected[1].trim());
        });
    }

    @Test
    void aChangedMappingTakesEffect(@TempDir Path mappings) throws Exception {
        // The worked example of the README: the line's description from the item's cbc:Description instead of its cbc:Name.
        String shipped = Files.readString(Path.of("config/mappings/ubl-order.xsl"));
        String changed = shipped.replace("(cac:Item/cbc:Name, cac:Item/cbc:Description)", "(cac:Item/cbc:Description, cac:Item/cbc:Name)");
        assertThat(changed).isNotEqualTo(shipped);
        Path copy = mappings.resolve("my-ubl-order.xsl");
        Files.writeString(copy, changed);
        Properties settings = settings();
        settings.setProperty("hub.mapping.ubl", "file:" + copy);
        CamelContext changedCamel = start(settings);
        try {
            Order order = read(changedCamel.createProducerTemplate(), Samples.path(FOLDER + "/ubl-order.xml"));

            assertThat(order.lines().get(0).description()).isEqualTo("Espresso cup, 70 ml, white porcelain, dishwasher safe");
            assertThat(order.lines().get(1).description()).isEqualTo("Coffee beans, house blend");
        } finally {
            changedCamel.close();
        }
    }

    @Test
    void aMappingThatFailsOnADocumentIsReportedAsTheMappingsFault(@TempDir Path mappings) throws Exception {
        String shipped = Files.readString(Path.of("config/mappings/ubl-order.xsl"));
        Path copy = mappings.resolve("broken.xsl");
        // A slip a user could make: the line's quantity cast from a text (xs:integer('1x') fails, FORG0001).
        Files.writeString(copy, shipped.replace("<quantity>{xs:decimal(cbc:Quantity)}</quantity>", "<quantity>{xs:integer(cbc:ID || 'x')}</quantity>"));
        Properties settings = settings();
        settings.setProperty("hub.mapping.ubl", "file:" + copy);
        CamelContext changedCamel = start(settings);
        try {
            assertThatThrownBy(() -> read(changedCamel.createProducerTemplate(), Samples.path(FOLDER + "/ubl-order.xml")))
                    .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(MappingFailedException.class)
                    .hasMessageContaining("The mapping file:" + copy + " (hub.mapping.ubl) failed on this UBL 2.1 Order");
        } finally {
            changedCamel.close();
        }
    }

    @Test
    void aMappingThatDoesNotCompileFailsItsDocumentsNamingFileLineAndColumn(@TempDir Path mappings) throws Exception {
        Path copy = mappings.resolve("not-xslt.xsl");
        Files.writeString(copy, "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                + "<xsl:template match=\"/\"><xsl:value-of select=\"((\"/></xsl:template></xsl:stylesheet>");
        Properties settings = settings();
        settings.setProperty("hub.mapping.cxml", "file:" + copy);
        CamelContext changedCamel = start(settings);
        try {
            assertThatThrownBy(() -> read(changedCamel.createProducerTemplate(), Samples.path(FOLDER + "/cxml-order-request.xml")))
                    .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(MappingFailedException.class)
                    .hasMessageContaining("The mapping file:" + copy + " (hub.mapping.cxml) does not compile")
                    .hasMessageContaining("not-xslt.xsl; Line#: 2");
        } finally {
            changedCamel.close();
        }
    }

    @Test
    void aMappingThatIsNotThereStopsTheHubNamingItsSetting() {
        assertThatThrownBy(() -> new MappingStylesheets(Map.of("hub.mapping.ubl", "file:config/mappings/no-such.xsl")))
                .hasMessage("hub.mapping.ubl = file:config/mappings/no-such.xsl: there is no such stylesheet");
    }

    @Test
    void aCxmlDoctypeNamingTheCxmlDtdIsReadWithoutFetchingIt() throws Exception {
        // The sample names http://xml.cxml.org/...; were it fetched, this test would need the network (and an outage would stop orders).
        assertThat(Samples.text(FOLDER + "/cxml-order-request.xml")).contains("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/");

        assertThat(read(Samples.path(FOLDER + "/cxml-order-request.xml")).orderId()).isEqualTo("DO1234");
    }

    @Test
    void aCxmlDoctypeDeclaringEntitiesIsRefused(@TempDir Path dir) throws Exception {
        String bomb = Samples.text(FOLDER + "/cxml-order-request.xml").replaceFirst("<!DOCTYPE cXML SYSTEM \"[^\"]*\">",
                "<!DOCTYPE cXML [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>").replace("Acme, Inc.", "&b;");
        Path file = dir.resolve("bomb.xml");
        Files.writeString(file, bomb);

        assertRefused(file, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
            assertThat(e.getMessage()).contains("declares a DTD");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>|a UBL Invoice",
            "<cXML><Header/><Request><ConfirmationRequest/></Request></cXML>|a cXML Request/ConfirmationRequest",
            "<ORDERRESPONSE xmlns=\"http://www.opentrans.org/XMLSchema/2.1\"/>|an openTRANS 2.1 ORDERRESPONSE",
            "<ORDER xmlns=\"http://www.opentrans.org/XMLSchema/1.0\"/>|an openTRANS 1.0 ORDER"})
    void anotherDocumentOfAKnownStandardIsRefusedSayingWhatItIs(String caseAndReason, @TempDir Path dir) throws Exception {
        String[] parts = caseAndReason.split("\\|");
        Path file = dir.resolve("document.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n" + parts[0]);

        assertRefused(file, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).startsWith("The file is " + parts[1]).contains("the hub reads the");
        });
    }

    @Test
    void xmlOfNoKnownKindIsRefusedNamingItsRootElement(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invoice.xml");
        Files.writeString(file, "<invoice xmlns=\"urn:other\"><id>1</id></invoice>");

        assertRefused(file, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).startsWith("The file is XML whose root element is invoice (namespace urn:other)")
                    .contains("UBL 2.1 Order, the cXML OrderRequest and the openTRANS 2.1 ORDER");
        });
    }

    @Test
    void theHubsOwnOrderAndXmlTooBrokenToRecogniseAreLeftToItsOrderReading(@TempDir Path dir) throws Exception {
        Path own = Samples.path("xml/order.xml");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<order xmlns=\"urn:backoffice-hub:order:1\"");

        assertThat(format(own)).isEqualTo("XML");
        assertThat(format(broken)).isEqualTo("XML");
        assertRefused(broken, e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT));
    }

    @Test
    void aSendersIdTooLongForASourceIsShortenedButStaysItsOwn(@TempDir Path dir) throws Exception {
        String longId = "purchasing.department.headquarters@acme.example";
        Order one = read(withCxmlSender(dir, "one.xml", longId));
        Order other = read(withCxmlSender(dir, "other.xml", longId.replace("headquarters", "branch-office")));

        assertThat(one.source()).hasSize(35).startsWith("CXML:AribaNetworkUserId:");
        assertThat(other.source()).hasSize(35).startsWith("CXML:AribaNetworkUserId:").isNotEqualTo(one.source());
    }

    @Test
    void theUblOrderResponseMatchesItsGoldenFile() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(BusinessDocuments.ORIGINAL, Samples.bytes(FOLDER + "/ubl-order.xml"));
        Order order = read(Samples.path(FOLDER + "/ubl-order.xml"));
        exchange.getMessage().setBody(List.of(OrderAnswer.booked(order, new Booking(order.key(), "100001", OrderStatus.BOOKED, false))));

        producer.send("direct:answer-ubl-order", exchange);

        assertThat(exchange.getException()).isNull();
        Path written = dataDir.resolve("outbox/UBL_GLN_7300010000001/OrderResponse-34.xml");
        Path golden = Samples.path(FOLDER + "/expected/ubl-order.response.xml");
        if (UPDATE) {
            Files.copy(written, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(written)).isEqualTo(Files.readString(golden));
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1).first().isInstanceOf(OrderAnswer.class);
    }

    private static Path withCxmlSender(Path dir, String name, String identity) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, Samples.text(FOLDER + "/cxml-order-request.xml").replaceFirst(
                "(?s)<From>.*?</From>", "<From><Credential domain=\"AribaNetworkUserId\"><Identity>" + identity + "</Identity></Credential></From>"));
        return file;
    }

    private static CamelContext start(Properties settings) {
        Map<String, Object> beans = new HashMap<>();
        // The JSON route shares the route file; its beans are needed to start it, not to read XML.
        beans.put("webOrders", new WebOrders(new ObjectMapper()));
        beans.put("webOrderDocuments", new WebOrderDocuments(StrictJson.keepingDecimalsAsWritten()));
        beans.put("assertingFormats", new AssertingFormats());
        beans.put("webOrderSchemaProblems", new WebOrderSchemaProblems());
        beans.put("xmlOrders", new XmlOrders());
        beans.put("orderXsdProblems", new OrderXsdProblems());
        beans.put("documentFormats", new DocumentFormats());
        beans.put("xmlSchemaFactory", XmlSchemas.factory());
        Map<String, String> mappings = new HashMap<>();
        settings.stringPropertyNames().stream().filter(key -> key.startsWith("hub.mapping."))
                .forEach(key -> mappings.put(key, settings.getProperty(key)));
        MappingStylesheets stylesheets = new MappingStylesheets(mappings);
        beans.put("businessDocuments", new BusinessDocuments(stylesheets));
        beans.put("ublOrderResponses", new UblOrderResponses(List.of("urn:fdc:peppol.eu:poacc:bis:ordering:3"), stylesheets, CLOCK));
        return RouteFiles.start(beans, settings, "order-documents.camel.yaml", "business-documents.camel.yaml", "hub-errors.camel.yaml");
    }

    /** The mappings config/application.properties ships, and a data directory of the test's own. */
    private static Properties settings() {
        Properties shipped = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
            shipped.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties settings = new Properties();
        for (String key : shipped.stringPropertyNames()) {
            if (key.startsWith("hub.mapping.")) {
                settings.setProperty(key, shipped.getProperty(key).trim());
            }
        }
        settings.setProperty("hub.data-dir", dataDir.toString());
        return settings;
    }

    private static TreeMap<String, String> expectedProblems() {
        return org.backofficehub.support.ExpectedProblems.of(FOLDER + "/invalid");
    }

    private static Order read(Path file) throws IOException {
        return read(producer, file);
    }

    /** As the inbox reads a file: its format recognised from its content, then read (its bytes the body). */
    private static Order read(ProducerTemplate producer, Path file) throws IOException {
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        new DocumentFormats().detect(exchange);
        exchange.getMessage().setBody(Files.readAllBytes(file));
        producer.send("direct:read-order-document", exchange);
        if (exchange.getException() != null) {
            throw new CamelExecutionException("Refused", exchange, exchange.getException());
        }
        List<?> orders = exchange.getMessage().getBody(List.class);
        assertThat(orders).hasSize(1);
        return (Order) orders.get(0);
    }

    private static String format(Path file) throws IOException {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        new DocumentFormats().detect(exchange);
        return exchange.getMessage().getHeader(DocumentFormats.FORMAT, String.class);
    }

    private static void assertRefused(Path file, java.util.function.Consumer<InputRejectedException> expectations) {
        assertThatThrownBy(() -> read(file)).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(InputRejectedException.class, expectations);
    }
}
