package org.backofficehub.erp;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.model.ProblemType;

/**
 * Books orders into an ERP that imports files (a profile with {@code connector = file}): each order
 * becomes one file in the profile's layout ({@code file.layout}, a FreeMarker template rendered by
 * camel-freemarker), sent to {@code file.orders-endpoint} (a folder, FTP or SFTP: any Camel endpoint,
 * written under a temporary name and renamed, as its URI says). One file per order reference, its
 * name and content following from the order alone: an order written again after a crash is the
 * same file again, never a second order. An order the ERP already holds ({@code order.read}) is
 * not written again; one naming an item the ERP does not have is refused and written nowhere. The
 * ERP numbers the orders when it imports them and says so in its confirmation files.
 */
public final class ErpOrderFiles implements ErpBooking {

    private final ProducerTemplate producer;
    private final String layout;
    private final String ordersEndpoint;
    private final String extension;
    private final Charset charset;
    private final ErpOrderReader erpOrders;
    private final ItemCatalogue catalogue;
    private final OrderFileRecords records;
    private final Clock clock;

    /** @param ordersEndpoint the profile's file.orders-endpoint, its placeholders resolved */
    public ErpOrderFiles(ProducerTemplate producer, ErpProfile profile, String ordersEndpoint, ErpOrderReader erpOrders,
                         ItemCatalogue catalogue, OrderFileRecords records, Clock clock) {
        this.producer = producer;
        this.layout = "freemarker:file:" + profile.fileSetting("file.layout") + "?contentCache=true";
        this.ordersEndpoint = ordersEndpoint;
        this.extension = profile.fileSetting("file.extension");
        this.charset = Charset.forName(profile.fileSetting("file.charset"));
        this.erpOrders = erpOrders;
        this.catalogue = catalogue;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public List<Outcome> bookAll(List<Order> orders) {
        Instant receivedAt = clock.instant();
        Set<String> skus = new LinkedHashSet<>();
        orders.forEach(order -> order.lines().forEach(line -> skus.add(line.sku())));
        Set<String> unknown = catalogue.unknown(skus);
        List<Outcome> outcomes = new ArrayList<>(orders.size());
        List<OrderFileRecords.Written> written = new ArrayList<>();
        for (Order order : orders) {
            // The ERP's own record wins: a hub store that lost track of a booking writes no second file.
            // An order the ERP refused (cancelled) does not hold the reference: a corrected one is written anew.
            var inErp = erpOrders.find(order.source(), order.orderId(), 1);
            if (!inErp.isEmpty() && inErp.get(0).status() != OrderStatus.CANCELLED) {
                outcomes.add(new Outcome.AlreadyInErp(inErp.get(0).erpOrderNumber()));
                continue;
            }
            InputRejectedException refused = unknownItems(order, unknown);
            if (refused != null) {
                outcomes.add(new Outcome.Rejected(refused));
                continue;
            }
            String reference = OrderFileModel.reference(order);
            String fileName = OrderFileModel.fileName(order, extension);
            write(order, reference, fileName, receivedAt);
            written.add(new OrderFileRecords.Written(order, reference, fileName));
            outcomes.add(new Outcome.Booked(reference));
        }
        records.record(written);
        return outcomes;
    }

    private void write(Order order, String reference, String fileName, Instant receivedAt) {
        Map<String, Object> model = OrderFileModel.of(order, reference, receivedAt);
        try {
            String content = producer.requestBody(layout, model, String.class);
            producer.sendBodyAndHeader(ordersEndpoint, content.getBytes(charset), Exchange.FILE_NAME, fileName);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ErpUnavailableException("Cannot write order " + order.key() + " as " + fileName + " for the ERP: " + cause.getMessage(), e);
        }
    }

    private static InputRejectedException unknownItems(Order order, Set<String> unknown) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            if (unknown.contains(line.sku())) {
                problems.add(new FieldProblem("/lines/" + i + "/sku", "SKU " + line.sku() + " is not in the ERP item master"));
            }
        }
        return problems.isEmpty() ? null : new InputRejectedException(ProblemType.UNKNOWN_SKU, problems.get(0).reason(), problems);
    }
}
