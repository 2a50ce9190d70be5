package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detail bars on the real crash windows: the five-times long of 2020-03-12 (the crash-mechanics
 * case) decided on hourly bars and resolved on the 5m spot and the 1m perpetual path, checked
 * against a scan of the same files read line by line here, not through the loader.
 */
class DetailBarsTest {

    private static final Instrument BTC = crypto("BTC-USD");
    /** Relative tolerance of prices computed two ways from the same numbers. */
    private static final double SAME = 1e-9;

    @Test
    void aFiveTimesLongEnteredAtTheOpenOf312IsLiquidatedWhereThe5mPathFirstCrossesItsLiquidationPrice() {
        Path fiveMinutes = SharedData.file("intraday/crash-windows/BTCUSDT_spot_5m_2020-03-12_312.csv");
        OhlcvSeries detail = PriceLoader.load(fiveMinutes, options());
        OhlcvSeries hourly = hourlyOf(detail);
        checkFirstCrossing(hourly, detail, fiveMinutes, Instant.parse("2020-03-11T23:00:00Z"));
    }

    @Test
    void aFiveTimesLongOnThePerpetualIsLiquidatedWhereThe1mPathFirstCrossesItsLiquidationPrice() {
        Path oneMinute = SharedData.file("intraday/crash-windows/BTCUSDT_PERP_1m_2020-03-12T2050_2020-03-13T0401.csv");
        OhlcvSeries detail = PriceLoader.load(oneMinute, options());
        OhlcvSeries hourly = PriceLoader.load(SharedData.file("intraday/binance-perp-1h/BTCUSDT.csv"), options())
                .between(Instant.parse("2020-03-12T20:00:00Z"), Instant.parse("2020-03-13T03:00:00Z"));
        checkFirstCrossing(hourly, detail, oneMinute, Instant.parse("2020-03-12T20:00:00Z"));
    }

    @Test
    void withoutCompleteDetailADailyBarFallsBackToTheRuleAndIsCountedSo() {
        Path fiveMinutes = SharedData.file("intraday/crash-windows/BTCUSDT_spot_5m_2020-03-12_312.csv");
        OhlcvSeries detail = PriceLoader.load(fiveMinutes, options());
        OhlcvSeries daily = PriceLoader.load(SharedData.file("BTC-USDT_binance.csv"), LoadOptions.builder().instrument(BTC)
                .build()).between(Instant.parse("2020-03-09T00:00:00Z"), Instant.parse("2020-03-20T00:00:00Z"));
        // The 5m window ends at 2020-03-12T21:10: the crash day itself has no complete detail.
        Backtest.Builder b = Backtest.builder(MarketData.of(daily)).start(Instant.parse("2020-03-11T00:00:00Z"))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 5 * ctx.portfolio().equity())))
                .initialCash(10_000).margin(Margin.forLeverage(5, 0.05, 0.01));
        BacktestResult onRule = b.build().run();
        BacktestResult withDetail = Backtest.builder(MarketData.of(daily).withDetail(detail))
                .start(Instant.parse("2020-03-11T00:00:00Z"))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 5 * ctx.portfolio().equity())))
                .initialCash(10_000).margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        assertThat(withDetail.fills()).isEqualTo(onRule.fills());
        assertThat(withDetail.equityCurve()).isEqualTo(onRule.equityCurve());
        assertThat(withDetail.detailBars()).isZero();
        assertThat(withDetail.ruleBars()).isEqualTo(onRule.ruleBars()).isEqualTo(1);
    }

    /**
     * Runs a five-times long bought with all equity at the first open after {@code start} on
     * {@code decision} bars with {@code detail}, and checks its liquidation against a scan of
     * {@code file}: the first sub-bar whose low reaches the liquidation price, filled there, or at
     * its open when the price gapped through it between two sub-bars.
     */
    private static void checkFirstCrossing(OhlcvSeries decision, OhlcvSeries detail, Path file, Instant start) {
        BacktestResult r = Backtest.builder(MarketData.of(decision).withDetail(detail)).start(start)
                .strategy(() -> new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 5 * ctx.portfolio().equity())))
                .initialCash(10_000).margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        Fill entry = r.fills().getFirst();
        Instant entryTime = start.plus(Duration.ofHours(1));
        List<String[]> rows = scan(file);
        int k = 0;
        while (!Instant.parse(rows.get(k)[0]).equals(entryTime)) {
            k++;
        }
        double entryPrice = Double.parseDouble(rows.get(k)[1]);
        assertThat(entry.time()).isEqualTo(entryTime);
        assertThat(entry.price()).isEqualTo(entryPrice);
        double q = 50_000 / entryPrice;
        assertThat(entry.quantity()).isCloseTo(q, within(q * SAME));
        // The account meets 5 % maintenance where q p − 40,000 = 0.05 q p.
        double level = 40_000 / (0.95 * q);
        String[] crossing = null;
        for (; k < rows.size(); k++) {
            if (Double.parseDouble(rows.get(k)[3]) <= level) {
                crossing = rows.get(k);
                break;
            }
        }
        assertThat(crossing).as("the path reaches the liquidation price %s", level).isNotNull();
        double open = Double.parseDouble(crossing[1]);
        double expected = open <= level ? open : level;

        Fill liquidation = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).findFirst().orElseThrow();
        assertThat(liquidation.time()).isEqualTo(Instant.parse(crossing[0]));
        assertThat(liquidation.price()).isCloseTo(expected, within(expected * SAME));
        assertThat(r.detailBars()).isPositive();
        assertThat(r.ruleBars()).isZero();
    }

    /** Returns the rows of a crashlab intraday CSV ({@code time,open,high,low,close,volume}), split, header dropped. */
    private static List<String[]> scan(Path file) {
        try {
            return Files.readAllLines(file).stream().skip(1).map(line -> line.split(",")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns the hourly bars made of {@code detail}'s complete hours, as the decision bars over the 5m window. */
    private static OhlcvSeries hourlyOf(OhlcvSeries detail) {
        OhlcvSeries.Builder h = OhlcvSeries.builder(BTC);
        long hour = 3_600_000L;
        for (int i = 0; i < detail.size(); ) {
            long start = Math.floorDiv(detail.timeMillis(i), hour) * hour;
            int j = i;
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double volume = 0;
            while (j < detail.size() && detail.timeMillis(j) < start + hour) {
                high = Math.max(high, detail.high(j));
                low = Math.min(low, detail.low(j));
                volume += detail.volume(j);
                j++;
            }
            if (j - i == 12) {
                h.add(Instant.ofEpochMilli(start), detail.open(i), high, low, detail.close(j - 1), volume);
            }
            i = j;
        }
        return h.build();
    }

    private static LoadOptions options() {
        return LoadOptions.builder().instrument(BTC).build();
    }
}
