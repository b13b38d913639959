package org.backofficehub.xml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.Address;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;

/** Maps the JAXB binding to the canonical order and back; pure, no I/O. */
final class XmlOrderTranslator {

    Order toCanonical(XmlOrder xml) {
        boolean numbered = sendersNumbersUsable(xml.lines);
        List<OrderLine> lines = new ArrayList<>(xml.lines.size());
        for (int i = 0; i < xml.lines.size(); i++) {
            XmlOrder.XmlLine line = xml.lines.get(i);
            List<ItemIdentifier> itemIds = line.itemIds.stream()
                    .map(id -> new ItemIdentifier(ItemIdentifier.Kind.valueOf(id.kind), id.qualifier, id.value)).toList();
            lines.add(new OrderLine(numbered ? line.lineNumber : i + 1, line.sku, line.description, line.quantity, line.unit,
                    line.unitPrice, itemIds));
        }
        String source = xml.source == null ? Order.WEBSTORE : xml.source;
        return new Order(source, xml.orderId, LocalDate.parse(xml.orderDate), xml.currency,
                party(xml.buyer), party(xml.shipTo), lines);
    }

    /** The sender's line numbers key the ERP's lines only if every line has one and no two share it. */
    private static boolean sendersNumbersUsable(List<XmlOrder.XmlLine> lines) {
        return lines.stream().allMatch(line -> line.lineNumber != null)
                && lines.stream().map(line -> line.lineNumber).distinct().count() == lines.size();
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
            xmlLine.lineNumber = line.lineNumber();
            xmlLine.sku = line.sku();
            for (ItemIdentifier id : line.itemIds()) {
                XmlOrder.XmlItemId xmlId = new XmlOrder.XmlItemId();
                xmlId.kind = id.kind().name();
                xmlId.qualifier = id.qualifier();
                xmlId.value = id.value();
                xmlLine.itemIds.add(xmlId);
            }
            xmlLine.description = line.description();
            xmlLine.quantity = line.quantity();
            xmlLine.unit = line.unit();
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
        Address address = a == null ? null : new Address(a.street, a.city, a.postalCode, a.country, a.region);
        PartyIdentifier identifier = xml.identifier == null ? null
                : new PartyIdentifier(PartyIdentifier.Scheme.valueOf(xml.identifier.scheme), xml.identifier.value);
        return new Party(xml.name, xml.email, xml.phone, address, identifier);
    }

    private static XmlOrder.XmlParty xmlParty(Party party) {
        if (party == null) {
            return null;
        }
        XmlOrder.XmlParty xml = new XmlOrder.XmlParty();
        xml.name = party.name();
        if (party.identifier() != null) {
            xml.identifier = new XmlOrder.XmlPartyIdentifier();
            xml.identifier.scheme = party.identifier().scheme().name();
            xml.identifier.value = party.identifier().value();
        }
        xml.email = party.email();
        xml.phone = party.phone();
        Address address = party.address();
        if (address != null) {
            xml.address = new XmlOrder.XmlAddress();
            xml.address.street = address.street();
            xml.address.city = address.city();
            xml.address.postalCode = address.postalCode();
            xml.address.country = address.country();
            xml.address.region = address.region();
        }
        return xml;
    }
}
