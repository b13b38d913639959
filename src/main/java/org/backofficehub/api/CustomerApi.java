package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.customer.CustomerQueries;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.Texts;

/**
 * The customer master over HTTP: {@code GET /api/customers/{id}} (golden record, sources, history),
 * {@code GET /api/customers?email=|phone=|name=}, and
 * {@code GET /api/reports/best-customers?from=&to=&by=revenue|orders&currency=&limit=}.
 */
public final class CustomerApi {

    private static final int MAX_LIMIT = 1000;

    private final CustomerQueries queries;
    private final ObjectMapper json;
    private final String reportCurrency;
    private final Clock clock;

    public CustomerApi(CustomerQueries queries, ObjectMapper json, String reportCurrency, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.reportCurrency = reportCurrency;
        this.clock = clock;
    }

    public void showOne(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        long id = number(message.getHeader("customerId", String.class), "customer id");
        Object view = queries.find(id).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND, "No customer " + id));
        JsonReply.write(message, 200, json.writeValueAsBytes(view));
    }

    public void search(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        JsonReply.write(message, 200, json.writeValueAsBytes(queries.search(text(message, "email"), text(message, "phone"), text(message, "name"))));
    }

    public void bestCustomers(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = date(text(message, "from"), today.minusYears(1));
        LocalDate to = date(text(message, "to"), today);
        String by = text(message, "by") == null ? "revenue" : text(message, "by");
        if (!by.equals("revenue") && !by.equals("orders")) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "by must be revenue or orders, not '" + Texts.clip(by, 24) + "'");
        }
        if (from.isAfter(to)) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "from (" + from + ") is after to (" + to + ")");
        }
        String currency = text(message, "currency") == null ? reportCurrency : text(message, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "currency must be an ISO 4217 code such as EUR, not '"
                    + Texts.clip(currency, 20) + "'");
        }
        int limit = text(message, "limit") == null ? 10 : limit(text(message, "limit"));
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonReply.write(message, 200, json.writeValueAsBytes(Map.of("from", from.toString(), "to", to.toString(), "by", by,
                "currency", currency, "customers", queries.bestCustomers(start, end, by.equals("revenue"), currency, limit))));
    }

    private static String text(Message message, String name) {
        String value = message.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** How many customers the report lists: 1 to 1000; a database never sees a count it would refuse (a negative one was a 503). */
    private static int limit(String value) {
        long limit = number(value, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return (int) limit;
    }

    private static long number(String value, String what) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The " + what + " must be a number, not '" + Texts.clip(value, 24) + "'");
        }
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "'" + Texts.clip(value, 24) + "' is not a date like 2026-11-23");
        }
    }
}
