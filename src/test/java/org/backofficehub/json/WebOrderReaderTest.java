package org.backofficehub.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;

class WebOrderReaderTest {

    private final WebOrderReader reader = new WebOrderReader(new ObjectMapper());

    @Test
    void sampleOrderTranslatesToItsGoldenCanonicalForm() {
        Order order = reader.read(Samples.bytes("webstore/order.json"));

        CanonicalJson.assertMatchesGolden(order, Samples.text("webstore/order.canonical.json"));
        assertThat(order.netTotal()).isEqualByComparingTo("75.80");
    }

    @Test
    void canonicalOrderTranslatesBackToTheSameWebOrder() {
        Order order = reader.read(Samples.bytes("webstore/order.json"));
        WebOrderTranslator translator = new WebOrderTranslator();

        assertThat(translator.toCanonical(translator.fromCanonical(order))).isEqualTo(order);
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> reader.read(Samples.bytes("webstore/invalid/malformed.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT);
                    assertThat(e.getMessage()).contains("line 3").doesNotContain("REDACTED");
                });
    }

    @Test
    void schemaViolationsNameEveryFieldAtFault() {
        assertThatThrownBy(() -> reader.read(Samples.bytes("webstore/invalid/schema-violation.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
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

        assertThatThrownBy(() -> reader.read(noLines.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InputRejectedException.class, e ->
                        assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("/lines"));
    }

    @Test
    void emptyBodyIsMalformed() {
        assertThatThrownBy(() -> reader.read(new byte[0]))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_DOCUMENT));
    }
}
