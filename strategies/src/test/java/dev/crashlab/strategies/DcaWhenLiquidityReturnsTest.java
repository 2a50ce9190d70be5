package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.Tracked;
import dev.crashlab.clock.Schedule;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.signals.Gate;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DcaWhenLiquidityReturnsTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Only the ETF check: no outflow among the values of the last 3 days. */
    private static final LiquidityChecks ETF_ONLY = new LiquidityChecks(0, 1, Gate.OnMissing.CLOSED,
            new LiquidityChecks.Etf(true, "etf_flows", 3), new LiquidityChecks.Whales(false, "exchange_inflow", 1, 5),
            new LiquidityChecks.Stablecoins(false, "stablecoins", 30, 0), LiquidityChecks.DEFAULTS.funding(),
            LiquidityChecks.DEFAULTS.liquidations(), LiquidityChecks.DEFAULTS.contagion(), LiquidityChecks.DEFAULTS.treasuries());

    /**
     * Daily ETF flows from 2023-12-20 to 2024-02-19, +10 a day but outflows (−50, −20, −10) dated
     * Jan 6, Jan 13 and Jan 20. Each is published the next day, so at the Mondays Jan 8, 15 and 22
     * the last outflow was 2 days before and the gate is closed; at Jan 1 and from Jan 29 on the
     * flows have been positive for 12 and 8 days or more: open.
     */
    private static NonPriceSeries flows(LocalDate lastDate) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 12, 20); !d.isAfter(lastDate); d = d.plusDays(1)) {
            dates.add(d);
            values.add(d.equals(LocalDate.of(2024, 1, 6)) ? -50.0 : d.equals(LocalDate.of(2024, 1, 13)) ? -20.0
                    : d.equals(LocalDate.of(2024, 1, 20)) ? -10.0 : 10.0);
        }
        return NonPriceSeries.of("etf_flows", PublicationRule.NEXT_DAY_UTC, dates.toArray(LocalDate[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static BacktestResult run(LiquidityChecks checks, int days, LocalDate flowsUntil) {
        double[] prices = new double[days];
        Arrays.fill(prices, 100);
        MarketData data = MarketData.builder().add(closes(crypto("BTC-USD"), JAN_1, prices)).add(flows(flowsUntil)).build();
        DcaWhenLiquidityReturns.Params params = new DcaWhenLiquidityReturns.Params("BTC-USD", 100, Schedule.WEEKLY, 4, checks);
        return Backtest.builder(data).strategy(() -> new DcaWhenLiquidityReturns(params)).initialCash(0)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    private static List<String> orders(BacktestResult r) {
        return r.orders().stream().map(o -> o.submittedAt().toString().substring(0, 10) + " " + o.amount()).toList();
    }

    @Test
    void savesWhileTheGateIsClosedAndDeploysTheSavingsInTranchesOnceItOpens() {
        BacktestResult r = run(ETF_ONLY, 50, LocalDate.of(2024, 2, 19));

        // Jan 8, 15, 22 closed: 300 saved; from Jan 29 each Monday buys 100 + 300 / 4.
        assertThat(orders(r)).containsExactly("2024-01-01 100.0", "2024-01-29 175.0", "2024-02-05 175.0",
                "2024-02-12 175.0", "2024-02-19 175.0");
        assertThat(r.events()).filteredOn(e -> e.kind() == Event.Kind.HELD_BACK)
                .extracting(e -> e.time().toString().substring(0, 10) + " " + e.value())
                .containsExactly("2024-01-08 100.0", "2024-01-15 100.0", "2024-01-22 100.0");
        Tracked saved = r.tracked().stream().filter(t -> t.name().equals("saved")).findFirst().orElseThrow();
        assertThat(saved.value(7)).isEqualTo(100);   // Jan 8
        assertThat(saved.value(27)).isEqualTo(300);  // Jan 28
        assertThat(saved.value(28)).isEqualTo(225);  // Jan 29
        assertThat(saved.value(49)).isZero();        // Feb 19
        Tracked open = r.tracked().stream().filter(t -> t.name().equals("liquidity gate open")).findFirst().orElseThrow();
        assertThat(open.state()).isTrue();
        assertThat(open.value(0)).isEqualTo(1);
        assertThat(open.value(7)).isZero();
        assertThat(r.tracked()).extracting(Tracked::name).contains("liquidity: ETF outflows stopped");
        assertThat(r.orders()).allMatch(o -> o.side() == Order.Side.BUY);
    }

    @Test
    void aSeriesThatStopsClosesTheGateWithAWarningInsteadOfCarryingItsLastValueOn() {
        // The flows end on Jan 24: published Jan 25, older than the 5-day maximum age from Jan 31.
        BacktestResult r = run(ETF_ONLY, 50, LocalDate.of(2024, 1, 24));

        assertThat(orders(r)).containsExactly("2024-01-01 100.0", "2024-01-29 175.0");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("gate liquidity: check \"ETF outflows stopped\" has no data from 2024-01-30 (etf_flows:")
                .endsWith("counted as not holding (onMissing: closed)");
    }

    @Test
    void withOnMissingIgnoreAGateWhoseOnlyCheckHasNoDataStaysClosed() {
        LiquidityChecks ignore = new LiquidityChecks(0, 1, Gate.OnMissing.IGNORE, ETF_ONLY.etf(), ETF_ONLY.whales(),
                ETF_ONLY.stablecoins(), ETF_ONLY.funding(), ETF_ONLY.liquidations(), ETF_ONLY.contagion(), ETF_ONLY.treasuries());

        BacktestResult r = run(ignore, 50, LocalDate.of(2024, 1, 24));

        assertThat(orders(r)).containsExactly("2024-01-01 100.0", "2024-01-29 175.0");
        assertThat(r.warnings()).singleElement().asString().endsWith("counted as left out (onMissing: ignore)");
    }

    @Test
    void aCheckWhoseSeriesTheDataDoesNotHoldIsRefusedSayingHowToSwitchItOff() {
        assertThatThrownBy(() -> run(LiquidityChecks.DEFAULTS, 10, LocalDate.of(2024, 2, 19)))
                .hasMessageContaining("liquidity: checks.whales reads \"exchange_inflow\", which the run's data does not hold"
                        + " (add it under data.series or data.prices, or set whales.use: false); checks.stablecoins reads"
                        + " \"stablecoins\"");
    }

    @Test
    void aConfigChangesOneFieldOfANestedCheckAndKeepsTheRestOfItsDefaults() throws Exception {
        DcaWhenLiquidityReturns.Params bound = StrategyFactory.bind(DcaWhenLiquidityReturns.Params.class, JSON.readTree(
                "{\"tranches\": 2, \"checks\": {\"need\": 1, \"whales\": {\"maxZ\": 1.5}, \"stablecoins\": {\"use\": false}}}"),
                "runs[0].strategy.params");

        assertThat(bound.tranches()).isEqualTo(2);
        assertThat(bound.checks().need()).isEqualTo(1);
        assertThat(bound.checks().whales()).isEqualTo(new LiquidityChecks.Whales(true, "exchange_inflow", 1.5, 5));
        assertThat(bound.checks().stablecoins().use()).isFalse();
        assertThat(bound.checks().etf()).isEqualTo(LiquidityChecks.DEFAULTS.etf());
        assertThatThrownBy(() -> StrategyFactory.bind(DcaWhenLiquidityReturns.Params.class,
                JSON.readTree("{\"checks\": {\"whales\": {\"days\": 0}}}"), "runs[0].strategy.params"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("runs[0].strategy.params.checks.whales.days: ");
        assertThatThrownBy(() -> StrategyFactory.bind(DcaWhenLiquidityReturns.Params.class,
                JSON.readTree("{\"checks\": {\"whale\": {}}}"), "runs[0].strategy.params"))
                .hasMessageStartingWith("runs[0].strategy.params.checks.whale: unknown parameter");
    }
}
