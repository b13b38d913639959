package org.backofficehub.backoffice;

import java.util.List;
import org.backofficehub.accounting.Invoice;
import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.customer.ContactEvent;
import org.backofficehub.customer.OrderContacts;

/**
 * The follow-up's step for the customer master: the order (stamped with when its booking
 * committed), a refusal, a shipment and an invoice each become a contact in the customer's history.
 */
public final class ContactHistory {

    private final OrderContacts contacts;

    public ContactHistory(OrderContacts contacts) {
        this.contacts = contacts;
    }

    public void queue(FollowUpBatch batch) {
        for (OrderEvents.Stored stored : batch.events()) {
            OrderEvent event = stored.event();
            switch (event.kind()) {
                case OrderEvent.BOOKED -> batch.touched(contacts.booked(event.order(), event.erpOrderNumber(), stored.recordedAt()));
                case OrderEvent.REJECTED -> batch.touched(List.of(contacts.rejected(event.order(), event.reason(), stored.recordedAt())));
                case OrderEvent.CONFIRMED -> {
                    // The order is in the history since its booking; its ERP number adds nothing a customer did.
                }
                case OrderEvent.SHIPPED -> {
                    Shipment shipment = event.shipment();
                    batch.touched(List.of(contacts.aboutOrder(event.order().source(), event.order().orderId(), ContactEvent.SHIPMENT,
                            "warehouse", "shipment " + shipment.shipmentNumber() + " by " + shipment.carrier()
                                    + (shipment.trackingNumber() == null ? "" : ", tracking " + shipment.trackingNumber()))));
                }
                default -> throw new IllegalStateException("Unknown order event " + event.kind());
            }
        }
        for (Issued issued : batch.invoices()) {
            Invoice invoice = issued.invoice();
            batch.touched(List.of(contacts.aboutOrder(invoice.order().source(), invoice.order().orderId(), ContactEvent.INVOICE,
                    "accounting", "invoice " + invoice.invoiceNumber(), invoice.grossTotal(), invoice.currency())));
        }
    }
}
