package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.store.Transactions;

/**
 * Closes the periodic journal: every posting not yet journaled goes into one numbered journal
 * file for accounting, in one transaction with the file's delivery, so a posting is in exactly
 * one journal. A period without postings produces no file.
 */
public final class JournalClosing {

    /** A journal closed, or {@link #NONE} when there were no postings since the last one. */
    public record Closed(long journalNumber, String fileName, int postings, BigDecimal debits, BigDecimal credits) {

        public static final Closed NONE = new Closed(0, null, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        @Override
        public String toString() {
            return postings == 0 ? "no postings since the last journal"
                    : fileName + " with " + postings + " postings, debits " + debits + " = credits " + credits;
        }
    }

    private final DataSource hubStore;
    private final OutboundMessages outbound;
    private final Clock clock;

    public JournalClosing(DataSource hubStore, OutboundMessages outbound, Clock clock) {
        this.hubStore = hubStore;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** @param routeId the route that delivers the journal file to accounting, as it delivers invoice documents */
    public Closed close(String routeId) {
        return Transactions.inTransaction(hubStore, "Cannot close the journal", connection -> close(connection, routeId));
    }

    private Closed close(Connection connection, String routeId) throws SQLException {
        long journalNumber;
        try (PreparedStatement next = connection.prepareStatement("SELECT COALESCE(MAX(journal_number), 0) + 1 FROM journal");
             ResultSet rs = next.executeQuery()) {
            rs.next();
            journalNumber = rs.getLong(1);
        }
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE ledger_posting SET journal_number = ? WHERE journal_number IS NULL")) {
            take.setLong(1, journalNumber);
            if (take.executeUpdate() == 0) {
                return Closed.NONE;
            }
        }
        List<LedgerPosting> postings = new ArrayList<>();
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT invoice_number, posted_on, account, debit, credit, currency, text FROM ledger_posting
                WHERE journal_number = ? ORDER BY id""")) {
            select.setLong(1, journalNumber);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    LedgerPosting posting = new LedgerPosting(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6).trim(), rs.getString(7));
                    postings.add(posting);
                    debits = debits.add(posting.debit());
                    credits = credits.add(posting.credit());
                }
            }
        }
        String fileName = "journal-%06d.csv".formatted(journalNumber);
        // A journal number taken by a concurrent closing on another instance fails this insert: nothing is journaled twice.
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO journal (journal_number, closed_at, postings, debit_total, credit_total, file_name) VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, journalNumber);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setInt(3, postings.size());
            insert.setBigDecimal(4, debits);
            insert.setBigDecimal(5, credits);
            insert.setString(6, fileName);
            insert.executeUpdate();
        }
        outbound.enqueue(connection, List.of(OutboundMessage.of(routeId, "journal", fileName, JournalCsv.write(journalNumber, postings))));
        return new Closed(journalNumber, fileName, postings.size(), debits, credits);
    }
}
