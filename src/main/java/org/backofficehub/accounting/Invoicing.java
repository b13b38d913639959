package org.backofficehub.accounting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.OrderKeysTable;

/**
 * Issues the invoice of each booked order and posts it to the ledger, in the caller's transaction:
 * number, invoice and postings commit together or not at all, and an order that already has its
 * invoice gets no second one.
 */
public final class Invoicing {

    public record BookedOrder(Order order, String erpOrderNumber) {
    }

    public record Issued(Invoice invoice, List<LedgerPosting> postings) {
    }

    private final InvoiceNumbers numbers;
    private final InvoiceCalculation calculation;
    private final ChartOfAccounts accounts;
    private final ZoneId zone;
    private final Clock clock;

    public Invoicing(InvoiceNumbers numbers, InvoiceCalculation calculation, ChartOfAccounts accounts, ZoneId zone, Clock clock) {
        this.numbers = numbers;
        this.calculation = calculation;
        this.accounts = accounts;
        this.zone = zone;
        this.clock = clock;
    }

    public List<Issued> invoice(Connection connection, List<BookedOrder> orders) throws SQLException {
        Set<OrderKey> invoiced = alreadyInvoiced(connection, orders);
        List<BookedOrder> toInvoice = orders.stream().filter(o -> !invoiced.contains(o.order().key())).toList();
        if (toInvoice.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> invoiceNumbers = numbers.next(connection, today, toInvoice.size());
        List<Issued> issued = new ArrayList<>(toInvoice.size());
        for (int i = 0; i < toInvoice.size(); i++) {
            Invoice invoice = calculation.invoice(invoiceNumbers.get(i), today, toInvoice.get(i).order(), toInvoice.get(i).erpOrderNumber());
            issued.add(new Issued(invoice, LedgerPosting.of(invoice, accounts)));
        }
        insert(connection, issued);
        return issued;
    }

    /** In one query ({@link OrderKeysTable}): one lookup per order is a round trip per order on PostgreSQL. */
    private static Set<OrderKey> alreadyInvoiced(Connection connection, List<BookedOrder> orders) throws SQLException {
        Set<OrderKey> found = new HashSet<>();
        if (orders.isEmpty()) {
            return found;
        }
        String sql = "SELECT i.source, i.order_id FROM " + OrderKeysTable.of(orders.size())
                + " JOIN invoice i ON i.source = wanted.source AND i.order_id = wanted.order_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            OrderKeysTable.bind(select, orders.stream().map(booked -> booked.order().key()).toList());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new OrderKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return found;
    }

    private void insert(Connection connection, List<Issued> issued) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement invoices = connection.prepareStatement("""
                INSERT INTO invoice (invoice_number, source, order_id, erp_order_number, issued_on, currency, net_total, tax_total,
                                     gross_total, created_at, tax_category, tax_rate, seller_vat_id, buyer_vat_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement postings = connection.prepareStatement("""
                INSERT INTO ledger_posting (invoice_number, posted_on, account, debit, credit, currency, text)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Issued one : issued) {
                Invoice invoice = one.invoice();
                invoices.setString(1, invoice.invoiceNumber());
                invoices.setString(2, invoice.order().source());
                invoices.setString(3, invoice.order().orderId());
                invoices.setString(4, invoice.erpOrderNumber());
                invoices.setDate(5, Date.valueOf(invoice.issuedOn()));
                invoices.setString(6, invoice.currency());
                invoices.setBigDecimal(7, invoice.netTotal());
                invoices.setBigDecimal(8, invoice.taxTotal());
                invoices.setBigDecimal(9, invoice.grossTotal());
                invoices.setTimestamp(10, now);
                invoices.setString(11, invoice.tax().category().code());
                invoices.setBigDecimal(12, invoice.tax().rate());
                invoices.setString(13, invoice.tax().sellerVatId());
                invoices.setString(14, invoice.tax().buyerVatId());
                invoices.addBatch();
                for (LedgerPosting posting : one.postings()) {
                    postings.setString(1, posting.invoiceNumber());
                    postings.setDate(2, Date.valueOf(posting.postedOn()));
                    postings.setString(3, posting.account());
                    postings.setBigDecimal(4, posting.debit());
                    postings.setBigDecimal(5, posting.credit());
                    postings.setString(6, posting.currency());
                    postings.setString(7, posting.text());
                    postings.addBatch();
                }
            }
            invoices.executeBatch();
            postings.executeBatch();
        }
    }
}
