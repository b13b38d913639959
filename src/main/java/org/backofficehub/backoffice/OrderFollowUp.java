package org.backofficehub.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.accounting.Invoicing.BookedOrder;
import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.accounting.xml.InvoiceXml;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.customer.ContactEvent;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.customer.CustomerTouch;
import org.backofficehub.customer.OrderContacts;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.model.OrderLine;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.outbound.PartnerDocumentDelivery;
import org.backofficehub.store.FailureLog;
import org.backofficehub.store.HubStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the back office does after an order event, all in one transaction with consuming the
 * events: a booked order is invoiced and posted to the ledger, its invoice document queued for
 * accounting, the web store told (booked, invoiced, new stock levels), a partner that receives
 * invoices sent one; a shipped order is announced to the web store and, as a despatch advice, to
 * its partner. Every step lands in the customer's contact history.
 */
public final class OrderFollowUp {

    public static final String ACCOUNTING_ROUTE = "accounting-export";
    public static final String PARTNER_DOCUMENTS_ROUTE = "partner-documents";
    public static final String FOLLOW_UP_ROUTE = "order-follow-up";
    public static final String FAILURE_KIND = "order-event";
    private static final Logger LOG = LoggerFactory.getLogger(OrderFollowUp.class);

    private final DataSource hubStore;
    private final OrderEvents events;
    private final Invoicing invoicing;
    private final InvoiceXml invoiceXml;
    private final OutboundMessages outbound;
    private final Optional<Notices> notices;
    private final PartnerProfiles partners;
    private final CustomerFeed customers;
    private final OrderContacts contacts;
    private final ObjectMapper json;
    private final FailureLog failures;
    private final int batchSize;
    private final DrainWindow drains;

    /** {@code notices} empty: no web-store callback is configured. */
    public OrderFollowUp(DataSource hubStore, OrderEvents events, Invoicing invoicing, InvoiceXml invoiceXml, OutboundMessages outbound,
                         Optional<Notices> notices, PartnerProfiles partners, CustomerFeed customers, OrderContacts contacts,
                         ObjectMapper json, FailureLog failures, int batchSize, DrainWindow drains) {
        this.hubStore = hubStore;
        this.events = events;
        this.invoicing = invoicing;
        this.invoiceXml = invoiceXml;
        this.outbound = outbound;
        this.notices = notices;
        this.partners = partners;
        this.customers = customers;
        this.contacts = contacts;
        this.json = json;
        this.failures = failures;
        this.batchSize = batchSize;
        this.drains = drains;
    }

    /**
     * Follows up every waiting event, a batch per transaction; the number followed up. A batch that
     * fails is taken again one event at a time, so one event that cannot be followed up (an
     * invoice the schema refuses) becomes a failure record instead of holding up the others.
     * Stops while a drain runs; the timer brings it back once the drain is over.
     */
    public int followUpAll() {
        int total = 0;
        while (!drains.isOpen()) {
            int done;
            try {
                done = followUp(batchSize, false);
            } catch (RuntimeException batchFailed) {
                LOG.warn("Following up a batch of order events failed, taking them one by one: {}", batchFailed.getMessage());
                done = 0;
                for (int i = 0; i < batchSize; i++) {
                    int one = followUp(1, true);
                    if (one == 0) {
                        break;
                    }
                    done += one;
                }
            }
            if (done == 0) {
                return total;
            }
            total += done;
        }
        return total;
    }

    private int followUp(int limit, boolean recordFailure) {
        List<OrderEvents.Stored> batch = List.of();
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try {
                batch = events.oldest(connection, limit);
                if (batch.isEmpty() || !events.remove(connection, batch)) {
                    connection.rollback();
                    return 0;
                }
                followUp(connection, batch);
                connection.commit();
                return batch.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (!recordFailure || batch.size() != 1 || e instanceof SQLException) {
                    throw e;
                }
                giveUp(connection, batch.get(0), e);
                return 1;
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot follow up order events: " + e.getMessage(), e);
        }
    }

