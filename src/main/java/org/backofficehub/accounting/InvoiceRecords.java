package org.backofficehub.accounting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.Transactions;

/**
 * The invoices accounting issued, as the partners' documents read them: an order's invoice by its
 * key, and whether the partner was sent it before. The first document a partner is sent for an
 * invoice is its original; any later one, asked for by an administrator or a redelivery, is a
 * duplicate of it under the same number, never an invoice of its own.
 */
public final class InvoiceRecords {

    private final DataSource hubStore;
    private final Clock clock;

    public InvoiceRecords(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    public Optional<InvoiceRecord> of(OrderKey order) {
        return Transactions.inTransaction(hubStore, "Cannot read the invoice of order " + order, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT invoice_number, issued_on, erp_order_number, currency, net_total, tax_category, tax_rate, seller_vat_id,
                           buyer_vat_id, tax_total, gross_total
                    FROM invoice WHERE source = ? AND order_id = ?""")) {
                select.setString(1, order.source());
                select.setString(2, order.orderId());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    TaxTreatment tax = new TaxTreatment(category(rs.getString(6)), rs.getBigDecimal(7).stripTrailingZeros(), rs.getString(8),
                            rs.getString(9), null);
                    return Optional.of(new InvoiceRecord(rs.getString(1), rs.getDate(2).toLocalDate(), order, rs.getString(3),
                            rs.getString(4).trim(), rs.getBigDecimal(5), tax, rs.getBigDecimal(10), rs.getBigDecimal(11)));
                }
            }
        });
    }

    /**
     * Writes the partner's document of an invoice, told whether it is the original (the first sent)
     * or a duplicate. The invoice is marked sent in a transaction that commits only once the
     * document is written, so one that fails to be written leaves the next attempt the original; of
     * two documents written at the same moment, one is the original.
     */
    public <T> T sendToPartner(String invoiceNumber, Function<Boolean, T> write) {
        return Transactions.inTransaction(hubStore, "Cannot record invoice " + invoiceNumber + " as sent", (Connection connection) -> {
            boolean original;
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE invoice SET partner_sent_at = ? WHERE invoice_number = ? AND partner_sent_at IS NULL")) {
                mark.setTimestamp(1, Timestamp.from(clock.instant()));
                mark.setString(2, invoiceNumber);
                original = mark.executeUpdate() == 1;
            }
            return write.apply(original);
        });
    }

    private static TaxCategory category(String code) {
        return Arrays.stream(TaxCategory.values()).filter(c -> c.code().equals(code.trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown tax category " + code + " in the invoice table"));
    }
}
