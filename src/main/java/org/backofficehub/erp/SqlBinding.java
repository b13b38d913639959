package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.OrderKeysTable;

/**
 * Binds a profile statement's named parameters to a JDBC statement, each value with its own SQL
 * type (a null with the type its name stands for, so that PostgreSQL accepts it in a numeric or
 * date column). A collection value stands for a list, {@code IN (:skus)}; the parameter
 * {@code :wanted} for a table of order keys, {@code wanted (source, order_id)} ({@link OrderKeysTable}).
 */
final class SqlBinding {

    static final String WANTED = "wanted";

    private static final Map<String, Integer> NULL_TYPES = Map.ofEntries(
            Map.entry("orderDate", Types.DATE), Map.entry("shippedOn", Types.DATE),
            Map.entry("receivedAt", Types.TIMESTAMP),
            Map.entry("netTotal", Types.DECIMAL), Map.entry("quantity", Types.DECIMAL), Map.entry("unitPrice", Types.DECIMAL),
            Map.entry("amount", Types.DECIMAL),
            Map.entry("lineNumber", Types.INTEGER), Map.entry("lineCount", Types.INTEGER),
            Map.entry("shipmentNumber", Types.BIGINT));

    private SqlBinding() {
    }

    /** Prepared for values of these sizes: only needed where a statement has list parameters. */
    static PreparedStatement prepare(Connection connection, NamedSql sql, ParameterValues values) throws SQLException {
        return connection.prepareStatement(expanded(sql, values));
    }

    /** The statement with a list parameter written as as many placeholders as its value has elements. */
    static String expanded(NamedSql sql, ParameterValues values) {
        return sql.render(name -> {
            Object value = values.value(name);
            if (WANTED.equals(name)) {
                return OrderKeysTable.of(((Collection<?>) value).size());
            }
            if (value instanceof Collection<?> list) {
                return list.isEmpty() ? "NULL" : "?,".repeat(list.size() - 1) + "?";
            }
            return "?";
        });
    }

    /** Binds every parameter of {@code sql}, in order. */
    @SuppressWarnings("unchecked")
    static void bind(PreparedStatement statement, NamedSql sql, ParameterValues values) throws SQLException {
        int index = 1;
        for (String name : sql.parameters()) {
            Object value = values.value(name);
            if (WANTED.equals(name)) {
                List<OrderKey> keys = (List<OrderKey>) value;
                OrderKeysTable.bind(statement, keys, index);
                index += 2 * keys.size();
            } else if (value instanceof Collection<?> list) {
                for (Object element : list) {
                    set(statement, index++, name, element);
                }
            } else {
                set(statement, index++, name, value);
            }
        }
    }

    private static void set(PreparedStatement statement, int index, String name, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, NULL_TYPES.getOrDefault(name, Types.VARCHAR));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else {
            throw new IllegalArgumentException("Cannot bind :" + name + " to a " + value.getClass().getSimpleName());
        }
    }
}
