package org.backofficehub.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backofficehub.erp.ErpStock;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.outbound.OutboundMessages;

/**
 * The calls that carry notices to the web store ({@code {"notices":[...]}}). Waiting stock
 * notices are folded into one (the web store wants the latest level, not each step), and carry
 * the ERP's on-hand, allocated and available quantities at the time of the call.
 */
public final class NoticeCalls {

    private final OutboundMessages store;
    private final ErpStock stock;
    private final ObjectMapper json;

    public NoticeCalls(OutboundMessages store, ErpStock stock, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.stock = stock;
    }

    /** The notices a call carries: all but the stock notices, which become the latest of them, naming all their items. */
    public List<OutboundMessage> fold(List<OutboundMessage> notices) throws IOException {
        List<OutboundMessage> stockNotices = notices.stream().filter(m -> Notices.STOCK.equals(m.kind())).toList();
        if (stockNotices.size() < 2) {
            return notices;
        }
        Set<String> skus = new LinkedHashSet<>();
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
        List<OutboundMessage> carried = new ArrayList<>(notices.size());
        for (OutboundMessage notice : notices) {
            if (!Notices.STOCK.equals(notice.kind())) {
                carried.add(notice);
            }
        }
        carried.add(folded);
        return carried;
    }

    /** The call's body. */
    public byte[] body(List<OutboundMessage> notices) throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("notices");
        for (OutboundMessage message : notices) {
            ObjectNode notice = (ObjectNode) json.readTree(message.payload());
            if (Notices.STOCK.equals(message.kind())) {
                List<String> skus = new ArrayList<>();
                notice.remove("skus").forEach(sku -> skus.add(sku.asText()));
                ArrayNode items = notice.putArray("items");
                for (ErpStock.Level level : stock.levels(skus)) {
                    items.addObject().put("sku", level.sku()).put("onHand", level.onHand()).put("allocated", level.allocated())
                            .put("available", level.available());
                }
            }
            array.add(notice);
        }
        return json.writeValueAsBytes(body);
    }
}
