package org.backofficehub.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/** Maps the web store's order to the canonical order and back; pure, no I/O. */
public final class WebOrderTranslator {

    public Order toCanonical(WebOrder web) {
        return toCanonical(web, Order.WEBSTORE);
    }

    /** A web order numbered by another shop than the hub's own web store (a platform's, mapped to this form). */
    public Order toCanonical(WebOrder web, String source) {
        WebOrder.Customer customer = web.customer();
        Party buyer = new Party(customer.name(), customer.email(), customer.phone(), address(customer.billingAddress()));
        Party shipTo = web.shippingAddress() == null ? null : shipTo(web.shippingAddress(), customer.name());
        List<OrderLine> lines = new ArrayList<>(web.lines().size());
        for (int i = 0; i < web.lines().size(); i++) {
            WebOrder.Line line = web.lines().get(i);
            lines.add(new OrderLine(i + 1, line.sku(), line.description(), line.quantity(), line.unitPrice()));
        }
        return new Order(source, web.orderId(), LocalDate.parse(web.orderDate()), web.currency(), buyer, shipTo, lines);
    }

    public WebOrder fromCanonical(Order order) {
        Party buyer = order.buyer();
        WebOrder.Customer customer = new WebOrder.Customer(buyer.name(), buyer.email(), buyer.phone(), webAddress(null, buyer.address()));
        WebOrder.WebAddress shipping = order.shipTo() == null ? null
                : webAddress(nameIfDifferent(order.shipTo().name(), buyer.name()), order.shipTo().address());
        List<WebOrder.Line> lines = order.lines().stream()
                .map(l -> new WebOrder.Line(l.sku(), l.description(), l.quantity(), l.unitPrice()))
                .toList();
        return new WebOrder(order.orderId(), order.orderDate().toString(), order.currency(), customer, shipping, lines);
    }

    private static Party shipTo(WebOrder.WebAddress address, String customerName) {
        String name = address.name() != null ? address.name() : customerName;
        return new Party(name, null, null, address(address));
    }

    private static Address address(WebOrder.WebAddress web) {
        return web == null ? null : new Address(web.street(), web.city(), web.postalCode(), web.country());
    }

    private static WebOrder.WebAddress webAddress(String name, Address address) {
        return address == null ? null
                : new WebOrder.WebAddress(name, address.street(), address.city(), address.postalCode(), address.country());
    }

    private static String nameIfDifferent(String name, String other) {
        return name != null && !name.equals(other) ? name : null;
    }
}
