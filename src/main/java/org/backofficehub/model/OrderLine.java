package org.backofficehub.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One ordered item. Quantities may be fractional (kilograms, metres), prices are per unit. */
public record OrderLine(int lineNumber, String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {

    public BigDecimal amount() {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }
}
