package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A reading statement's result by column label, as the mapping reference names them
 * ({@code SELECT OHORNO AS erpOrderNumber ...}): labels compare without case, because PostgreSQL
 * folds unquoted labels to lower case and H2 to upper. A label the statement does not return
 * reads as null, unless the hub cannot do without it: then the message names the statement and
 * the label to add.
 */
final class ResultColumns {

    private final ResultSet rs;
    private final NamedSql statement;
    private final Map<String, Integer> columns = new HashMap<>();

    ResultColumns(ResultSet rs, NamedSql statement) throws SQLException {
        this.rs = rs;
        this.statement = statement;
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = meta.getColumnCount(); i >= 1; i--) {
            columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
    }

    boolean has(String label) {
        return columns.containsKey(label.toLowerCase(Locale.ROOT));
    }

    /** Trimmed: legacy CHAR columns come back padded. */
    String text(String label) throws SQLException {
        Integer column = column(label, false);
        String value = column == null ? null : rs.getString(column);
        return value == null ? null : value.trim();
    }

    /** As the ERP holds it, untrimmed: the order keys the hub matches exactly. */
    String requiredExact(String label) throws SQLException {
        String value = rs.getString(column(label, true));
        if (value == null) {
            throw new ErpProfileException("ERP profile statement " + statement.key() + " returned no value for " + label);
        }
        return value;
    }

    String requiredText(String label) throws SQLException {
        String value = rs.getString(column(label, true));
        if (value == null) {
            throw new ErpProfileException("ERP profile statement " + statement.key() + " returned no value for " + label);
        }
        return value.trim();
    }

    BigDecimal decimal(String label) throws SQLException {
        Integer column = column(label, false);
        return column == null ? null : rs.getBigDecimal(column);
    }

    BigDecimal requiredDecimal(String label) throws SQLException {
        return rs.getBigDecimal(column(label, true));
    }

    int requiredInt(String label) throws SQLException {
        return rs.getInt(column(label, true));
    }

    LocalDate date(String label) throws SQLException {
        Integer column = column(label, false);
        java.sql.Date date = column == null ? null : rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    LocalDate requiredDate(String label) throws SQLException {
        java.sql.Date date = rs.getDate(column(label, true));
        return date == null ? null : date.toLocalDate();
    }

    Instant instant(String label) throws SQLException {
        Integer column = column(label, false);
        Timestamp timestamp = column == null ? null : rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Integer column(String label, boolean required) {
        Integer column = columns.get(label.toLowerCase(Locale.ROOT));
        if (column == null && required) {
            throw new ErpProfileException("ERP profile statement " + statement.key() + " returns no column " + label
                    + "; label the ERP's column AS " + label);
        }
        return column;
    }
}
