package org.backofficehub.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.backofficehub.json.WebOrderReader;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;

class XmlOrderCodecTest {

    private final XmlOrderCodec codec = new XmlOrderCodec();

    @Test
    void sampleOrderTranslatesToItsGoldenCanonicalForm() {
        Order order = codec.read(Samples.bytes("xml/order.xml"));

        CanonicalJson.assertMatchesGolden(order, Samples.text("xml/order.canonical.json"));
    }

    @Test
    void xmlRoundTripKeepsTheOrder() {
        Order order = codec.read(Samples.bytes("xml/order.xml"));

        assertThat(codec.read(codec.write(order))).isEqualTo(order);
    }

    @Test
    void webOrderSurvivesJsonToCanonicalToXmlAndBack() {
        Order fromJson = new WebOrderReader(new ObjectMapper()).read(Samples.bytes("webstore/order.json"));

        byte[] xml = codec.write(fromJson);

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<orderId>WEB-10001</orderId>").doesNotContain("<source>");
        assertThat(codec.read(xml)).isEqualTo(fromJson);
    }

    @Test
    void externalEntitiesAreRefusedAndNeverResolved() {
        assertThatThrownBy(() -> codec.read(Samples.bytes("xml/invalid/external-entity.xml")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
                    assertThat(e.getMessage()).doesNotContain("root:");
                });
    }

    @Test
    void billionLaughsIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE order [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <order xmlns="urn:backoffice-hub:order:1"><orderId>&b;</orderId></order>""";

        assertThatThrownBy(() -> codec.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT));
    }

    @Test
    void schemaViolationsCarryLineAndColumn() {
        assertThatThrownBy(() -> codec.read(Samples.bytes("xml/invalid/schema-violation.xml")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.SCHEMA_VIOLATION);
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field)
                            .contains("line 4, column 35", "line 8, column 55");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::reason)
                            .anySatisfy(reason -> assertThat(reason).contains("'yesterday'"))
                            .anySatisfy(reason -> assertThat(reason).contains("'many'"));
                });
    }

    @Test
    void foreignRootElementIsASchemaViolation() {
        byte[] invoice = "<invoice xmlns=\"urn:other\"><id>1</id></invoice>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(invoice))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.SCHEMA_VIOLATION));
    }
}
