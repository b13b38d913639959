package org.backofficehub.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.Party;

/** An order as booked in the ERP, shaped for the web store (GET /api/orders/...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        String orderId,
        String source,
        String erpOrderNumber,
        String status,
        String orderDate,
        String currency,
        PartyView customer,
        PartyView shipTo,
        List<LineView> lines,
        BigDecimal netTotal,
        String bookedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(String name, String email, String phone, Address address) {
    }

    /** {@code unit}: the UN/ECE Recommendation 20 code the line was ordered in, absent for the item's own unit. */
    public record LineView(int lineNumber, String sku, String description, BigDecimal quantity,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String unit, BigDecimal unitPrice,
                           BigDecimal amount) {
    }

    public static OrderView of(ErpOrder erpOrder) {
        Order order = erpOrder.order();
        List<LineView> lines = order.lines().stream()
                .map(l -> new LineView(l.lineNumber(), l.sku(), l.description(), l.quantity(), l.unit(), l.unitPrice(), l.amount()))
                .toList();
        return new OrderView(order.orderId(), order.source(), erpOrder.erpOrderNumber(), erpOrder.status().name(),
                order.orderDate().toString(), order.currency(), party(order.buyer()), party(order.shipTo()), lines,
                erpOrder.netTotal(), erpOrder.bookedAt() == null ? null : erpOrder.bookedAt().toString());
    }

    private static PartyView party(Party party) {
        return party == null ? null : new PartyView(party.name(), party.email(), party.phone(), party.address());
    }
}
