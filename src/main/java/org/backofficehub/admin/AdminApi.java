package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.backofficehub.backoffice.OrderEvent;
import org.backofficehub.edi.PartnerTransferFailure;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.backoffice.OrderFollowUp;
import org.backofficehub.backoffice.ShipmentFailure;
import org.backofficehub.backoffice.ShipmentIntake;
import org.backofficehub.outbound.OutboundDispatcher;
import org.backofficehub.outbound.OutboundMessages;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.batch.BatchDrain;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.batch.RouteMode;
import org.backofficehub.batch.RouteModes;
import org.backofficehub.batch.RouteSettings;
import org.backofficehub.batch.UnknownRouteException;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.observe.RouteActivity;
import org.backofficehub.store.FailureLog;
import org.backofficehub.store.FailureLog.Failure;

/**
 * The administrator's HTTP API under /admin: routes with their mode, schedule and counts; mode
 * and schedule changes; run now; failures with replay and discard. Used by the console and the
 * command-line client alike.
 */
public final class AdminApi {

    private static final int MAX_LISTED_FAILURES = 200;

    private final RouteModes modes;
    private final BookingStage stage;
    private final BatchDrain drain;
    private final FailureLog failures;
    private final RouteActivity activity;
    private final GroupCommitBooking booking;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final Path inbox;
    private final OutboundMessages outbound;
    private final OrderEvents orderEvents;
    private final ShipmentIntake shipments;

    public AdminApi(RouteModes modes, BookingStage stage, BatchDrain drain, FailureLog failures,
                    RouteActivity activity, GroupCommitBooking booking, ObjectMapper json, ObjectMapper canonicalJson, Path inbox,
                    OutboundMessages outbound, OrderEvents orderEvents, ShipmentIntake shipments) {
        this.modes = modes;
        this.stage = stage;
        this.drain = drain;
        this.failures = failures;
        this.activity = activity;
        this.booking = booking;
        this.json = json;
        this.canonicalJson = canonicalJson;
        this.inbox = inbox;
        this.outbound = outbound;
        this.orderEvents = orderEvents;
        this.shipments = shipments;
    }

    public void listRoutes(Exchange exchange) throws IOException {
        Map<String, Long> staged = new java.util.HashMap<>(stage.countsByRoute());
        // A delivery route's "staged" are the messages waiting for it (its schedule in batch mode, or a retry).
        outbound.counts().forEach((routeId, states) -> staged.merge(routeId, states.getOrDefault(OutboundMessages.PENDING, 0L), Long::sum));
        List<Map<String, Object>> routes = new ArrayList<>();
        for (RouteSettings settings : modes.all()) {
            routes.add(routeView(exchange.getContext(), settings, staged.getOrDefault(settings.routeId(), 0L)));
        }
        reply(exchange, 200, routes);
    }

    public void changeMode(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String routeId = message.getHeader("routeId", String.class);
        JsonNode request = readJson(message);
        RouteSettings changed;
        try {
            RouteMode mode = RouteMode.parse(request.path("mode").asText(null));
            changed = modes.change(routeId, mode, request.path("cron").asText(null),
                    message.getHeader(AdminAuthentication.ADMIN_USER_HEADER, String.class));
        } catch (UnknownRouteException e) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        reply(exchange, 200, routeView(exchange.getContext(), changed, stage.countsByRoute().getOrDefault(routeId, 0L)));
    }

