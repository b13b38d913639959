package org.backofficehub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.inbox.DocumentFormats;
import org.backofficehub.json.AssertingFormats;
import org.backofficehub.json.WebOrderSchemaProblems;
import org.backofficehub.json.WebOrderTranslator;
import org.backofficehub.json.StrictJson;
import org.backofficehub.json.WebOrderDocuments;
import org.backofficehub.json.WebOrders;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.Samples;
import org.backofficehub.xml.OrderXsdProblems;
import org.backofficehub.xml.XmlOrders;
import org.backofficehub.xml.XmlSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Order documents read as routes/order-documents.camel.yaml reads them: validated against their schema, then translated. */
class OrderDocumentsTest {

    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void start() {
        camel = RouteFiles.start(Map.of("webOrders", new WebOrders(new ObjectMapper()), "webOrderDocuments", new WebOrderDocuments(StrictJson.keepingDecimalsAsWritten()),
                "assertingFormats", new AssertingFormats(),
                "webOrderSchemaProblems", new WebOrderSchemaProblems(), "xmlOrders", new XmlOrders(),
                "orderXsdProblems", new OrderXsdProblems(), "documentFormats", new DocumentFormats(),
                "xmlSchemaFactory", XmlSchemas.factory()),
                "order-documents.camel.yaml", "hub-errors.camel.yaml");
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void sampleWebOrderTranslatesToItsGoldenCanonicalForm() {
        Order order = json(Samples.bytes("webstore/order.json"));

        CanonicalJson.assertMatchesGolden(order, Samples.text("webstore/order.canonical.json"));
        assertThat(order.netTotal()).isEqualByComparingTo("75.80");
    }

    @Test
    void canonicalOrderTranslatesBackToTheSameWebOrder() {
        Order order = json(Samples.bytes("webstore/order.json"));
        WebOrderTranslator translator = new WebOrderTranslator();

        assertThat(translator.toCanonical(translator.fromCanonical(order))).isEqualTo(order);
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() {
        assertRefused(() -> json(Samples.bytes("webstore/invalid/malformed.json")), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
            assertThat(e.getMessage()).contains("line 3").doesNotContain("REDACTED");
        });
    }

    @Test
    void schemaViolationsNameEveryFieldAtFault() {
        assertRefused(() -> json(Samples.bytes("webstore/invalid/schema-violation.json")), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.SCHEMA_VIOLATION);
            assertThat(e.fieldProblems()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("/currency", "/customer/email", "/lines/0/quantity", "/orderDate");
        });
    }

    @Test
    void missingRequiredFieldIsNamedByItsPointer() {
        String noLines = """
                {"orderId":"W-1","orderDate":"2026-11-23","currency":"EUR",
                 "customer":{"name":"A","email":"a@example.com",
                             "billingAddress":{"street":"s","city":"c","postalCode":"1","country":"DE"}}}""";

        assertRefused(() -> json(noLines.getBytes(StandardCharsets.UTF_8)),
                e -> assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("/lines"));
    }

