package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.accounting.Invoice.InvoiceLine;
import org.backofficehub.model.Order;

/**
 * Prices an order as the ERP booked it: line amounts as booked, tax once on the net total
 * (rounded half up to the cent, as the accounting system does), so that the ledger's tax posting
 * equals the invoice's tax to the cent.
 */
public final class InvoiceCalculation {

    private final BigDecimal taxRate;

    public InvoiceCalculation(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public Invoice invoice(String invoiceNumber, LocalDate issuedOn, Order order, String erpOrderNumber) {
        List<InvoiceLine> lines = order.lines().stream()
                .map(line -> new InvoiceLine(line.lineNumber(), line.sku(), line.description(), line.quantity(), line.unitPrice(),
                        line.amount()))
                .toList();
        BigDecimal net = order.netTotal().setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax = net.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new Invoice(invoiceNumber, issuedOn, order.key(), erpOrderNumber, order.orderDate(), order.currency(), order.buyer(),
                order.deliveryParty(), lines, net, taxRate, tax, net.add(tax));
    }
}
