package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.backofficehub.security.AccessGate;
import org.backofficehub.outbound.OutboundMessages;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.modes.RouteDrains;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.modes.RouteMode;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.modes.RouteSettings;
import org.backofficehub.modes.UnknownRouteException;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.store.FailureLog;
import org.backofficehub.util.Texts;
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
    private final RouteDrains drain;
    private final FailureLog failures;
    private final FailureReplays replays;
    private final RouteActivity activity;
    private final OutboundMessages outbound;
    private final ObjectMapper json;
    private final JsonRequest requests;

    public AdminApi(RouteModes modes, BookingStage stage, RouteDrains drain, FailureLog failures, FailureReplays replays,
                    RouteActivity activity, OutboundMessages outbound, ObjectMapper json, JsonRequest requests) {
        this.modes = modes;
        this.stage = stage;
        this.drain = drain;
        this.failures = failures;
        this.replays = replays;
        this.activity = activity;
        this.outbound = outbound;
        this.json = json;
        this.requests = requests;
    }

    public void listRoutes(Exchange exchange) throws IOException {
        Map<String, Long> staged = stagedByRoute();
        List<Map<String, Object>> routes = new ArrayList<>();
        for (RouteSettings settings : modes.all()) {
            routes.add(routeView(exchange.getContext(), settings, staged.getOrDefault(settings.routeId(), 0L)));
        }
        reply(exchange, 200, routes);
    }

    public void changeMode(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String routeId = message.getHeader("routeId", String.class);
        JsonNode request = requests.object(message);
        RouteSettings changed;
        try {
            RouteMode mode = RouteMode.parse(request.path("mode").asText(null));
            changed = modes.change(routeId, mode, request.path("cron").asText(null),
                    message.getHeader(AccessGate.USER_HEADER, String.class));
        } catch (UnknownRouteException e) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        reply(exchange, 200, routeView(exchange.getContext(), changed, stagedByRoute().getOrDefault(routeId, 0L)));
    }

    public void runNow(Exchange exchange) throws IOException, InvalidPayloadException {
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
        if (!List.of(FailureLog.OPEN, FailureLog.REPLAYED, FailureLog.DISCARDED, "all").contains(state)) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "state must be open, replayed, discarded or all, not '"
                    + Texts.clip(state, 24) + "'");
        }
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
        outcome.putAll(replays.replay(failure, payload));
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

    /** Orders staged per route; for a delivery route, the messages waiting for it (its schedule in batch mode, or a retry). */
    private Map<String, Long> stagedByRoute() {
        Map<String, Long> staged = new java.util.HashMap<>(stage.countsByRoute());
        outbound.waiting(modes.all().stream().map(RouteSettings::routeId).toList()).forEach((routeId, states) -> staged.merge(routeId, states.getOrDefault(OutboundMessages.PENDING, 0L), Long::sum));
        return staged;
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
                Map.of("at", run.at().toString(), "booked", run.booked(), "alreadyBooked", run.alreadyBooked(),
                        "delivered", run.delivered(), "failed", run.failed())));
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

    private void reply(Exchange exchange, int status, Object body) throws IOException {
        JsonReply.write(exchange.getMessage(), status, json.writeValueAsBytes(body));
    }
}
