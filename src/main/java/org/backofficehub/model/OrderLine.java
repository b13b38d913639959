package org.backofficehub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One ordered item. Quantities may be fractional (kilograms, metres), prices are per unit.
 *
 * <p>{@code sku} is the ERP's item number. Web orders name it; a trading partner may name the item
 * only by its GTIN or the buyer's own number ({@code itemIds}, kept as sent to be echoed in the
 * order response), and may send no price (the supplier's list applies): such lines get their
 * {@code sku} and {@code unitPrice} when the ERP's catalogue resolves them, before booking.
 * {@code unit} is a UN/ECE Recommendation 20 code, null for the item's own unit.
 */
public record OrderLine(int lineNumber, String sku, String description, BigDecimal quantity,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
                        BigDecimal unitPrice,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ItemIdentifier> itemIds) {

    public OrderLine {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    public OrderLine(int lineNumber, String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {
        this(lineNumber, sku, description, quantity, null, unitPrice, List.of());
    }

    public BigDecimal amount() {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** The same line as the catalogue resolved it: the ERP's item number, and its list price where none was sent. */
    public OrderLine resolved(String itemNumber, BigDecimal listPrice) {
        return new OrderLine(lineNumber, itemNumber, description, quantity, unit, unitPrice != null ? unitPrice : listPrice, itemIds);
    }
}
