package org.backofficehub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.observe.HubActivity;
import org.backofficehub.util.Texts;

/**
 * {@code GET /admin/dashboard?hours=24}: the console's dashboard in one answer, drawn from the
 * hub's own store: orders booked per hour by channel and by source, failures by route and problem,
 * interchanges per partner, what is waiting (staged orders, follow-up, customer contacts) and the
 * last drains.
 */
public final class DashboardApi {

    private static final int MAX_HOURS = 24 * 31;

    private final HubActivity activity;
    private final Function<String, String> channelOfSource;
    private final Supplier<Map<String, Long>> staged;
    private final LongSupplier followUpWaiting;
    private final LongSupplier customerContactsWaiting;
    private final Clock clock;
    private final ObjectMapper json;

    public DashboardApi(HubActivity activity, Function<String, String> channelOfSource, Supplier<Map<String, Long>> staged,
                        LongSupplier followUpWaiting, LongSupplier customerContactsWaiting, Clock clock, ObjectMapper json) {
        this.activity = activity;
        this.channelOfSource = channelOfSource;
        this.staged = staged;
        this.followUpWaiting = followUpWaiting;
        this.customerContactsWaiting = customerContactsWaiting;
        this.clock = clock;
        this.json = json;
    }

    public void show(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int hours = hours(message.getHeader("hours", String.class));
        Instant now = clock.instant();
        Instant from = now.minus(hours, ChronoUnit.HOURS);
        HubActivity.OrdersPerHour orders = activity.ordersPerHour(now, hours);
        Map<String, long[]> byChannel = new TreeMap<>();
        orders.bySource().forEach((source, counts) -> {
            long[] channel = byChannel.computeIfAbsent(channelOfSource.apply(source), c -> new long[hours]);
            for (int i = 0; i < hours; i++) {
                channel[i] += counts[i];
            }
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", from.toString());
        view.put("to", now.toString());
        view.put("hours", orders.hours().stream().map(Instant::getEpochSecond).toList());
        view.put("ordersByChannel", byChannel);
        view.put("ordersBySource", orders.bySource());
        view.put("failures", activity.failures(from).stream()
                .map(c -> Map.of("routeId", c.key(), "problem", c.detail(), "count", c.count())).toList());
        view.put("partners", activity.interchanges(from));
        Map<String, Object> waiting = new LinkedHashMap<>();
        waiting.put("staged", staged.get());
        waiting.put("followUp", followUpWaiting.getAsLong());
        waiting.put("customerContacts", customerContactsWaiting.getAsLong());
        view.put("waiting", waiting);
        view.put("drains", activity.drains().stream().map(drain -> Map.of("routeId", drain.routeId(),
                "lastRunAt", drain.lastRunAt().toString(), "booked", drain.booked(), "failed", drain.failed())).toList());
        JsonReply.write(message, 200, json.writeValueAsBytes(view));
    }

    public void partnerActivity(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Instant from = clock.instant().minus(hours(message.getHeader("hours", String.class)), ChronoUnit.HOURS);
        Map<String, Map<String, Object>> partners = new TreeMap<>();
        activity.lastInterchanges().forEach((partner, last) -> {
            Map<String, Object> view = partners.computeIfAbsent(partner, p -> new LinkedHashMap<>());
            last.forEach((which, at) -> view.put(which, at.toString()));
        });
        for (HubActivity.PartnerInterchanges counts : activity.interchanges(from)) {
            Map<String, Object> view = partners.computeIfAbsent(counts.partner(), p -> new LinkedHashMap<>());
            view.put("received", counts.received());
            view.put("rejected", counts.rejected());
            view.put("sent", counts.sent());
            view.put("acknowledgementsAwaited", counts.acknowledgementsAwaited());
        }
        JsonReply.write(message, 200, json.writeValueAsBytes(partners));
    }

    private static int hours(String text) {
        if (text == null || text.isBlank()) {
            return 24;
        }
        try {
            int hours = Integer.parseInt(text.strip());
            if (hours >= 1 && hours <= MAX_HOURS) {
                return hours;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InputRejectedException(ProblemType.INVALID_REQUEST, "hours must be a whole number from 1 to " + MAX_HOURS
                + ", not '" + Texts.clip(text, 24) + "'");
    }

    /** The channel of an order's source: the web store, a shop, an EDI partner (or an unknown sender's stand-in), or a document (file) sender. */
    public static Function<String, String> channels(List<String> partnerIds, List<String> shopSources) {
        return source -> {
            if (org.backofficehub.model.Order.WEBSTORE.equals(source)) {
                return "webstore";
            }
            if (shopSources.contains(source)) {
                return "shops";
            }
            if (partnerIds.contains(source) || source.startsWith("UN:") || source.startsWith("X12:")) {
                return "edi";
            }
            return "documents";
        };
    }
}
