package org.backofficehub.accounting.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** JAXB binding of {@code <invoice>}; mutable because JAXB needs it, filled only by {@link InvoiceXml}. */
@XmlRootElement(name = "invoice")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"invoiceNumber", "issueDate", "currency", "sellerVatId", "order", "billTo", "shipTo", "lines", "totals", "postings"})
public class XmlInvoice {

    String invoiceNumber;
    String issueDate;
    String currency;
    String sellerVatId;
    OrderReference order;
    XmlParty billTo;
    XmlParty shipTo;
    @XmlElementWrapper(name = "lines", required = true)
    @XmlElement(name = "line")
    List<Line> lines = new ArrayList<>();
    Totals totals;
    @XmlElementWrapper(name = "postings", required = true)
    @XmlElement(name = "posting")
    List<Posting> postings = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"source", "orderId", "erpOrderNumber", "orderDate"})
    public static class OrderReference {
        String source;
        String orderId;
        String erpOrderNumber;
        String orderDate;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"name", "email", "phone", "street", "city", "postalCode", "country", "identifier", "vatId"})
    public static class XmlParty {
        String name;
        String email;
        String phone;
        String street;
        String city;
        String postalCode;
        String country;
        Identifier identifier;
        String vatId;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Identifier {
        @XmlAttribute(required = true)
        String scheme;
        @XmlValue
        String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"lineNumber", "sku", "description", "quantity", "unitPrice", "netAmount"})
    public static class Line {
        int lineNumber;
        String sku;
        String description;
        BigDecimal quantity;
        BigDecimal unitPrice;
        BigDecimal netAmount;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"net", "taxCategory", "taxRate", "tax", "gross", "taxExemptionReason"})
    public static class Totals {
        BigDecimal net;
        String taxCategory;
        BigDecimal taxRate;
        BigDecimal tax;
        BigDecimal gross;
        String taxExemptionReason;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"account", "debit", "credit", "text"})
    public static class Posting {
        String account;
        BigDecimal debit;
        BigDecimal credit;
        String text;
    }
}
