package org.backofficehub.backoffice;

import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.accounting.xml.InvoiceXml;
import org.backofficehub.outbound.OutboundMessage;

/** The follow-up's step for accounting: each invoice issued as its XML document (schema/invoice.xsd). */
public final class AccountingDocuments {

    private final InvoiceXml invoiceXml;

    public AccountingDocuments(InvoiceXml invoiceXml) {
        this.invoiceXml = invoiceXml;
    }

    /** @param routeId the route that delivers them to accounting */
    public void queue(FollowUpBatch batch, String routeId) {
        for (Issued issued : batch.invoices()) {
            batch.owe(OutboundMessage.of(routeId, "invoice", issued.invoice().invoiceNumber() + ".xml",
                    invoiceXml.write(issued.invoice(), issued.postings())));
        }
    }
}
