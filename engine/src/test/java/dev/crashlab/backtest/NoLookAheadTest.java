package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Indicators;
import dev.crashlab.strategy.Portfolio;
import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/** Tries to cheat in each way the issue names; each attempt must fail or be impossible to write. */
class NoLookAheadTest {

    private static final Instrument BTC = crypto("BTC-USD");
    private static final OhlcvSeries BARS = ohlc(BTC, LocalDate.of(2024, 1, 1),
            10, 12, 9, 11,
            11, 14, 10, 13,
            13, 15, 12, 14,
            14, 16, 8, 9);

    private static BacktestResult run(MarketData data, Scripted strategy) {
        return Backtest.builder(data).strategy(() -> strategy).initialCash(100).build().run();
    }

    @Test
    void aBarsIndexPastTheCurrentBarThrows() {
        List<String> seen = new ArrayList<>();
        run(MarketData.of(BARS), new Scripted().at(1, ctx -> {
            Bars bars = ctx.bars("BTC-USD");
            seen.add(bars.size() + " " + bars.close());
            assertThatThrownBy(() -> bars.close(bars.size()))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("bar 2 of BTC-USD is not visible at 2024-01-02T00:00:00Z: only bars 0..1 exist so far");
            assertThat(bars.closes()).containsExactly(11, 13);
        }));
        assertThat(seen).containsExactly("2 13.0");
    }

    @Test
    void aTa4jIndexPastTheEndThrowsAndTa4jIndicatorsSeeOnlyTheBarsSoFar() {
        List<Integer> ends = new ArrayList<>();
        run(MarketData.of(BARS), new Scripted().at(2, ctx -> {
            BarSeries series = ctx.ta4j("BTC-USD");
            ends.add(series.getEndIndex());
            assertThat(new ClosePriceIndicator(series).getValue(series.getEndIndex()).doubleValue()).isEqualTo(14);
            assertThatThrownBy(() -> series.getBar(series.getEndIndex() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> new ClosePriceIndicator(series).getValue(series.getEndIndex() + 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }));
        assertThat(ends).containsExactly(2);
    }

    @Test
    void aFlowValueIsInvisibleOnItsOwnDateBeforePublication() {
        NonPriceSeries flows = NonPriceSeries.of("flows", PublicationRule.NEXT_DAY_UTC,
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)},
                new double[] {-5, 7, -9});
        MarketData data = MarketData.builder().add(BARS).add(flows).build();
        List<String> seen = new ArrayList<>();
        run(data, new Scripted()
                .at(0, ctx -> seen.add(ctx.date() + ": " + ctx.series("flows").size()))
                .at(1, ctx -> {
                    PublishedSeries published = ctx.series("flows");
                    seen.add(ctx.date() + ": " + published.size() + " latest " + published.latest() + " of "
                            + published.latestDate());
                    assertThatThrownBy(() -> published.value(1)).isInstanceOf(IndexOutOfBoundsException.class)
                            .hasMessageContaining("is not published by 2024-01-02T00:00:00Z");
                }));
        assertThat(seen).containsExactly("2024-01-01: 0", "2024-01-02: 1 latest -5.0 of 2024-01-01");
    }

    @Test
    void anOrderNeverFillsAtAPriceNotYetSeen() {
        // A limit buy at 9.5 placed at step 0 (whose low was 9) must not fill on step 0's own range.
        BacktestResult r = run(MarketData.of(BARS), new Scripted().at(0, ctx -> ctx.buyLimit("BTC-USD", 1, 9.5)));

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.time()).isEqualTo(Instant.parse("2024-01-04T00:00:00Z"));
            assertThat(f.price()).isEqualTo(9.5);
        });
        BacktestResult market = run(MarketData.of(BARS), new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 1)));
        assertThat(market.fills().getFirst().price()).isEqualTo(11); // step 1's open, not step 0's close
    }

    @Test
    void indicatorsAndViewsCreatedEarlyStayAtTheCurrentBar() {
        AtomicReference<FastIndicator> sma = new AtomicReference<>();
        AtomicReference<Bars> view = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        run(MarketData.of(BARS), new Scripted()
                .at(0, ctx -> {
                    sma.set(ctx.indicators("BTC-USD").sma(2));
                    view.set(ctx.bars("BTC-USD"));
                })
                .at(2, ctx -> seen.add(sma.get().value() + " " + view.get().size())));
        assertThat(seen).containsExactly("13.5 3");
    }

    @Test
    void aCalendarReachedFromTheContextLearnsOfAnUnscheduledClosureOnlyOnceItHappens() {
        // The NYSE was closed 2001-09-11 to 09-14; on the 10th nobody knew. Bars: 09-04 .. 09-10, then 09-17 on.
        OhlcvSeries spy = OhlcvSeries.builder(Instrument.of("SPY", AssetClass.ETF))
                .dailyCloses(LocalDate.of(2001, 9, 4), 113, 112, 110, 109, 108, 97, 96, 94, 90, 94)
                .build();
        LocalDate attack = LocalDate.of(2001, 9, 11);
        List<String> seen = new ArrayList<>();
        Strategy asking = new Strategy() {
            @Override
            public void init(StrategyContext ctx) {
                seen.add("init " + ctx.date() + ": " + ctx.instruments().getFirst().calendar().isTradingDay(attack));
            }

            @Override
            public void onBar(StrategyContext ctx) {
                if (ctx.date().equals(LocalDate.of(2001, 9, 10)) || ctx.date().equals(LocalDate.of(2001, 9, 17))) {
                    seen.add(ctx.date() + ": instruments " + ctx.instruments().getFirst().calendar().isTradingDay(attack)
                            + ", bars " + ctx.bars("SPY").instrument().calendar().isTradingDay(attack)
                            + ", trading days 09-10..09-17 "
                            + ctx.bars("SPY").instrument().calendar().tradingDaysBetween(LocalDate.of(2001, 9, 10),
                                    LocalDate.of(2001, 9, 17)));
                }
            }
        };
        RegimeClassifier classifier = new RegimeClassifier() {
            @Override
            public List<String> labels() {
                return List.of("open on 09-11", "closed on 09-11");
            }

            @Override
            public int classify(StrategyContext ctx) {
                return ctx.instruments().getFirst().calendar().isTradingDay(attack) ? 0 : 1;
            }
        };

        BacktestResult r = Backtest.builder(MarketData.of(spy)).strategy(() -> asking).regime(() -> classifier)
                .initialCash(100).build().run();

        assertThat(seen).containsExactly("init 2001-09-04: true",
                "2001-09-10: instruments true, bars true, trading days 09-10..09-17 4",
                "2001-09-17: instruments false, bars false, trading days 09-10..09-17 0");
        assertThat(r.regimes().orElseThrow().ofStep()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        // Data validation still reads the historical record: the series has no bar on the closed days.
        assertThat(spy.instrument().calendar().isTradingDay(attack)).isFalse();
    }

    @Test
    void noPublicMethodReachableFromTheContextHandsOutAFullSeries() {
        Set<Class<?>> fullData = Set.of(OhlcvSeries.class, NonPriceSeries.class, MarketData.class);
        for (Class<?> type : List.of(StrategyContext.class, Bars.class, PublishedSeries.class, Indicators.class,
                FastIndicator.class, Portfolio.class)) {
            for (Method m : type.getMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    assertThat(fullData).as(type.getSimpleName() + "." + m.getName()).doesNotContain(m.getReturnType());
                }
            }
        }
    }
}
