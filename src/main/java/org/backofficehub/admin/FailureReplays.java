package org.backofficehub.admin;

import org.backofficehub.edi.intake.HeldOrders;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.model.OrderAnswer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backofficehub.backoffice.OrderEvent;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.backoffice.OrderFollowUp;
import org.backofficehub.backoffice.ShipmentFailure;
import org.backofficehub.backoffice.ShipmentIntake;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.edi.transfers.PartnerTransferFailure;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.backofficehub.outbound.OutboundDeliveries;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.shop.ShopOrderReplays;
import org.backofficehub.shop.ShopPulls;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.FailureLog.Failure;
import org.backofficehub.util.FileNames;

/**
 * Replays a failure the way its kind needs: a staged order is booked, a held partner order settled
 * by the catalogue, booked and answered with its order response, an undelivered message is
 * queued again, an order event or shipment is followed up again, an upload goes back to its
 * outbox, and any input file back through the inbox, so it gets exactly the treatment a new file
 * gets. Says what it did, for the admin's answer.
 */
public final class FailureReplays {

    private static final String PART = ".part";

    private final GroupCommitBooking booking;
    private final OutboundMessages outbound;
    private final OrderEvents orderEvents;
    private final ShipmentIntake shipments;
    private final ObjectMapper canonicalJson;
    private final Path inbox;
    private final ItemCatalogue catalogue;
    private final DrainedOrderResponses orderResponses;
    private final ShopOrderReplays shopOrders;

    public FailureReplays(GroupCommitBooking booking, OutboundMessages outbound, OrderEvents orderEvents, ShipmentIntake shipments,
                          ObjectMapper canonicalJson, Path inbox, ItemCatalogue catalogue, DrainedOrderResponses orderResponses,
                          ShopOrderReplays shopOrders) {
        this.booking = booking;
        this.outbound = outbound;
        this.orderEvents = orderEvents;
        this.shipments = shipments;
        this.canonicalJson = canonicalJson;
        this.inbox = inbox;
        this.catalogue = catalogue;
        this.orderResponses = orderResponses;
        this.shopOrders = shopOrders;
    }

    /** {@code payload}: the failure's own, or the administrator's correction. */
    public Map<String, Object> replay(Failure failure, byte[] payload) throws IOException {
        Map<String, Object> outcome = new LinkedHashMap<>();
        switch (failure.kind()) {
            case HeldOrders.KIND -> {
                Order corrected = canonicalJson.readValue(payload, Order.class);
                ResolvedOrders settled = catalogue.resolve(List.of(corrected), corrected.source());
                if (!settled.refused().isEmpty()) {
                    throw settled.refused().get(0).refusalToThrow();
                }
                Order order = settled.bookable().get(0);
                Booking booked = booking.book(order);
                orderResponses.answer(List.of(OrderAnswer.booked(order, booked)));
                outcome.put("erpOrderNumber", booked.erpOrderNumber());
                outcome.put("alreadyBooked", booked.alreadyBooked());
            }
            case "staged-order" -> {
                Booking booked = booking.book(canonicalJson.readValue(payload, Order.class));
                outcome.put("erpOrderNumber", booked.erpOrderNumber());
                outcome.put("alreadyBooked", booked.alreadyBooked());
            }
            // A platform's order, through its shop's intake (its mapping as it is now): never the inbox, which reads web orders.
            case ShopPulls.FAILURE_KIND -> outcome.putAll(shopOrders.replay(failure.routeId(), payload));
            // Delivered again as it was: the hub's own document or notice, not the sender's input.
            case OutboundDeliveries.FAILURE_KIND ->
                    outcome.put("redelivery", outbound.reopenFailure(failure.id()) ? "queued" : "nothing to redeliver");
            case OrderFollowUp.FAILURE_KIND -> {
                orderEvents.enqueue(List.of(canonicalJson.readValue(payload, OrderEvent.class)));
                outcome.put("followUp", "queued");
            }
            case ShipmentFailure.KIND -> outcome.put("shipment", shipments.receive(canonicalJson.readValue(payload,
                    new TypeReference<Map<String, Object>>() { })));
            case PartnerTransferFailure.OUTBOX_FILE -> {
                Path original = Path.of(failure.fileName());
                writeWhole(original, kept(failure, payload));
                outcome.put("outboxFile", original.toString());
            }
            default -> {
                String original = failure.fileName() == null ? "input" : Path.of(failure.fileName()).getFileName().toString();
                String name = FileNames.fit(FileNames.safe("replay-" + failure.id() + "-" + original), FileNames.MAX_NAME_BYTES - PART.length());
                writeWhole(inbox.resolve(name), kept(failure, payload));
                outcome.put("inboxFile", name);
            }
        }
        outcome.put("summary", summary(outcome));
        return outcome;
    }

    /** What the replay did, in words, whatever the failure's kind: the console shows it as it is. */
    static String summary(Map<String, Object> outcome) {
        if (outcome.get("erpOrderNumber") != null) {
            return "ERP order " + outcome.get("erpOrderNumber") + (Boolean.TRUE.equals(outcome.get("alreadyBooked")) ? " (booked before)" : "");
        }
        if (outcome.containsKey("redelivery")) {
            return "queued".equals(outcome.get("redelivery")) ? "queued for delivery again" : "nothing to redeliver";
        }
        if (outcome.containsKey("followUp")) {
            return "queued for follow-up again";
        }
        if (outcome.containsKey("shipment")) {
            return String.valueOf(outcome.get("shipment"));
        }
        if (outcome.containsKey("outboxFile")) {
            return "back in the outbox as " + outcome.get("outboxFile");
        }
        if (outcome.containsKey("inboxFile")) {
            return "back in the inbox as " + outcome.get("inboxFile");
        }
        // A shop's order answered by its intake without a booking yet (staged in batch mode).
        return outcome.get("trackingId") != null ? "staged, tracking id " + outcome.get("trackingId") : "done";
    }

    /**
     * A file is put back only with content: a failure that kept none (too large, empty, not a
     * document, a link or a pipe) replayed as it is would be an empty file the inbox quarantines
     * again, while the failure said "replayed".
     */
    private static byte[] kept(Failure failure, byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new InputRejectedException(ProblemType.NOTHING_TO_REPLAY, "Failure " + failure.id() + " (" + failure.problem()
                    + ") kept no content to replay; replay it with the corrected document as the request body, or discard it");
        }
        return payload;
    }

    /** Written as .part and renamed: a folder's reader (the inbox, an upload) never takes half a file. */
    private static void writeWhole(Path target, byte[] payload) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + PART);
        Files.write(temporary, payload);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
