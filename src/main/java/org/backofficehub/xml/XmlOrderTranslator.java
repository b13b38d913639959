package org.backofficehub.xml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/** Maps the JAXB binding to the canonical order and back; pure, no I/O. */
final class XmlOrderTranslator {

    Order toCanonical(XmlOrder xml) {
        List<OrderLine> lines = new ArrayList<>(xml.lines.size());
        for (int i = 0; i < xml.lines.size(); i++) {
            XmlOrder.XmlLine line = xml.lines.get(i);
            lines.add(new OrderLine(i + 1, line.sku, line.description, line.quantity, line.unitPrice));
        }
        String source = xml.source == null ? Order.WEBSTORE : xml.source;
        return new Order(source, xml.orderId, LocalDate.parse(xml.orderDate), xml.currency,
                party(xml.buyer), party(xml.shipTo), lines);
    }

    XmlOrder fromCanonical(Order order) {
        XmlOrder xml = new XmlOrder();
        xml.orderId = order.orderId();
        xml.source = Order.WEBSTORE.equals(order.source()) ? null : order.source();
        xml.orderDate = order.orderDate().toString();
        xml.currency = order.currency();
        xml.buyer = xmlParty(order.buyer());
        xml.shipTo = xmlParty(order.shipTo());
        for (OrderLine line : order.lines()) {
            XmlOrder.XmlLine xmlLine = new XmlOrder.XmlLine();
            xmlLine.sku = line.sku();
            xmlLine.description = line.description();
            xmlLine.quantity = line.quantity();
            xmlLine.unitPrice = line.unitPrice();
            xml.lines.add(xmlLine);
        }
        return xml;
    }

    private static Party party(XmlOrder.XmlParty xml) {
        if (xml == null) {
            return null;
        }
        XmlOrder.XmlAddress a = xml.address;
        Address address = a == null ? null : new Address(a.street, a.city, a.postalCode, a.country);
        return new Party(xml.name, xml.email, xml.phone, address);
    }

    private static XmlOrder.XmlParty xmlParty(Party party) {
        if (party == null) {
            return null;
        }
        XmlOrder.XmlParty xml = new XmlOrder.XmlParty();
        xml.name = party.name();
        xml.email = party.email();
        xml.phone = party.phone();
        Address address = party.address();
        if (address != null) {
            xml.address = new XmlOrder.XmlAddress();
            xml.address.street = address.street();
            xml.address.city = address.city();
            xml.address.postalCode = address.postalCode();
            xml.address.country = address.country();
        }
        return xml;
    }
}
