package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceFieldTest {

    @Test
    void readsTheNamedPriceOfABar() {
        assertThat(PriceField.OPEN.of(1, 4, 0.5, 2)).isEqualTo(1);
        assertThat(PriceField.HIGH.of(1, 4, 0.5, 2)).isEqualTo(4);
        assertThat(PriceField.LOW.of(1, 4, 0.5, 2)).isEqualTo(0.5);
        assertThat(PriceField.CLOSE.of(1, 4, 0.5, 2)).isEqualTo(2);
    }
}
