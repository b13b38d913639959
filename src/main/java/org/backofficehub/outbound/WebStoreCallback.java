package org.backofficehub.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.erp.ErpStock;

/**
 * Tells the web store what became of its orders and what is in stock: POSTs
 * {@code {"notices":[...]}} to the configured callback URL, several notices per call. Each notice
 * has a stable {@code noticeId}, so a receiver that sees one twice (a crash between its answer and
 * our bookkeeping) can tell. Stock notices carry the ERP's levels at the time of sending, and
 * waiting stock notices are folded into one: the web store wants the latest level, not each step.
 */
public final class WebStoreCallback implements Delivery {

    public static final String STOCK = "stock";

    private final Supplier<ProducerTemplate> producer;
    private final String callbackUri;
    private final ErpStock stock;
    private final ObjectMapper json;
    private final int noticesPerCall;

    public WebStoreCallback(Supplier<ProducerTemplate> producer, String callbackUrl, ErpStock stock, ObjectMapper json, int noticesPerCall) {
        this.producer = producer;
        // camel-http takes the URL as its endpoint URI; any 2xx answer is a success, anything else an exception.
        this.callbackUri = callbackUrl;
        this.stock = stock;
        this.json = json;
        this.noticesPerCall = noticesPerCall;
    }

    @Override
    public int perDelivery() {
        return noticesPerCall;
    }

    @Override
    public List<OutboundMessage> coalesce(List<OutboundMessage> due, OutboundMessages store) {
        List<OutboundMessage> stockNotices = due.stream().filter(m -> STOCK.equals(m.kind())).toList();
        if (stockNotices.size() < 2) {
            return due;
        }
        Set<String> skus = new LinkedHashSet<>();
        try {
            for (OutboundMessage notice : stockNotices) {
                json.readTree(notice.payload()).path("skus").forEach(sku -> skus.add(sku.asText()));
            }
            OutboundMessage latest = stockNotices.get(stockNotices.size() - 1);
            ObjectNode merged = (ObjectNode) json.readTree(latest.payload());
            ArrayNode all = merged.putArray("skus");
            skus.forEach(all::add);
            OutboundMessage folded = new OutboundMessage(latest.id(), latest.routeId(), latest.kind(), latest.name(),
                    json.writeValueAsBytes(merged), latest.attempts());
            store.merged(stockNotices.subList(0, stockNotices.size() - 1), folded);
            List<OutboundMessage> result = new ArrayList<>(due.size());
            for (OutboundMessage message : due) {
                if (!STOCK.equals(message.kind())) {
                    result.add(message);
                }
            }
            result.add(folded);
            return result;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored stock notice is not JSON", e);
        }
    }

    @Override
    public void deliver(List<OutboundMessage> messages) throws Exception {
        ObjectNode body = json.createObjectNode();
        ArrayNode notices = body.putArray("notices");
        for (OutboundMessage message : messages) {
            ObjectNode notice = (ObjectNode) json.readTree(message.payload());
            if (STOCK.equals(message.kind())) {
                List<String> skus = new ArrayList<>();
                notice.remove("skus").forEach(sku -> skus.add(sku.asText()));
                ArrayNode items = notice.putArray("items");
                for (ErpStock.Level level : stock.levels(skus)) {
                    items.addObject().put("sku", level.sku()).put("onHand", level.onHand()).put("allocated", level.allocated())
                            .put("available", level.available());
                }
            }
            notices.add(notice);
        }
        byte[] payload = json.writeValueAsBytes(body);
        Exchange answer = producer.get().send(callbackUri, exchange -> {
            exchange.getMessage().setBody(payload);
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        });
        if (answer.getException() != null) {
            throw answer.getException();
        }
    }
}
