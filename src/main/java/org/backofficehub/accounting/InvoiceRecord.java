package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.backofficehub.model.OrderKey;

/**
 * An order's invoice as accounting issued it and keeps it (the hub store's {@code invoice} row): its
 * one number, its totals and its tax. A partner's INVOIC/810 states these, never figures of its own.
 */
public record InvoiceRecord(String invoiceNumber, LocalDate issuedOn, OrderKey order, String erpOrderNumber, String currency,
                            BigDecimal netTotal, TaxTreatment tax, BigDecimal taxTotal, BigDecimal grossTotal) {
}
