package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Margin;
import dev.crashlab.strategy.Order;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PathSensitivityTest {

    private static final Instrument BTC = crypto("BTC-USD");

    /** A long with a take-profit above and a stop below, both inside the third bar: which fills is the path's choice. */
    private static Backtest bracket() {
        //                                    open high low close
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 120, 80, 100,
                100, 100, 100, 100);
        return Backtest.builder(MarketData.of(bars)).initialCash(1_000)
                .strategy(() -> new Scripted()
                        .at(0, ctx -> ctx.buy("BTC-USD", 5))
                        .at(1, ctx -> {
                            ctx.submit(Order.closeLimit("BTC-USD", 110));
                            ctx.submit(Order.closeStop("BTC-USD", 90));
                        }))
                .build();
    }

    @Test
    void aBarWithATriggerOnEachSideOfItsOpenIsCountedAmbiguous() {
        BacktestResult r = bracket().run();
        assertThat(r.ambiguousBars()).isEqualTo(1);
        assertThat(r.toResults(Instant.EPOCH).path().ambiguousBars()).isEqualTo(1);
    }

    @Test
    void aBarWithEveryTriggerOnOneSideIsNotAmbiguous() {
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 101, 50, 60,
                60, 60, 60, 60);
        BacktestResult r = Backtest.builder(MarketData.of(bars)).initialCash(100)
                .strategy(() -> new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 4)).at(1, ctx -> ctx.sellStop("BTC-USD", 4, 55)))
                .margin(Margin.forLeverage(4, 0.05, 0.01)).build().run();
        // The stop and the liquidation price both lie below the open: either path meets them in the same order.
        assertThat(r.ambiguousBars()).isZero();
        assertThat(r.ruleBars()).isPositive();
    }

    @Test
    void theSpreadSaysWhichFillHappensHighFirstLowFirstAndOnWhatShareOfBridges() {
        PathSensitivity.Report report = PathSensitivity.of(bracket(), new PathSensitivity.Options(40, 96, 11));

        Instant third = Instant.parse("2024-01-03T00:00:00Z");
        assertThat(report.events()).extracting(PathSensitivity.EventSpread::event)
                .containsExactly("limit sell BTC-USD", "stop sell BTC-USD");
        PathSensitivity.EventSpread limit = report.events().get(0);
        PathSensitivity.EventSpread stop = report.events().get(1);
        assertThat(limit.bar()).isEqualTo(third);
        assertThat(limit.highFirst()).isTrue();
        assertThat(limit.lowFirst()).isFalse();
        assertThat(stop.highFirst()).isFalse();
        assertThat(stop.lowFirst()).isTrue();
        // On each bridge path one of the two closes the long and the other finds nothing to close;
        // a bar symmetric about its open and close splits them.
        assertThat(limit.onBridges() + stop.onBridges()).isEqualTo(40);
        assertThat(limit.onBridges()).isBetween(8, 32);
        assertThat(report.bridgeFinalEquities()).hasSize(40);
    }
}
