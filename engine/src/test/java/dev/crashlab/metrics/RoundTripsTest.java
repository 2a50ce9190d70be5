package dev.crashlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTripsTest {

    private static final double EXACT = 1e-12;
    private static final Symbol BTC = Symbol.of("BTC-USD");

    private static Fill fill(int day, double quantity, double price, double fee) {
        return new Fill(day, BTC, Instant.EPOCH.plusSeconds(86_400L * day), quantity, price, fee, Fill.Kind.ORDER, "");
    }

    @Test
    void buildsOneTradeFromAddsAndPartialExits() {
        List<Trade> trades = RoundTrips.from(List.of(
                fill(0, 1, 10, 0.1), fill(1, 1, 12, 0.1), fill(2, -1.5, 15, 0.2), fill(3, -0.5, 9, 0.1)),
                Map.of(BTC, 9.0), Instant.EPOCH.plusSeconds(86_400L * 5));

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Trade.Side.LONG);
            assertThat(t.entryPrice()).isCloseTo(11, within(EXACT));
            assertThat(t.exitPrice()).isCloseTo((1.5 * 15 + 0.5 * 9) / 2, within(EXACT));
            assertThat(t.quantity()).isEqualTo(2);
            assertThat(t.pnl()).isCloseTo(27 - 22 - 0.5, within(EXACT));
            assertThat(t.tradeReturn()).isCloseTo(4.5 / 22, within(EXACT));
            assertThat(t.holdingDays()).isEqualTo(3);
            assertThat(t.open()).isFalse();
        });
    }

    @Test
    void splitsAFillThatCrossesZeroIntoTwoTradesWithTheFeeShared() {
        List<Trade> trades = RoundTrips.from(List.of(fill(0, 1, 10, 0), fill(1, -3, 12, 0.3)),
                Map.of(BTC, 11.0), Instant.EPOCH.plusSeconds(86_400L * 2));

        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).pnl()).isCloseTo(2 - 0.1, within(EXACT));
        Trade shortTrade = trades.get(1);
        assertThat(shortTrade.side()).isEqualTo(Trade.Side.SHORT);
        assertThat(shortTrade.quantity()).isEqualTo(2);
        assertThat(shortTrade.open()).isTrue();
        assertThat(shortTrade.exitPrice()).isEqualTo(11);
        assertThat(shortTrade.pnl()).isCloseTo(2 * (12 - 11) - 0.2, within(EXACT));
    }
}
