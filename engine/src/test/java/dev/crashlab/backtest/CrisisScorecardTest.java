package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.FillMode;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.DrawdownRow;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TailFigures;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.StrategyContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crisis scorecard and the tail figures of regimes, wired from a run to its results and worked
 * by hand. The run buys 100 BTC with all its 10,000 at the first close (close fills, no costs), so
 * its index is the close over 100: closes 100, 100, 120, 90, 72, 81, 99, 108, 126, 110 on
 * 2024-01-01 .. 01-10. The window "Slide", 01-04 .. 01-06, holds the periods closing at steps 3..5.
 */
class CrisisScorecardTest {

    /** Ratios of prices a few units apart: only the last bits of a division may differ. */
    private static final double EXACT = 1e-15;

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final CrisisWindow SLIDE = new CrisisWindow("Slide", FIRST.plusDays(3), FIRST.plusDays(5),
            "three days down and up");

    private static Instant day(int step) {
        return FIRST.plusDays(step).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** Labels steps 3 and 4 "down", the others "calm", whatever the prices. */
    static final class Fixed implements RegimeClassifier {

        @Override
        public List<String> labels() {
            return List.of("calm", "down");
        }

        @Override
        public int classify(StrategyContext ctx) {
            return ctx.step() == 3 || ctx.step() == 4 ? 1 : 0;
        }
    }

    private static RunResults run() {
        MarketData data = MarketData.of(closes(crypto("BTC-USD"), FIRST, 100, 100, 120, 90, 72, 81, 99, 108, 126, 110));
        return Backtest.builder(data).name("slide")
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1)))
                .costs(Costs.DEFAULTS.withFillMode(FillMode.CLOSE))
                .benchmark("cash", Scripted::new)
                .regime(Fixed::new)
                .crises(List.of(SLIDE, CrisisWindow.builtInNamed("FTX collapse")))
                .build().run().toResults(Instant.EPOCH);
    }

    @Test
    void aWindowsScorecardRowIsItsDaysReturnDrawdownRecoveryAndTail() {
        RunResults r = run();

        assertThat(r.crises()).extracting(CrisisMetrics::name).containsExactly("Slide", "FTX collapse");
        CrisisMetrics slide = r.crisis("Slide").orElseThrow();
        assertThat(slide.builtIn()).isFalse();
        assertThat(slide.description()).isEqualTo("three days down and up");
        assertThat(slide.coverage()).isEqualTo("full");
        assertThat(slide.periods()).isEqualTo(3);
        // From step 2's close (120) to step 5's (81): index 1, 0.75, 0.6, 0.675.
        assertThat(slide.start()).isEqualTo(day(2));
        assertThat(slide.end()).isEqualTo(day(5));
        assertThat(slide.totalReturn()).isCloseTo(81.0 / 120 - 1, within(EXACT));
        assertThat(slide.maxDrawdown()).isCloseTo(72.0 / 120 - 1, within(EXACT));
        // Back at 120 or above at 126, step 8: three days after the window's last close.
        assertThat(slide.recovery()).isEqualTo(day(8));
        assertThat(slide.daysToRecover()).isEqualTo(3);
        // Returns -0.25, -0.2, 0.125 (k = 1 of 3 at both levels): VaR = CVaR = -0.25, tail ratio 0.5.
        TailFigures tail = slide.tail();
        assertThat(tail.cvar95()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.var99()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.tailRatio()).isCloseTo(0.5, within(EXACT));
        assertThat(tail.painIndex()).isCloseTo(0.325, within(EXACT));
        assertThat(tail.drawdowns()).containsExactly(new DrawdownRow(day(2), day(4), null, tail.drawdowns().getFirst().depth(),
                2, Double.NaN, 3));
        assertThat(tail.drawdowns().getFirst().depth()).isCloseTo(-0.4, within(EXACT));
        assertThat(slide.liquidations()).isZero();
        assertThat(slide.fundingPaid()).isZero();
        assertThat(slide.heldBack()).isZero();
        // The benchmark stays in cash: every return 0.
        assertThat(slide.benchmark().totalReturn()).isZero();
        assertThat(slide.benchmark().daysToRecover()).isZero();
        assertThat(slide.benchmark().recovery()).isEqualTo(day(5));
    }

    @Test
    void aWindowOutsideTheRunIsListedAsNotCoveredWithoutFigures() {
        CrisisMetrics ftx = run().crisis("FTX collapse").orElseThrow();

        assertThat(ftx.builtIn()).isTrue();
        assertThat(ftx.coverage()).isEqualTo("none");
        assertThat(ftx.periods()).isZero();
        assertThat(ftx.start()).isNull();
        assertThat(ftx.totalReturn()).isNaN();
        assertThat(ftx.tail().periods()).isZero();
        assertThat(ftx.tail().cvar95()).isNaN();
    }

    @Test
    void aRegimesTailIsOverThePeriodsCreditedToItOnItsOwnClock() {
        // "down" labels steps 3 and 4: it is credited the periods closing at steps 4 and 5, returns
        // 72/90 - 1 = -0.2 and 81/72 - 1 = 0.125; its index 1, 0.8, 0.9 falls from step 3's close to
        // step 4's and is still under water at its last period: 2 days on its clock.
        RunResults r = run();
        RegimeMetrics down = r.regimes().metrics().get(1);

        assertThat(down.steps()).isEqualTo(2);
        TailFigures tail = down.tail();
        assertThat(tail.periods()).isEqualTo(2);
        assertThat(tail.var95()).isCloseTo(-0.2, within(EXACT));
        assertThat(tail.tailRatio()).isCloseTo(0.125 / 0.2, within(EXACT));
        assertThat(tail.longestUnderwaterDays()).isEqualTo(2);
        assertThat(tail.drawdowns()).singleElement().satisfies(d -> {
            assertThat(d.peak()).isEqualTo(day(3));
            assertThat(d.trough()).isEqualTo(day(4));
            assertThat(d.recovered()).isFalse();
        });
        // "calm" holds the other seven periods, on the clock of those days alone.
        RegimeMetrics calm = r.regimes().metrics().getFirst();
        assertThat(calm.tail().periods()).isEqualTo(7);
        assertThat(calm.tail().periods() + tail.periods()).isEqualTo(r.steps() - 1);
        // The whole run: from 120 (step 2) to 72 (step 4), back at 126 (step 8); then 126 to 110, open.
        assertThat(r.tail().periods()).isEqualTo(9);
        assertThat(r.tail().drawdowns()).extracting(DrawdownRow::peak, DrawdownRow::recovery, DrawdownRow::underwaterDays)
                .containsExactly(tuple(day(2), day(8), 6.0), tuple(day(8), null, 1.0));
        assertThat(r.tail().longestUnderwaterDays()).isEqualTo(r.metrics().maxDrawdownDays());
        assertThat(r.benchmark().tail().ulcerIndex()).isZero();
    }

    @Test
    void fundingAndHeldBackOrdersInTheWindowComeFromTheRun() {
        // A 10-unit ETH short at the first close of a flat 100 pays 10 × 100 × 0.001 per 8 hours:
        // 3 a day, charged at each step for the day before. The window 01-03 .. 01-05 holds the
        // periods closing at steps 2, 3, 4: 9. Held back at step 1 (the close it starts from) and
        // step 3 (in it): one.
        MarketData data = MarketData.of(closes(crypto("ETH-USD"), FIRST, 100, 100, 100, 100, 100, 100));
        Scripted strategy = new Scripted().at(0, ctx -> ctx.sell("ETH-USD", 10))
                .at(1, ctx -> ctx.record(Event.Kind.HELD_BACK, "ETH-USD", "held", Double.NaN))
                .at(3, ctx -> ctx.record(Event.Kind.HELD_BACK, "ETH-USD", "held", Double.NaN));
        RunResults r = Backtest.builder(data).name("short").strategy(() -> strategy)
                .costs(Costs.DEFAULTS.withFillMode(FillMode.CLOSE).withFundingRate(0.001))
                .crises(List.of(new CrisisWindow("Middle", FIRST.plusDays(2), FIRST.plusDays(4), "")))
                .build().run().toResults(Instant.EPOCH);

        CrisisMetrics middle = r.crises().getFirst();
        assertThat(r.metrics().fundingPaid()).isEqualTo(15);
        assertThat(middle.fundingPaid()).isEqualTo(9);
        assertThat(middle.heldBack()).isEqualTo(1);
        assertThat(middle.benchmark()).isNull();
    }
}
