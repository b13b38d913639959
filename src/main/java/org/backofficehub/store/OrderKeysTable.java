package org.backofficehub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.backofficehub.model.OrderKey;

/**
 * A list of order keys as an inline table, {@code wanted (source, order_id)}, to join against
 * in one query. Both H2 and PostgreSQL answer such a join with one index probe per key, where
 * {@code source = ? AND order_id IN (...)} makes H2 scan every order of the source and a row-value
 * IN list costs PostgreSQL milliseconds per batch.
 */
public final class OrderKeysTable {

    private OrderKeysTable() {
    }

    /** The table expression for {@code count} keys (at least one). */
    public static String of(int count) {
        return "(VALUES " + "(CAST(? AS VARCHAR(35)), CAST(? AS VARCHAR(35))),".repeat(count - 1)
                + "(CAST(? AS VARCHAR(35)), CAST(? AS VARCHAR(35)))) AS wanted (source, order_id)";
    }

    /** Binds the keys to the table's parameters, starting at the first. */
    public static void bind(PreparedStatement statement, List<OrderKey> keys) throws SQLException {
        bind(statement, keys, 1);
    }

    /** Binds the keys to the table's parameters, starting at parameter {@code first}. */
    public static void bind(PreparedStatement statement, List<OrderKey> keys, int first) throws SQLException {
        int parameter = first;
        for (OrderKey key : keys) {
            statement.setString(parameter++, key.source());
            statement.setString(parameter++, key.orderId());
        }
    }
}