    private void giveUp(Connection connection, OrderEvents.Stored event, Exception cause) throws SQLException {
        OrderEvent failed = event.event();
        long failureId = failures.record(FOLLOW_UP_ROUTE, FAILURE_KIND, "follow-up-failed",
                "Cannot follow up " + failed.kind() + " of order " + failed.order().key() + ": " + cause.getMessage(),
                failed.kind() + "-" + failed.order().orderId() + ".json", eventJson(failed));
        events.remove(connection, List.of(event));
        connection.commit();
        LOG.warn("Order event {} of {} recorded as failure {}: {}", failed.kind(), failed.order().key(), failureId, cause.getMessage());
    }

    private void followUp(Connection connection, List<OrderEvents.Stored> batch) throws SQLException {
        List<OutboundMessage> messages = new ArrayList<>();
        List<CustomerTouch> history = new ArrayList<>();
        List<BookedOrder> booked = new ArrayList<>();
        Set<String> skus = new LinkedHashSet<>();
        for (OrderEvents.Stored stored : batch) {
            OrderEvent event = stored.event();
            switch (event.kind()) {
                case OrderEvent.BOOKED -> {
                    booked.add(new BookedOrder(event.order(), event.erpOrderNumber()));
                    history.addAll(contacts.booked(event.order(), event.erpOrderNumber(), stored.recordedAt()));
                    event.order().lines().stream().map(OrderLine::sku).forEach(skus::add);
                    notices.ifPresent(n -> messages.add(n.booked(event.order(), event.erpOrderNumber())));
                }
                case OrderEvent.REJECTED -> {
                    notices.ifPresent(n -> messages.add(n.rejected(event.order(), event.reason())));
                    history.add(contacts.rejected(event.order(), event.reason(), stored.recordedAt()));
                }
                case OrderEvent.SHIPPED -> {
                    Shipment shipment = event.shipment();
                    notices.ifPresent(n -> messages.add(n.shipped(event.order(), shipment)));
                    partnerDocument(event.order().source(), "DESADV", "856").ifPresent(partner -> messages.add(OutboundMessage.of(
                            PARTNER_DOCUMENTS_ROUTE, PartnerDocumentDelivery.DESPATCH_ADVICE, "DESADV " + event.order().orderId(),
                            PartnerDocumentDelivery.request(json, partner.partnerId(), event.order().orderId()))));
                    history.add(contacts.aboutOrder(event.order().source(), event.order().orderId(), ContactEvent.SHIPMENT, "warehouse",
                            "shipment " + shipment.shipmentNumber() + " by " + shipment.carrier()
                                    + (shipment.trackingNumber() == null ? "" : ", tracking " + shipment.trackingNumber())));
                }
                default -> throw new IllegalStateException("Unknown order event " + event.kind());
            }
        }
        for (Issued issued : invoicing.invoice(connection, booked)) {
            var invoice = issued.invoice();
            messages.add(OutboundMessage.of(ACCOUNTING_ROUTE, "invoice", invoice.invoiceNumber() + ".xml",
                    invoiceXml.write(invoice, issued.postings())));
            notices.ifPresent(n -> messages.add(n.invoiced(invoice)));
            partnerDocument(invoice.order().source(), "INVOIC", "810").ifPresent(partner -> messages.add(OutboundMessage.of(
                    PARTNER_DOCUMENTS_ROUTE, PartnerDocumentDelivery.INVOICE, "INVOIC " + invoice.order().orderId(),
                    PartnerDocumentDelivery.request(json, partner.partnerId(), invoice.order().orderId()))));
            history.add(contacts.aboutOrder(invoice.order().source(), invoice.order().orderId(), ContactEvent.INVOICE, "accounting",
                    "invoice " + invoice.invoiceNumber(), invoice.grossTotal(), invoice.currency()));
        }
        if (!skus.isEmpty()) {
            notices.ifPresent(n -> messages.add(n.stock(skus)));
        }
        outbound.enqueue(connection, messages);
        customers.enqueue(connection, history);
    }

    private byte[] eventJson(OrderEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partner that placed the order, if its profile asks for this document (EDIFACT or X12 name). */
    private Optional<PartnerProfile> partnerDocument(String source, String edifact, String x12) {
        return partners.byId(source).filter(PartnerProfile::configured)
                .filter(p -> p.documentsOut().contains(p.standard() == EdiStandard.EDIFACT ? edifact : x12));
    }
}
