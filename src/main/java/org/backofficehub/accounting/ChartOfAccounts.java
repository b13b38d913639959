package org.backofficehub.accounting;

/** The ledger accounts an invoice is posted to (configured: the accounting system's own numbers). */
public record ChartOfAccounts(String receivables, String revenue, String outputTax) {
}
