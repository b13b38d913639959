package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.accounting.JournalClosing;
import org.backofficehub.api.JsonReply;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.backoffice.WarehouseShipments;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.outbound.OutboundMessages;

/**
 * The back office for administrators: record a shipment in the demo ERP as its warehouse would
 * ({@code POST /admin/erp/shipments}, once per order and tracking number), close the accounting journal now
 * ({@code POST /admin/accounting/journal}), and see what is still owed to other systems
 * ({@code GET /admin/outbound}).
 */
public final class BackOfficeAdminApi {

    private final WarehouseShipments shipments;
    private final OutboundMessages outbound;
    private final ObjectMapper json;
    private final JsonRequest requests;
    private final Clock clock;

    public BackOfficeAdminApi(WarehouseShipments shipments, OutboundMessages outbound, ObjectMapper json, JsonRequest requests,
                              Clock clock) {
        this.shipments = shipments;
        this.outbound = outbound;
        this.json = json;
        this.requests = requests;
        this.clock = clock;
    }

    /** Body {@code {"erpOrderNumber": "100001", "carrier": "DHL", "trackingNumber": "...", "shippedOn": "2026-11-23"}}. */
    public void recordShipment(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        JsonNode request = requests.object(message);
        String orderNumber = request.path("erpOrderNumber").asText("").trim();
        if (orderNumber.isEmpty()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Send {\"erpOrderNumber\": \"100001\", \"carrier\": \"DHL\"}: "
                    + "erpOrderNumber is the ERP's order number");
        }
        if (!shipments.available()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "This ERP's warehouse records its shipments itself: its profile"
                    + " has no warehouse statements (the demo ERP's has)");
        }
        String carrier = request.path("carrier").asText("").trim();
        if (carrier.isEmpty()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "A shipment needs a carrier");
        }
        LocalDate shippedOn;
        try {
            shippedOn = request.hasNonNull("shippedOn") ? LocalDate.parse(request.get("shippedOn").asText()) : LocalDate.now(clock);
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "shippedOn must be a date like 2026-11-23");
        }
        String tracking = request.hasNonNull("trackingNumber") && !request.get("trackingNumber").asText().isBlank()
                ? request.get("trackingNumber").asText().trim() : null;
        WarehouseShipments.Recorded shipment = shipments.record(orderNumber, carrier, tracking, shippedOn).orElseThrow(
                () -> new InputRejectedException(ProblemType.ORDER_NOT_FOUND, "The ERP has no order " + orderNumber));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("shipmentNumber", shipment.shipmentNumber());
        reply.put("erpOrderNumber", orderNumber);
        reply.put("carrier", carrier);
        reply.put("trackingNumber", tracking);
        reply.put("shippedOn", shippedOn.toString());
        reply.put("alreadyRecorded", shipment.alreadyRecorded());
        // The same parcel again (order and tracking number) is the shipment recorded before: 200, as a repeated order is.
        JsonReply.write(message, shipment.alreadyRecorded() ? 200 : 201, json.writeValueAsBytes(reply));
    }

    /** Answers with the journal {@code direct:close-journal} closed (the body). */
    public void journalClosed(Exchange exchange) throws Exception {
        JournalClosing.Closed closed = exchange.getMessage().getMandatoryBody(JournalClosing.Closed.class);
        Object reply = closed.postings() == 0 ? Map.of("postings", 0) : closed;
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(reply));
    }

    public void outboundCounts(Exchange exchange) throws IOException {
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(outbound.counts()));
    }
}