    public void runNow(Exchange exchange) throws IOException {
        String routeId = exchange.getMessage().getHeader("routeId", String.class);
        try {
            modes.get(routeId);
        } catch (UnknownRouteException e) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, e.getMessage());
        }
        reply(exchange, 200, drain.drain(routeId));
    }

    public void listFailures(Exchange exchange) throws IOException {
        String state = exchange.getMessage().getHeader("state", FailureLog.OPEN, String.class);
        List<Map<String, Object>> views = failures.list("all".equals(state) ? null : state, MAX_LISTED_FAILURES).stream()
                .map(AdminApi::failureView).toList();
        reply(exchange, 200, views);
    }

    /** Replays a failure, with a corrected payload if the request has a body. */
    public void replayFailure(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Failure failure = openFailure(message);
        byte[] corrected = message.getBody(byte[].class);
        byte[] payload = corrected != null && corrected.length > 0 ? corrected : failure.payload();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("id", failure.id());
        if (OutboundDispatcher.FAILURE_KIND.equals(failure.kind())) {
            // Delivered again as it was: the hub's own document or notice, not the sender's input.
            outcome.put("redelivery", outbound.reopenFailure(failure.id()) ? "queued" : "nothing to redeliver");
        } else if (OrderFollowUp.FAILURE_KIND.equals(failure.kind())) {
            orderEvents.enqueue(List.of(canonicalJson.readValue(payload, OrderEvent.class)));
            outcome.put("followUp", "queued");
        } else if (ShipmentFailure.KIND.equals(failure.kind())) {
            Map<String, Object> row = json.readValue(payload, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            outcome.put("shipment", shipments.receive(row));
        } else if (PartnerTransferFailure.OUTBOX_FILE.equals(failure.kind())) {
            // Back into the outbox it came from, to be uploaded again.
            Path original = Path.of(failure.fileName());
            Path temporary = original.resolveSibling(original.getFileName() + ".part");
            Files.createDirectories(original.getParent());
            Files.write(temporary, payload);
            Files.move(temporary, original, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            outcome.put("outboxFile", original.toString());
        } else if ("staged-order".equals(failure.kind())) {
            Order order = canonicalJson.readValue(payload, Order.class);
            Booking booked = booking.book(order);
            outcome.put("erpOrderNumber", booked.erpOrderNumber());
            outcome.put("alreadyBooked", booked.alreadyBooked());
        } else {
            // Back through the inbox, so the replay gets exactly the treatment a new file gets.
            String name = "replay-" + failure.id() + "-" + (failure.fileName() == null ? "input" : Path.of(failure.fileName()).getFileName());
            Files.createDirectories(inbox);
            Path temporary = inbox.resolve(name + ".part");
            Files.write(temporary, payload);
            Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            outcome.put("inboxFile", name);
        }
        failures.resolve(failure.id(), FailureLog.REPLAYED);
        outcome.put("state", FailureLog.REPLAYED);
        reply(exchange, 200, outcome);
    }

    public void discardFailure(Exchange exchange) throws IOException {
        Failure failure = openFailure(exchange.getMessage());
        failures.resolve(failure.id(), FailureLog.DISCARDED);
        reply(exchange, 200, Map.of("id", failure.id(), "state", FailureLog.DISCARDED));
    }

    private Failure openFailure(Message message) {
        long id;
        try {
            id = Long.parseLong(message.getHeader("failureId", String.class));
        } catch (NumberFormatException e) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, "Failure ids are numbers");
        }
        Failure failure = failures.find(id)
                .orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND, "No failure " + id));
        if (!FailureLog.OPEN.equals(failure.state())) {
            throw new InputRejectedException(ProblemType.ALREADY_RESOLVED, "Failure " + id + " was already " + failure.state());
        }
        return failure;
    }

    private Map<String, Object> routeView(CamelContext camel, RouteSettings settings, long staged) {
        RouteActivity.Counts counts = activity.of(settings.routeId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("routeId", settings.routeId());
        view.put("mode", settings.mode().code());
        view.put("cron", settings.cron());
        view.put("status", String.valueOf(camel.getRouteController().getRouteStatus(settings.routeId())));
        view.put("processed", counts.processed());
        view.put("failed", counts.failed());
        view.put("staged", staged);
        view.put("openFailures", failures.countOpen(settings.routeId()));
        drain.lastRun(settings.routeId()).ifPresent(run -> view.put("lastRun",
                Map.of("at", run.at().toString(), "booked", run.booked(), "failed", run.failed())));
        view.put("changedAt", settings.changedAt().toString());
        view.put("changedBy", settings.changedBy());
        return view;
    }

    private static Map<String, Object> failureView(Failure failure) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", failure.id());
        view.put("routeId", failure.routeId());
        view.put("kind", failure.kind());
        view.put("problem", failure.problem());
        view.put("reason", failure.reason());
        view.put("fileName", failure.fileName());
        view.put("createdAt", failure.createdAt().toString());
        view.put("state", failure.state());
        if (failure.resolvedAt() != null) {
            view.put("resolvedAt", failure.resolvedAt().toString());
        }
        view.put("payload", new String(failure.payload(), StandardCharsets.UTF_8));
        return view;
    }

    private JsonNode readJson(Message message) {
        byte[] body = message.getBody(byte[].class);
        try {
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The request body is not JSON: " + e.getMessage());
        }
    }

    private void reply(Exchange exchange, int status, Object body) throws IOException {
        JsonReply.write(exchange.getMessage(), status, json.writeValueAsBytes(body));
    }
}
