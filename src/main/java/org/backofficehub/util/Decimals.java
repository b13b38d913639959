package org.backofficehub.util;

import java.math.BigDecimal;

/** Decimal figures as people write them. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Without the trailing zeros a database column's scale adds (5000.000 as 5000, 14.500 as 14.5),
     * and never in exponent form: {@code stripTrailingZeros} alone turns 10.000 into 1E+1, which
     * JSON readers and ERP screens show as such.
     */
    public static BigDecimal stripped(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
