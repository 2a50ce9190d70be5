package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Margin;
import dev.crashlab.results.PathSensitivityResults;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.check.RiskRule;
import dev.crashlab.strategy.Order;
import java.nio.charset.StandardCharsets;
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

    /** A 4x long whose liquidation price lies far above the third bar's low: every path of that bar reaches it. */
    private static Backtest leveragedIntoACrash() {
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 130, 50, 90,
                90, 90, 90, 90);
        return Backtest.builder(MarketData.of(bars)).initialCash(100)
                .strategy(() -> new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 4)))
                .margin(Margin.forLeverage(4, 0.05, 0.01)).build();
    }

    @Test
    void aLiquidationEveryPathOfTheBarReachesHappensOnAllOfThemAndTheOutcomeDoesNotSpread() {
        PathSensitivity.Report report = PathSensitivity.of(leveragedIntoACrash(), new PathSensitivity.Options(12, 24, 3));

        assertThat(report.events()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("liquidation BTC-USD");
            assertThat(e.bar()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
            assertThat(e.highFirst()).isTrue();
            assertThat(e.lowFirst()).isTrue();
            assertThat(e.onBridges()).isEqualTo(12);
            assertThat(e).hasToString("liquidation BTC-USD on 2024-01-03: 100 % of 12 bridge paths; high-first yes, low-first yes");
        });
        PathSensitivityResults r = report.toResults();
        assertThat(r.liquidated()).isEqualTo(new PathSensitivityResults.Liquidated(true, true, 12));
        assertThat(r.liquidatedShare()).isEqualTo(1.0);
        assertThat(r.decidedEvents()).as("on every path, both ways: not the path's choice").isZero();
        // Liquidated at its liquidation price on every path: the same equity whichever way the bar
        // went, up to rounding (the level is sought again from a different point of each path).
        org.assertj.core.data.Offset<Double> rounding = org.assertj.core.data.Offset.offset(1e-9);
        assertThat(r.finalEquity().bridgeMin()).isCloseTo(r.finalEquity().highFirst(), rounding);
        assertThat(r.finalEquity().bridgeMax()).isCloseTo(r.finalEquity().highFirst(), rounding);
        assertThat(r.finalEquity().lowFirst()).isCloseTo(r.finalEquity().highFirst(), rounding);
    }

    @Test
    void aBracketDecidedByThePathSpreadsTheOutcomeBetweenTheTwoRuleRuns() {
        PathSensitivityResults r = PathSensitivity.of(bracket(), new PathSensitivity.Options(40, 96, 11)).toResults();

        assertThat(r.events()).extracting(PathSensitivityResults.Event::event, PathSensitivityResults.Event::highFirst,
                PathSensitivityResults.Event::lowFirst).containsExactly(tuple("limit sell BTC-USD", true, false),
                tuple("stop sell BTC-USD", false, true));
        assertThat(r.events().getFirst().onBridges()).isStrictlyBetween(0, 40);
        assertThat(r.decidedEvents()).isEqualTo(2);
        // Long 5 from 100 (cash 1,000): the limit at 110 gains about 50, the stop at 90 loses about 50 (less fees).
        assertThat(r.finalEquity().highFirst()).isGreaterThan(1_040);
        assertThat(r.finalEquity().lowFirst()).isLessThan(960);
        assertThat(r.finalEquity().bridgeMin()).isEqualTo(r.finalEquity().lowFirst());
        assertThat(r.finalEquity().bridgeMax()).isEqualTo(r.finalEquity().highFirst());
        assertThat(r.finalEquity().bridgeMedian()).isIn(r.finalEquity().lowFirst(), r.finalEquity().highFirst());
        assertThat(r.maxDrawdown().highFirst()).isZero();
        assertThat(r.maxDrawdown().lowFirst()).isNegative();
        assertThat(r.liquidated()).isEqualTo(new PathSensitivityResults.Liquidated(false, false, 0));
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOtherPaths() {
        PathSensitivityResults once = PathSensitivity.of(bracket(), new PathSensitivity.Options(16, 48, 5)).toResults();
        PathSensitivityResults again = PathSensitivity.of(bracket(), new PathSensitivity.Options(16, 48, 5)).toResults();

        assertThat(again).isEqualTo(once);
        assertThat(java.util.stream.LongStream.range(100, 110)
                .mapToObj(seed -> PathSensitivity.of(bracket(), new PathSensitivity.Options(16, 48, seed)).toResults().events()
                        .getFirst().onBridges()).distinct().count()).as("ten seeds do not all split the bracket alike")
                .isGreaterThan(1);
    }

    @Test
    void theSpreadIsWrittenInPathReadBackEqualAndValidAgainstTheShippedSchema() throws Exception {
        Backtest backtest = bracket();
        PathSensitivity.Report report = PathSensitivity.of(backtest, new PathSensitivity.Options(10, 24, 1));
        RunResults written = backtest.run().toResults(Instant.parse("2026-01-01T00:00:00Z"), report);
        byte[] json = ResultsJson.toBytes(written);

        assertThat(written.path().sensitivity()).isEqualTo(report.toResults());
        assertThat(ResultsJson.read(json)).isEqualTo(written);
        Schema schema;
        try (java.io.InputStream in = ResultsJson.schema().openStream()) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(schema.validate(text, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(text.replace("\"onBridges\" : 0", "\"onBridges\" : -1"), InputFormat.JSON)).isNotEmpty();
        assertThat(text).contains("\"sensitivity\" : {");
        String withoutIt = new String(ResultsJson.toBytes(backtest.run().toResults(Instant.EPOCH)), StandardCharsets.UTF_8);
        assertThat(withoutIt).as("a run without the option writes no sensitivity field").doesNotContain("sensitivity");
        assertThat(ResultsJson.read(withoutIt.getBytes(StandardCharsets.UTF_8)).path().sensitivity()).isNull();
        assertThat(RiskRule.parse("path.liquidatedShare < 0.05").check(written).why()).isEqualTo("path.liquidatedShare = 0");
        RiskRule.Outcome worst = RiskRule.parse("path.finalEquity.min >= 1000").check(written);
        assertThat(worst.holds()).isFalse();
        assertThat(worst.value()).isEqualTo(written.path().sensitivity().finalEquity().bridgeMin());
    }
}
