package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One line of double entry: either a debit or a credit on one account. */
public record LedgerPosting(String invoiceNumber, LocalDate postedOn, String account, BigDecimal debit, BigDecimal credit,
                            String currency, String text) {

    /** Receivable debited with the gross amount; revenue credited net, output tax credited the tax: always balanced. */
    public static List<LedgerPosting> of(Invoice invoice, ChartOfAccounts accounts) {
        String text = "Invoice " + invoice.invoiceNumber() + " order " + invoice.order().orderId();
        return List.of(
                new LedgerPosting(invoice.invoiceNumber(), invoice.issuedOn(), accounts.receivables(), invoice.grossTotal(),
                        BigDecimal.ZERO.setScale(2), invoice.currency(), text),
                new LedgerPosting(invoice.invoiceNumber(), invoice.issuedOn(), accounts.revenue(), BigDecimal.ZERO.setScale(2),
                        invoice.netTotal(), invoice.currency(), text),
                new LedgerPosting(invoice.invoiceNumber(), invoice.issuedOn(), accounts.outputTax(), BigDecimal.ZERO.setScale(2),
                        invoice.taxTotal(), invoice.currency(), text));
    }
}
