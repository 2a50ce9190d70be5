package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.strategies.CrashRegime.Params;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CrashRegimeTest {

    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    //                                                               d0   d1   d2   d3   d4  d5  d6  d7  d8  d9  d10 d11
    private static final OhlcvSeries BTC = closes(crypto("BTC-USD"), START, 100, 100, 100, 100, 100, 90, 78, 75, 74, 50, 45, 100);
    // Nasdaq and gold trade every day here, so that each step has one bar of each.
    private static final OhlcvSeries NASDAQ = closes(crypto("NQ"), START, 100, 100, 100, 100, 100, 100, 100, 99, 98.5, 90, 100, 100);
    private static final OhlcvSeries GOLD = closes(crypto("XAU"), START, 100, 100, 100, 100, 100, 100, 100, 100, 100, 94, 94, 94);
    /** Outflows dated d5 and d6 (published d6 and d7), an inflow dated d7. */
    private static final NonPriceSeries FLOWS = NonPriceSeries.of("flows", PublicationRule.NEXT_DAY_UTC,
            new LocalDate[] {START.plusDays(5), START.plusDays(6), START.plusDays(7)}, new double[] {-10, -20, 5});

    /**
     * Tiny windows: 5-bar high for DRAWDOWN (20 %), 3-bar high for a CRASH drop (30 %), a 2-day
     * outflow streak, 3-bar joint drops of 5 % and a 3-bar correlation of at least 0.5.
     */
    private static Params params(double crashVolatility) {
        return new Params("BTC-USD", "NQ", "XAU", "flows", 5, 0.2, 3, 0.3, 3, crashVolatility, 2, 3, 0.05, 3, 0.5);
    }

    private static List<String> labels(BacktestResult r) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < r.size(); s++) {
            out.add(r.regimes().orElseThrow().label(s));
        }
        return out;
    }

    @Test
    void labelsEachStepByTheFirstRuleThatHolds() {
        MarketData data = MarketData.builder().add(BTC).add(NASDAQ).add(GOLD).add(FLOWS).build();
        BacktestResult r = Backtest.builder(data).strategy(RealData::buyAndHold).regime(() -> new CrashRegime(params(5.0))).build().run();

        // d0..d3: the 5-bar high is not there yet. d6: 22 % below it. d7: in drawdown after two outflows.
        // d8: the inflow ends the streak. d9: 33 % below the 3-bar high while Nasdaq (−9 %) and gold (−6 %)
        // fall with it, their returns correlated. d10: Nasdaq recovered. d11: back at the 5-bar high.
        assertThat(labels(r)).containsExactly("CALM", "CALM", "CALM", "CALM", "CALM", "CALM", "DRAWDOWN", "CRASH",
                "DRAWDOWN", "LIQUIDITY_CRISIS", "CRASH", "CALM");
        assertThat(r.regimes().orElseThrow().labels()).containsExactly("CALM", "DRAWDOWN", "CRASH", "LIQUIDITY_CRISIS");
    }

    @Test
    void skipsTheRulesWhoseInputsAreMissingAndLabelsAVolatileDrawdownACrash() {
        // Bitcoin alone, no flows: no streak, no liquidity crisis. The 3-bar volatility is 1.33 (d6) and
        // 1.21 (d8) a year, above 1.0, but 0.92 at d7.
        BacktestResult r = Backtest.builder(MarketData.of(BTC)).strategy(RealData::buyAndHold)
                .regime(() -> new CrashRegime(params(1.0))).build().run();

        assertThat(labels(r)).containsExactly("CALM", "CALM", "CALM", "CALM", "CALM", "CALM", "CRASH", "DRAWDOWN",
                "CRASH", "CRASH", "CRASH", "CALM");
    }

    /**
     * On real data with the defaults: 2020-03-12 (BTC −38 % in a day, 46 % below its 14-day
     * high) and 2022-11-09 (FTX: 26 % below its 14-day high) must be CRASH or LIQUIDITY_CRISIS,
     * because a fall of 20 % within two weeks is a crash by the rule; and at least 90 % of the
     * days of 2023-07-01..2023-12-31 must be CALM, because bitcoin spent that half-year within
     * 20 % of its 365-day high close (one day at −20 %), with realised volatility under 0.55 and
     * no 14-day fall beyond 13 %.
     */
    @Test
    void labelsTheCovidAndFtxCrashesAndCalmsMostOf2023sSecondHalfOnRealData() {
        BacktestResult r = RealData.backtest(RealData::buyAndHold).regime(() -> new CrashRegime(Params.DEFAULTS)).build().run();

        Map<LocalDate, String> byDate = new LinkedHashMap<>();
        for (int s = 0; s < r.size(); s++) {
            byDate.put(LocalDate.ofInstant(r.time(s), ZoneOffset.UTC), r.regimes().orElseThrow().label(s));
        }
        assertThat(byDate.get(LocalDate.of(2020, 3, 12))).isIn("CRASH", "LIQUIDITY_CRISIS");
        assertThat(byDate.get(LocalDate.of(2022, 11, 9))).isIn("CRASH", "LIQUIDITY_CRISIS");
        long days = 0;
        long calm = 0;
        for (var e : byDate.entrySet()) {
            if (!e.getKey().isBefore(LocalDate.of(2023, 7, 1)) && !e.getKey().isAfter(LocalDate.of(2023, 12, 31))) {
                days++;
                calm += e.getValue().equals("CALM") ? 1 : 0;
            }
        }
        assertThat(days).isEqualTo(184);
        assertThat((double) calm / days).isGreaterThanOrEqualTo(0.9);
    }

    /** Pinned by running once: the number of days with each label, 2018-01-01 to 2025-11-21. */
    @Test
    void pinsItsRealDataLabelCounts() {
        BacktestResult r = RealData.backtest(RealData::buyAndHold).regime(() -> new CrashRegime(Params.DEFAULTS)).build().run();

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int s = 0; s < r.size(); s++) {
            counts.merge(r.regimes().orElseThrow().label(s), 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("CALM", 1304, "DRAWDOWN", 1125, "CRASH", 426, "LIQUIDITY_CRISIS", 27));
        assertThat(r.regimes().orElseThrow().windows()).extracting(w -> w.name() + " " + w.from() + ".." + w.to()).containsExactly(
                "COVID crash 2020-03-12..2020-03-16",
                "LUNA/UST collapse 2022-05-07..2022-05-13",
                "Celsius and 3AC 2022-06-12..2022-06-18",
                "FTX collapse 2022-11-06..2022-11-11",
                "10 October 2025 liquidations 2025-10-10..2025-10-11",
                "November 2025 drawdown 2025-11-01..2025-11-21");
    }

    @Test
    void bindsItsThresholdsFromConfigAndNamesABadOne() {
        var json = JsonMapper.builder().build();
        Params bound = StrategyFactory.bind(Params.class, json.readTree("{\"nasdaq\": \"NDX\", \"drawdown\": 0.25}"), "regime.params");

        assertThat(bound.nasdaq()).isEqualTo("NDX");
        assertThat(bound.drawdown()).isEqualTo(0.25);
        assertThat(bound.crashDrop()).isEqualTo(Params.DEFAULTS.crashDrop());
        assertThat(Set.of(Params.DEFAULTS.btc(), Params.DEFAULTS.gold(), Params.DEFAULTS.flows())).containsExactlyInAnyOrder("BTC-USD", "GLD", "etf_flows");
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"jointDrop\": 2}"), "regime.params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("regime.params.jointDrop: expected a number in [0, 1], got 2");
    }
}
