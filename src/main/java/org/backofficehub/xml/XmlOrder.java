package org.backofficehub.xml;

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

/** JAXB binding of {@code <order>}; mutable because JAXB needs it, confined to this package's translator. */
@XmlRootElement(name = "order")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"orderId", "source", "orderDate", "currency", "buyer", "shipTo", "lines"})
public class XmlOrder {

    @XmlElement(required = true)
    String orderId;
    String source;
    @XmlElement(required = true)
    String orderDate;
    @XmlElement(required = true)
    String currency;
    @XmlElement(required = true)
    XmlParty buyer;
    XmlParty shipTo;
    @XmlElementWrapper(name = "lines", required = true)
    @XmlElement(name = "line")
    List<XmlLine> lines = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"name", "identifier", "email", "phone", "address"})
    public static class XmlParty {
        String name;
        XmlPartyIdentifier identifier;
        String email;
        String phone;
        XmlAddress address;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class XmlPartyIdentifier {
        @XmlAttribute(required = true)
        String scheme;
        @XmlValue
        String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"street", "city", "postalCode", "country", "region"})
    public static class XmlAddress {
        String street;
        String city;
        String postalCode;
        String country;
        String region;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"lineNumber", "sku", "itemIds", "description", "quantity", "unit", "unitPrice"})
    public static class XmlLine {
        Integer lineNumber;
        String sku;
        @XmlElement(name = "itemId")
        List<XmlItemId> itemIds = new ArrayList<>();
        String description;
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class XmlItemId {
        @XmlAttribute(required = true)
        String kind;
        @XmlAttribute(required = true)
        String qualifier;
        @XmlValue
        String value;
    }
}
