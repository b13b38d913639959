package org.backofficehub.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void trailingZerosGoAndNoExponentComes() {
        assertThat(Decimals.stripped(new BigDecimal("10.000")).toString()).isEqualTo("10");
        assertThat(Decimals.stripped(new BigDecimal("14.500")).toString()).isEqualTo("14.5");
        assertThat(Decimals.stripped(new BigDecimal("0.000")).toString()).isEqualTo("0");
        assertThat(Decimals.stripped(null)).isNull();
    }
}
