package org.backofficehub.edi.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderLine;
import org.backofficehub.support.CanonicalJson;

/**
 * The golden record of a corpus file: for each order message the acknowledgement accepted, the
 * canonical order the hub read from it (as {@link CanonicalJson} writes it, the form of the
 * edi-samples goldens), what the item catalogue makes of each of its lines, and what became of it.
 *
 * <p>Each line is settled by the route's own catalogue on its own ({@code lines}), so that a line the
 * catalogue cannot settle does not hide how it settles the others; {@code by} names the identifier
 * of the line that names the item found, told from the catalogue's rows (item master GTINs, the
 * partner's cross-reference), which shows which of the documented routes found it.
 */
public final class OrderGoldens {

    /** The identification routes, in the catalogue's order: our number, a GS1 number, the buyer's number through the cross-reference. */
    public static final List<ItemIdentifier.Kind> ROUTES = List.of(ItemIdentifier.Kind.SUPPLIER, ItemIdentifier.Kind.GTIN,
            ItemIdentifier.Kind.BUYER);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ItemCatalogue catalogue;
    private final Map<String, String> gtins = new HashMap<>();
    private final Map<String, String> crossReference = new HashMap<>();

    /** @param erp the ERP the route's catalogue reads, whose rows tell how an item was found */
    public OrderGoldens(ItemCatalogue catalogue, DataSource erp) {
        this.catalogue = catalogue;
        try (Connection connection = erp.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT IMITNO, IMGTIN FROM ITMMAS WHERE IMGTIN IS NOT NULL")) {
                while (rs.next()) {
                    gtins.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT IXPART, IXCITM, IXITNO FROM ITMXRF")) {
                while (rs.next()) {
                    crossReference.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the test catalogue", e);
        }
    }

    /** A file's golden record, and the orders it records as the hub read them, in the same order. */
    public record FileRecord(ObjectNode json, List<Order> read) {
    }

    /**
     * The golden record of one file.
     *
     * @param accepted the file's order messages the acknowledgement accepted, in file order
     * @param problems where what the hub did cannot be put in the record (an accepted message it did not translate), for the test to fail on
     */
    public FileRecord of(String file, String source, List<CorpusMessage> accepted, CorpusHub.Received received, List<String> problems) {
        List<Order> read = new ArrayList<>();
        ObjectNode golden = JSON.objectNode();
        golden.put("file", file);
        golden.put("source", source);
        ArrayNode orders = golden.putArray("orders");
        List<CorpusHub.Translation> unmatched = new ArrayList<>(received.translations());
        for (CorpusMessage message : accepted) {
            CorpusHub.Translation translation = unmatched.stream()
                    .filter(t -> t.type().equals(message.type()) && t.control().equals(message.control())).findFirst().orElse(null);
            if (translation == null) {
                problems.add(file + " " + message.label() + ": accepted, but no order was translated from it");
                continue;
            }
            unmatched.remove(translation);
            orders.add(order(message, translation, received, problems));
            read.add(translation.order());
        }
        return new FileRecord(golden, read);
    }

    private ObjectNode order(CorpusMessage message, CorpusHub.Translation translation, CorpusHub.Received received, List<String> problems) {
        Order read = translation.order();
        ObjectNode golden = JSON.objectNode();
        golden.put("message", message.label());
        golden.set("order", CanonicalJson.of(read));
        CorpusHub.Settled settled = received.settled().get(read.orderId());
        if (translation.notNew() != null) {
            golden.put("answer", "not booked: " + translation.notNew());
            return golden; // the catalogue never sees it
        }
        if (settled == null) {
            problems.add(received.run().file() + " " + message.label() + ": order " + read.orderId() + " never reached the item catalogue");
            return golden;
        }
        ArrayNode lines = golden.putArray("lines");
        for (OrderLine line : read.lines()) {
            lines.add(line(read, line, settled, problems));
        }
        golden.put("answer", answer(read, settled, received.booked()));
        return golden;
    }

    /** The line as the catalogue settles it alone: the item and price to book, or why not. */
    private ObjectNode line(Order read, OrderLine line, CorpusHub.Settled settled, List<String> problems) {
        Order alone = new Order(read.source(), read.orderId(), read.orderDate(), read.currency(), read.buyer(), read.shipTo(), List.of(line));
        ResolvedOrders resolved = catalogue.resolve(List.of(alone), settled.partnerId());
        ObjectNode golden = JSON.objectNode();
        golden.put("lineNumber", line.lineNumber());
        if (resolved.bookable().isEmpty()) {
            if (settled.bookable() != null) {
                problems.add(read.orderId() + " line " + line.lineNumber() + ": refused alone, settled in its order");
            }
            // The line's own problems: an order's (no currency) are its answer's.
            golden.put("refused", resolved.refused().get(0).refusal().fieldProblems().stream()
                    .filter(p -> p.field().startsWith("/lines/")).map(FieldProblem::reason).collect(Collectors.joining("; ")));
            return golden;
        }
        OrderLine item = resolved.bookable().get(0).lines().get(0);
        golden.put("sku", item.sku());
        golden.put("by", by(line, item.sku(), settled.partnerId()));
        golden.put("unitPrice", item.unitPrice());
        if (settled.bookable() != null) {
            OrderLine booked = settled.bookable().lines().stream().filter(l -> l.lineNumber() == line.lineNumber()).findFirst().orElse(null);
            if (booked == null || !item.sku().equals(booked.sku()) || item.unitPrice().compareTo(booked.unitPrice()) != 0) {
                problems.add(read.orderId() + " line " + line.lineNumber() + ": settled alone as " + item.sku() + " at " + item.unitPrice()
                        + ", in its order as " + (booked == null ? "nothing" : booked.sku() + " at " + booked.unitPrice()));
            }
        }
        return golden;
    }

    /** Which of the line's identifiers names the item found, by the catalogue's order of routes: "GTIN UP 840235000471". */
    private String by(OrderLine line, String sku, String partnerId) {
        for (ItemIdentifier.Kind route : ROUTES) {
            for (ItemIdentifier id : line.itemIds()) {
                boolean names = id.kind() == route && switch (route) {
                    case SUPPLIER -> id.value().equals(sku);
                    case GTIN -> id.gtin14() != null && id.gtin14().equals(gtins.get(sku));
                    case BUYER -> sku.equals(crossReference.get(partnerId + "|" + id.value()));
                    case OTHER -> false;
                };
                if (names) {
                    return route + " " + (id.qualifier().isEmpty() ? "(no qualifier)" : id.qualifier()) + " " + id.value();
                }
            }
        }
        return line.sku() != null && line.sku().equals(sku) ? "the line's item number" : "none of the line's identifiers";
    }

    private static String answer(Order read, CorpusHub.Settled settled, List<OrderAnswer> booked) {
        if (settled.refused() != null) {
            return "refused: " + settled.refused().refusal().getMessage();
        }
        OrderAnswer answer = booked.stream().filter(a -> a.order().orderId().equals(read.orderId())).findFirst().orElse(null);
        if (answer == null) {
            return "accepted, not booked: a test interchange";
        }
        if (answer.refusal() != null) {
            return "refused by the ERP: " + answer.refusal().getMessage();
        }
        return answer.booking() != null ? "booked as ERP order " + answer.booking().erpOrderNumber() : "staged";
    }

    /** The identification routes that found an item for some line of these golden records. */
    public static List<String> routesUsed(List<ObjectNode> goldens) {
        List<String> used = new ArrayList<>();
        for (ObjectNode golden : goldens) {
            golden.path("orders").forEach(order -> order.path("lines").forEach(line -> {
                String route = line.path("by").asText("").split(" ")[0];
                if (!route.isEmpty() && !used.contains(route)) {
                    used.add(route);
                }
            }));
        }
        return used;
    }
}
