package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.testing.SharedData;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Buy-and-hold BTC on {@code ../shared/data/BTC-USD.csv}, 2018-01-01 to 2025-11-21, with every
 * metric recomputed here from the closes alone: all cash buys at the second day's open (the
 * order placed at the first close fills there), then the equity is units × close.
 */
class BuyAndHoldBtcTest {

    /** Independent recomputation in a different order of operations. */
    private static final double AGREEMENT = 1e-9;

    @Test
    void metricsEqualAnIndependentComputationFromTheCloses() {
        OhlcvSeries btc = PriceLoader.load(SharedData.file("BTC-USD.csv"));
        Instant start = Instant.parse("2018-01-01T00:00:00Z");
        Instant end = Instant.parse("2025-11-21T00:00:00Z");
        Scripted buyAll = new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1.0));
        BacktestResult r = Backtest.builder(MarketData.of(btc)).strategy(() -> buyAll).start(start).end(end)
                .initialCash(10_000).build().run();

        int first = btc.indexAtOrBefore(start.toEpochMilli());
        int last = btc.indexAtOrBefore(end.toEpochMilli());
        int n = last - first + 1;
        double units = 10_000 / btc.open(first + 1);
        double[] equity = new double[n];
        equity[0] = 10_000;
        for (int k = 1; k < n; k++) {
            equity[k] = units * btc.close(first + k);
        }
        double[] r1 = new double[n - 1];
        double sum = 0;
        for (int k = 1; k < n; k++) {
            r1[k - 1] = equity[k] / equity[k - 1] - 1;
            sum += r1[k - 1];
        }
        double mean = sum / (n - 1);
        double ss = 0;
        double down = 0;
        for (double x : r1) {
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0);
        }
        double sd = Math.sqrt(ss / (n - 2));
        double total = equity[n - 1] / 10_000 - 1;
        double years = (n - 1) / 365.25;
        double cagr = Math.pow(1 + total, 1 / years) - 1;
        double peak = equity[0];
        double maxDd = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            maxDd = Math.min(maxDd, e / peak - 1);
        }

        Metrics m = r.metrics();
        assertThat(r.size()).isEqualTo(n).isEqualTo(2882);
        assertThat(m.totalReturn()).isCloseTo(total, within(AGREEMENT));
        assertThat(m.cagr()).isCloseTo(cagr, within(AGREEMENT));
        assertThat(m.volatility()).isCloseTo(sd * Math.sqrt(365), within(AGREEMENT));
        assertThat(m.sharpe()).isCloseTo(mean / sd * Math.sqrt(365), within(AGREEMENT));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(down / (n - 1)) * Math.sqrt(365), within(AGREEMENT));
        assertThat(m.maxDrawdown()).isCloseTo(maxDd, within(AGREEMENT));
        assertThat(m.calmar()).isCloseTo(cagr / -maxDd, within(AGREEMENT));
        assertThat(m.finalEquity()).isCloseTo(units * 85_087.62, within(1e-6));
        double mwr = Math.pow(1 + total, 365.0 / (n - 1)) - 1;
        assertThat(m.moneyWeightedReturn()).isCloseTo(mwr, within(1e-9));
        assertThat(m.exposure()).isCloseTo((n - 1.0) / n, within(AGREEMENT));
        assertThat(m.trades()).isZero();
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.open()).isTrue());
    }
}
