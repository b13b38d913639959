package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The profile statements' named parameters: what is a parameter, and what is only text that looks like one. */
class NamedSqlTest {

    @Test
    void namedParametersBecomePlaceholdersInOrderAsOftenAsTheyOccur() {
        NamedSql sql = NamedSql.parse("line.insert",
                "INSERT INTO T (A, B, C) VALUES (:sku, COALESCE(:description, (SELECT D FROM I WHERE I.N = :sku)), :quantity)");

        assertThat(sql.jdbc()).isEqualTo("INSERT INTO T (A, B, C) VALUES (?, COALESCE(?, (SELECT D FROM I WHERE I.N = ?)), ?)");
        assertThat(sql.parameters()).containsExactly("sku", "description", "sku", "quantity");
        assertThat(sql.parameterNames()).containsExactly("sku", "description", "quantity");
    }

    @Test
    void literalsQuotedNamesCommentsAndCastsAreText() {
        NamedSql sql = NamedSql.parse("order.read", """
                SELECT 'at 10:30 it''s :late' AS "odd:label", X::text, /* :gone */ Y -- :also gone
                FROM T WHERE Z = :orderId""");

        assertThat(sql.parameters()).containsExactly("orderId");
        assertThat(sql.jdbc()).isEqualTo("""
                SELECT 'at 10:30 it''s :late' AS "odd:label", X::text, /* :gone */ Y -- :also gone
                FROM T WHERE Z = ?""");
    }

    @Test
    void forCamelSqlAParameterNamesTheRowsValue() {
        assertThat(NamedSql.parse("shipments.taken", "UPDATE S SET F = 'Y' WHERE N = :shipmentNumber").camelSql())
                .isEqualTo("UPDATE S SET F = 'Y' WHERE N = :#shipmentNumber");
    }

    @Test
    void aListParameterExpandsToItsElements() {
        NamedSql sql = NamedSql.parse("item.by-number", "SELECT * FROM I WHERE N IN (:skus) AND P = :partnerId");

        assertThat(SqlBinding.expanded(sql, name -> "skus".equals(name) ? java.util.List.of("a", "b", "c") : "ACME"))
                .isEqualTo("SELECT * FROM I WHERE N IN (?,?,?) AND P = ?");
    }

    @Test
    void anUnnamedPlaceholderOrAnOpenLiteralIsRefused() {
        assertThatThrownBy(() -> NamedSql.parse("order.find", "SELECT X FROM T WHERE A = ?"))
                .hasMessage("statement order.find has a '?' at character 27; name each value instead (:sku, :quantity ...)");
        assertThatThrownBy(() -> NamedSql.parse("order.find", "SELECT X FROM T WHERE A = 'open"))
                .hasMessage("statement order.find has an unclosed ' at character 27");
    }
}
