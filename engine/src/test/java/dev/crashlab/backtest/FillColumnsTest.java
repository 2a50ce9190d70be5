package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FillColumnsTest {

    private static final double[] CLOSES = new Random(7).doubles(400, 50, 150).toArray();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void readsBackEveryFieldOfEveryFillAsTheFillsThemselves(long seed) {
        OhlcvSeries btc = OhlcvSeries.builder(Instrument.of("BTC-USD", AssetClass.CRYPTO))
                .dailyCloses(LocalDate.of(2024, 1, 1), CLOSES).build();
        OhlcvSeries eth = OhlcvSeries.builder(Instrument.of("ETH-USD", AssetClass.CRYPTO))
                .dailyCloses(LocalDate.of(2024, 1, 1), CLOSES).build();
        MarketClock clock = MarketClock.of(MarketData.of(btc, eth), btc.time(0), btc.time(btc.size() - 1));
        Symbol[] symbols = {btc.symbol(), eth.symbol()};
        FillColumns columns = new FillColumns(clock, symbols);
        Random random = new Random(seed);
        List<Fill> expected = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        List<Double> carries = new ArrayList<>();
        int step = 0;
        long orderId = 0;
        // Enough fills for several blocks, most of them plain, some with every optional field.
        for (int k = 0; k < 20_000; k++) {
            step = Math.min(clock.size() - 1, step + (random.nextInt(50) == 0 ? 1 : 0));
            int i = random.nextInt(2);
            boolean odd = random.nextInt(10) == 0;
            long time = clock.timeMillis(step) + (odd && random.nextBoolean() ? 3_600_000L : 0);
            double fee = odd ? (random.nextBoolean() ? -0.0 : random.nextDouble()) : 0.0;
            double liquidation = odd && random.nextBoolean() ? random.nextDouble() * 100 : Double.NaN;
            double carry = odd && random.nextBoolean() ? random.nextGaussian() : 0.0;
            Fill.Kind kind = odd && random.nextBoolean() ? Fill.Kind.LIQUIDATION : Fill.Kind.ORDER;
            String tag = odd && random.nextBoolean() ? "tag" + k : "";
            // Mostly the next order, as when each order fills once; sometimes one skipped (a rejection) or repeated.
            orderId += odd ? random.nextInt(3) : 1;
            Fill fill = new Fill(kind == Fill.Kind.LIQUIDATION ? 0 : orderId, symbols[i], time, random.nextGaussian(),
                    50 + random.nextDouble(), fee, kind, tag, liquidation);
            columns.add(step, i, fill.orderId(), fill.timeMillis(), fill.quantity(), fill.price(), fill.fee(), fill.kind(),
                    fill.tag(), fill.liquidationPrice(), carry);
            expected.add(fill);
            steps.add(step);
            carries.add(carry);
        }
        assertThat(columns.size()).isEqualTo(expected.size());
        assertThat(columns.asList()).isEqualTo(expected);
        for (int k = 0; k < expected.size(); k++) {
            Fill fill = expected.get(k);
            assertThat(columns.step(k)).isEqualTo(steps.get(k));
            assertThat(columns.orderId(k)).isEqualTo(fill.orderId());
            assertThat(columns.symbol(k)).isEqualTo(fill.symbol());
            assertThat(Double.doubleToRawLongBits(columns.fee(k))).isEqualTo(Double.doubleToRawLongBits(fill.fee()));
            assertThat(Double.doubleToRawLongBits(columns.carryBefore(k))).isEqualTo(Double.doubleToRawLongBits(carries.get(k)));
        }
    }
}
