package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.results.EquityPoint;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsOfTest {

    private static final OhlcvSeries BTC = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1),
            10, 12, 9, 12, 11, 14, 10, 13, 14, 15, 13, 15, 15, 16, 8, 9);

    private static BacktestResult run() {
        return run(null);
    }

    private static BacktestResult run(Backtest.Window candles) {
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 2)).at(2, ctx -> ctx.closePosition("BTC-USD"))
                .at(3, ctx -> ctx.note("done"));
        return Backtest.builder(MarketData.of(BTC)).name("demo").strategy(() -> s).initialCash(100)
                .costs(Costs.DEFAULTS.withFeeRate(0.001)).benchmark("buy-and-hold BTC-USD",
                        () -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1)))
                .candles(candles).build().run();
    }

    @Test
    void theSameInputsGiveTheSameBytesApartFromGeneratedAt(@TempDir Path dir) throws Exception {
        ResultsJson.write(run().toResults(Instant.parse("2026-01-01T00:00:00Z")), dir.resolve("a.json"));
        ResultsJson.write(run().toResults(Instant.parse("2026-11-21T10:00:00Z")), dir.resolve("b.json"));

        String a = Files.readString(dir.resolve("a.json")).replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
        String b = Files.readString(dir.resolve("b.json")).replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
        assertThat(a).isEqualTo(b);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("a.json", "b.json");
    }

    @Test
    void holdsTheDocumentedFields() {
        BacktestResult result = run();
        RunResults r = result.toResults(Instant.EPOCH);

        assertThat(r.metrics()).isEqualTo(RunMetrics.of(result.metrics()));
        assertThat(r.benchmark().metrics()).isEqualTo(RunMetrics.of(result.benchmark().orElseThrow().metrics()));
        assertThat(r.positions().get("BTC-USD")).isZero();
        assertThat(r.trades()).hasSize(1);
        assertThat(r.fills()).hasSize(2);
        assertThat(r.events().getFirst().message()).isEqualTo("done");
        EquityPoint row = r.equity().get(1);
        assertThat(row.time()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(row.equity()).isEqualTo(result.equity(1));
        assertThat(row.cash()).isEqualTo(result.cash(1));
        assertThat(r.metrics().sharpe()).satisfiesAnyOf(v -> assertThat(v).isNaN(), v -> assertThat(v).isFinite());
        assertThat(new String(ResultsJson.toBytes(r), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("NaN");
    }

    /** Labels every step by the sign of the last published flow: it reads the series, the strategy does not. */
    private static final class FlowRegime implements dev.crashlab.strategy.RegimeClassifier {
        @Override
        public java.util.List<String> labels() {
            return java.util.List.of("inflow", "outflow");
        }

        @Override
        public int classify(dev.crashlab.strategy.StrategyContext ctx) {
            return ctx.series("flows").latest() < 0 ? 1 : 0;
        }
    }

    private static MarketData withFlows() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        LocalDate[] dates = {first, first.plusDays(1), first.plusDays(2)};
        return MarketData.builder().add(BTC).add(dev.crashlab.data.NonPriceSeries.of("flows",
                dev.crashlab.data.PublicationRule.NEXT_DAY_UTC, dates, new double[] {5, -3, 2}).withUnit("US$ millions per day"))
                .build();
    }

    @Test
    void listsTheSeriesTheStrategyReadWithTheirUnitButNotTheRegimeClassifiersInputs() {
        RunResults classifierOnly = Backtest.builder(withFlows()).strategy(() -> new Scripted()).regime(FlowRegime::new)
                .build().run().toResults(Instant.EPOCH);
        Scripted reads = new Scripted().at(2, ctx -> ctx.note("flows " + ctx.series("flows").latest()));
        RunResults strategyReads = Backtest.builder(withFlows()).strategy(() -> reads).regime(FlowRegime::new)
                .build().run().toResults(Instant.EPOCH);

        assertThat(classifierOnly.regimes().steps()).contains(0, 1);
        assertThat(classifierOnly.series()).isEmpty();
        assertThat(strategyReads.series()).containsOnlyKeys("flows");
        assertThat(strategyReads.series().get("flows").unit()).isEqualTo("US$ millions per day");
    }

    @Test
    void theCandleWindowHoldsTheTradedBarsAroundTheDeepestDrawdownWithTheirMovingAverages() {
        RunResults r = run().toResults(Instant.EPOCH);
        RunResults idle = Backtest.builder(MarketData.of(BTC)).strategy(() -> new Scripted()).build().run()
                .toResults(Instant.EPOCH);

        dev.crashlab.results.CandleWindow w = r.candles();
        assertThat(w.chosenBy()).isEqualTo(dev.crashlab.results.CandleWindow.DEEPEST_DRAWDOWN);
        // 16 daily bars: 30 days of padding reach both ends of the run.
        assertThat(w.from()).isEqualTo(BTC.time(0));
        assertThat(w.to()).isEqualTo(BTC.time(BTC.size() - 1));
        dev.crashlab.results.CandleSeries btc = w.series().getFirst();
        assertThat(btc.symbol()).isEqualTo("BTC-USD");
        assertThat(btc.bars()).hasSize(BTC.size());
        assertThat(btc.bars().get(3).low()).isEqualTo(BTC.low(3));
        // Fewer than 20 bars: SMA 20 never defined; SMA 50 neither.
        assertThat(btc.overlays().get("SMA 20")).allSatisfy(v -> assertThat(v).isNaN());
        assertThat(btc.overlays()).containsOnlyKeys("SMA 20", "SMA 50");
        assertThat(idle.candles()).as("nothing traded").isNull();
    }

    @Test
    void aConfiguredCandleWindowHoldsItsDaysBothIncludedAndNoBarsOutsideTheRun() {
        Backtest.Window days = new Backtest.Window(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));
        dev.crashlab.results.CandleWindow w = run(days).toResults(Instant.EPOCH).candles();
        dev.crashlab.results.CandleWindow outside = run(new Backtest.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2)))
                .toResults(Instant.EPOCH).candles();

        assertThat(w.chosenBy()).isEqualTo(dev.crashlab.results.CandleWindow.CONFIGURED);
        assertThat(w.from()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2024-01-03T23:59:59.999Z"));
        assertThat(w.series().getFirst().bars()).extracting(dev.crashlab.results.Candle::time)
                .containsExactly(BTC.time(1), BTC.time(2));
        assertThat(outside.chosenBy()).isEqualTo(dev.crashlab.results.CandleWindow.CONFIGURED);
        assertThat(outside.series().getFirst().bars()).isEmpty();
        assertThatThrownBy(() -> new Backtest.Window(LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
