package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.accounting.Invoice.InvoiceLine;
import org.backofficehub.model.Order;

/**
 * Prices an order as the ERP booked it: line amounts as booked (quantity × price rounded once to
 * the cent, the figures the ERP's lines and header hold), the tax its {@link TaxRules} give, once on
 * the net total (rounded half up to the cent, as the accounting system does), so that the ledger's
 * tax posting equals the invoice's tax to the cent.
 */
public final class InvoiceCalculation {

    private final TaxRules taxRules;

    public InvoiceCalculation(TaxRules taxRules) {
        this.taxRules = taxRules;
    }

    public Invoice invoice(String invoiceNumber, LocalDate issuedOn, Order order, String erpOrderNumber) {
        List<InvoiceLine> lines = order.lines().stream()
                .map(line -> new InvoiceLine(line.lineNumber(), line.sku(), line.description(), line.quantity(), line.unitPrice(),
                        line.amount()))
                .toList();
        BigDecimal net = order.netTotal().setScale(2, RoundingMode.HALF_UP);
        TaxTreatment tax = taxRules.treatment(order);
        BigDecimal taxTotal = tax.taxOn(net);
        return new Invoice(invoiceNumber, issuedOn, order.key(), erpOrderNumber, order.orderDate(), order.currency(), order.buyer(),
                order.deliveryParty(), lines, net, tax, taxTotal, net.add(taxTotal));
    }
}
