package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.Party;

/**
 * The invoice of one booked order, as accounting receives it: net per line, the order's tax
 * ({@link TaxRules}) on the net total. Its number is the order's one invoice number, in accounting
 * and in the partner's INVOIC/810 alike.
 */
public record Invoice(String invoiceNumber, LocalDate issuedOn, OrderKey order, String erpOrderNumber, LocalDate orderDate,
                      String currency, Party billTo, Party shipTo, List<InvoiceLine> lines, BigDecimal netTotal,
                      TaxTreatment tax, BigDecimal taxTotal, BigDecimal grossTotal) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    public BigDecimal taxRate() {
        return tax.rate();
    }

    public record InvoiceLine(int lineNumber, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                              BigDecimal netAmount) {
    }
}
