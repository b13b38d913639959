package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.Party;

/** The invoice of one booked order, as accounting receives it: net per line, tax on the total. */
public record Invoice(String invoiceNumber, LocalDate issuedOn, OrderKey order, String erpOrderNumber, LocalDate orderDate,
                      String currency, Party billTo, Party shipTo, List<InvoiceLine> lines, BigDecimal netTotal,
                      BigDecimal taxRate, BigDecimal taxTotal, BigDecimal grossTotal) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    public record InvoiceLine(int lineNumber, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                              BigDecimal netAmount) {
    }
}
