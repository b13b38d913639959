package org.backofficehub.accounting.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.backofficehub.accounting.Invoice;
import org.backofficehub.accounting.LedgerPosting;
import org.backofficehub.model.Party;
import org.backofficehub.xml.XmlBinding;

/**
 * Writes an invoice and its postings as the accounting system's XML document, validated against
 * the published {@code schema/invoice.xsd} while it is written: a document accounting would refuse
 * is never delivered. Binding and schema are built once and shared (both thread-safe).
 */
public final class InvoiceXml {

    public static final String SCHEMA = "/schema/invoice.xsd";

    private final XmlBinding binding = new XmlBinding(XmlInvoice.class, SCHEMA);

    public byte[] write(Invoice invoice, List<LedgerPosting> postings) {
        try {
            Marshaller marshaller = binding.context().createMarshaller();
            marshaller.setSchema(binding.schema());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            marshaller.marshal(toXml(invoice, postings), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("Invoice " + invoice.invoiceNumber() + " does not fit the invoice schema: "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    private static XmlInvoice toXml(Invoice invoice, List<LedgerPosting> postings) {
        XmlInvoice xml = new XmlInvoice();
        xml.invoiceNumber = invoice.invoiceNumber();
        xml.issueDate = invoice.issuedOn().toString();
        xml.currency = invoice.currency();
        xml.sellerVatId = invoice.tax().sellerVatId();
        xml.order = new XmlInvoice.OrderReference();
        xml.order.source = invoice.order().source();
        xml.order.orderId = invoice.order().orderId();
        xml.order.erpOrderNumber = invoice.erpOrderNumber();
        xml.order.orderDate = invoice.orderDate().toString();
        xml.billTo = party(invoice.billTo());
        xml.shipTo = invoice.shipTo() == invoice.billTo() ? null : party(invoice.shipTo());
        for (Invoice.InvoiceLine line : invoice.lines()) {
            XmlInvoice.Line xmlLine = new XmlInvoice.Line();
            xmlLine.lineNumber = line.lineNumber();
            xmlLine.sku = line.sku();
            xmlLine.description = line.description();
            xmlLine.quantity = line.quantity();
            xmlLine.unitPrice = line.unitPrice();
            xmlLine.netAmount = line.netAmount();
            xml.lines.add(xmlLine);
        }
        xml.totals = new XmlInvoice.Totals();
        xml.totals.net = invoice.netTotal();
        xml.totals.taxCategory = invoice.tax().category().code();
        xml.totals.taxRate = invoice.taxRate();
        xml.totals.tax = invoice.taxTotal();
        xml.totals.gross = invoice.grossTotal();
        xml.totals.taxExemptionReason = invoice.tax().category().exemptionReason();
        for (LedgerPosting posting : postings) {
            XmlInvoice.Posting xmlPosting = new XmlInvoice.Posting();
            xmlPosting.account = posting.account();
            xmlPosting.debit = posting.debit();
            xmlPosting.credit = posting.credit();
            xmlPosting.text = posting.text();
            xml.postings.add(xmlPosting);
        }
        return xml;
    }

    private static XmlInvoice.XmlParty party(Party party) {
        if (party == null) {
            return null;
        }
        XmlInvoice.XmlParty xml = new XmlInvoice.XmlParty();
        xml.name = party.name();
        xml.email = party.email();
        xml.phone = party.phone();
        if (party.address() != null) {
            xml.street = party.address().street();
            xml.city = party.address().city();
            xml.postalCode = party.address().postalCode();
            xml.country = party.address().country();
        }
        if (party.identifier() != null) {
            xml.identifier = new XmlInvoice.Identifier();
            xml.identifier.scheme = party.identifier().scheme().name();
            xml.identifier.value = party.identifier().value();
        }
        xml.vatId = party.vatId();
        return xml;
    }
}