    @Test
    void emptyBodyIsMalformed() {
        assertRefused(() -> json(new byte[0]), e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT));
    }

    @Test
    void sampleXmlOrderTranslatesToItsGoldenCanonicalForm() {
        CanonicalJson.assertMatchesGolden(xml(Samples.bytes("xml/order.xml")), Samples.text("xml/order.canonical.json"));
    }

    @Test
    void externalEntitiesAreRefusedAndNeverResolved() {
        assertRefused(() -> xml(Samples.bytes("xml/invalid/external-entity.xml")), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
            assertThat(e.getMessage()).doesNotContain("root:");
        });
    }

    /**
     * A document naming an external DTD, however it is dressed (before a comment, after a byte order
     * mark, as a PUBLIC id, with a parameter entity), is refused saying so, and nothing is fetched:
     * the DTD's server, a real one here, never hears from the hub.
     */
    @Test
    void externalDtdsAreRefusedWithoutBeingFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer dtdServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dtdServer.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ELEMENT order ANY>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        dtdServer.start();
        try {
            String dtd = "http://127.0.0.1:" + dtdServer.getAddress().getPort() + "/order.dtd";
            String order = Samples.text("xml/order.xml").replaceFirst("<\\?xml[^>]*>\\s*", "");
            List<String> documents = List.of(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE order SYSTEM \"" + dtd + "\">\n" + order,
                    "<!DOCTYPE order SYSTEM \"" + dtd + "\">" + order,
                    "\uFEFF<?xml version=\"1.0\"?><!-- first a comment --><!DOCTYPE order SYSTEM \"" + dtd + "\">" + order,
                    "<!DOCTYPE order PUBLIC \"-//Hub//Order//EN\" \"" + dtd + "\">" + order,
                    "<!DOCTYPE order [<!ENTITY % remote SYSTEM \"" + dtd + "\"> %remote;]>" + order);
            for (String document : documents) {
                assertRefused(() -> xml(document.getBytes(StandardCharsets.UTF_8)), e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
                    assertThat(e.getMessage()).as(document).contains("DTD");
                });
            }
            assertThat(fetched).as("requests for the DTD").hasValue(0);
        } finally {
            dtdServer.stop(0);
        }
    }

    @Test
    void billionLaughsIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE order [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <order xmlns="urn:backoffice-hub:order:1"><orderId>&b;</orderId></order>""";

        assertRefused(() -> xml(bomb.getBytes(StandardCharsets.UTF_8)), e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT));
    }

    @Test
    void xmlSchemaViolationsCarryLineAndColumn() {
        assertRefused(() -> xml(Samples.bytes("xml/invalid/schema-violation.xml")), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.SCHEMA_VIOLATION);
            assertThat(e.fieldProblems()).extracting(FieldProblem::field).contains("line 4, column 35", "line 8, column 55");
            assertThat(e.fieldProblems()).extracting(FieldProblem::reason)
                    .anySatisfy(reason -> assertThat(reason).contains("'yesterday'"))
                    .anySatisfy(reason -> assertThat(reason).contains("'many'"));
        });
    }

    @Test
    void foreignRootElementIsASchemaViolation() {
        byte[] invoice = "<invoice xmlns=\"urn:other\"><id>1</id></invoice>".getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> xml(invoice), e -> assertThat(e.type()).isEqualTo(ProblemType.SCHEMA_VIOLATION));
    }

    @Test
    void aDocumentOfAnotherFormatIsRefusedAsUnsupported() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("not-an-order", ".txt");
        java.nio.file.Files.write(file, Samples.bytes("xml/invalid/not-an-order.txt"));

        assertRefused(() -> producer.requestBodyAndHeaders("direct:read-order-document", null,
                Map.of(DocumentFormats.FORMAT, "UNKNOWN", "CamelFilePath", file.toString())), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).contains("not an order the hub reads");
        });
    }

    @Test
    void anEdiMessageWithoutItsInterchangeHeaderIsRefusedSayingSo() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("no-unb", ".edi");
        java.nio.file.Files.writeString(file, "UNH+1+ORDERS:D:96A:UN'BGM+220+1'UNT+3+1'");

        assertRefused(() -> producer.requestBodyAndHeaders("direct:read-order-document", null,
                Map.of(DocumentFormats.FORMAT, "UNKNOWN", "CamelFilePath", file.toString())), e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).contains("an EDI message without its interchange header (UNB or ISA)");
        });
    }

    private Order json(byte[] document) {
        return read("JSON", document);
    }

    private Order xml(byte[] document) {
        return read("XML", document);
    }

    private Order read(String format, byte[] document) {
        List<?> orders = producer.requestBodyAndHeader("direct:read-order-document", document, DocumentFormats.FORMAT, format, List.class);
        assertThat(orders).hasSize(1);
        return (Order) orders.get(0);
    }

    private static void assertRefused(Runnable reading, ThrowingConsumer<InputRejectedException> expectations) {
        assertThatThrownBy(reading::run).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    try {
                        expectations.accept(e);
                    } catch (Throwable failed) {
                        throw new AssertionError(failed);
                    }
                });
    }
}
