package org.backofficehub.accounting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Gapless invoice numbers, as tax law asks for: reserved in the transaction that creates the
 * invoices, so a rollback returns them. The prefix may carry the year ({@code INV-{yyyy}-}), which
 * starts a new sequence each year.
 */
public final class InvoiceNumbers {

    private final String prefixPattern;
    private final int digits;

    public InvoiceNumbers(String prefixPattern, int digits) {
        this.prefixPattern = prefixPattern;
        this.digits = digits;
    }

    public String prefix(LocalDate issuedOn) {
        return prefixPattern.replace("{yyyy}", Integer.toString(issuedOn.getYear()))
                .replace("{mm}", String.format("%02d", issuedOn.getMonthValue()));
    }

    /** The next {@code count} numbers; the caller's transaction holds the sequence row until it ends. */
    public List<String> next(Connection connection, LocalDate issuedOn, int count) throws SQLException {
        String prefix = prefix(issuedOn);
        long last;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_number FROM invoice_sequence WHERE prefix = ? FOR UPDATE")) {
            select.setString(1, prefix);
            try (ResultSet rs = select.executeQuery()) {
                last = rs.next() ? rs.getLong(1) : -1;
            }
        }
        if (last < 0) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice_sequence (prefix, last_number) VALUES (?, ?)")) {
                insert.setString(1, prefix);
                insert.setLong(2, count);
                insert.executeUpdate();
            }
            last = 0;
        } else {
            try (PreparedStatement update = connection.prepareStatement("UPDATE invoice_sequence SET last_number = ? WHERE prefix = ?")) {
                update.setLong(1, last + count);
                update.setString(2, prefix);
                update.executeUpdate();
            }
        }
        List<String> numbers = new ArrayList<>(count);
        for (long n = last + 1; n <= last + count; n++) {
            numbers.add(prefix + String.format("%0" + digits + "d", n));
        }
        return numbers;
    }
}
