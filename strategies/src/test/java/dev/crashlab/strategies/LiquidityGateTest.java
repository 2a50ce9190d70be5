package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.Tracked;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.signals.Gate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The liquidity gate as a wrapper of weekly DCA, on the flows of {@link DcaWhenLiquidityReturnsTest}. */
class LiquidityGateTest {

    private static final LiquidityChecks ETF_ONLY = new LiquidityChecks(0, 1, Gate.OnMissing.CLOSED,
            new LiquidityChecks.Etf(true, "etf_flows", 3), new LiquidityChecks.Whales(false, "exchange_inflow", 1, 5),
            new LiquidityChecks.Stablecoins(false, "stablecoins", 30, 0), LiquidityChecks.DEFAULTS.funding(),
            LiquidityChecks.DEFAULTS.liquidations(), LiquidityChecks.DEFAULTS.contagion(), LiquidityChecks.DEFAULTS.treasuries());

    /** +10 a day from 2023-12-20, outflows dated Jan 6, 13 and 20, each published the next day. */
    private static NonPriceSeries flows() {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 12, 20); d.isBefore(LocalDate.of(2024, 2, 20)); d = d.plusDays(1)) {
            dates.add(d);
            values.add(d.getMonthValue() == 1 && (d.getDayOfMonth() == 6 || d.getDayOfMonth() == 13 || d.getDayOfMonth() == 20)
                    ? -10.0 : 10.0);
        }
        return NonPriceSeries.of("etf_flows", PublicationRule.NEXT_DAY_UTC, dates.toArray(LocalDate[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void holdsBackBuysWhileClosedAndBuysTheDeferredCashTheDayItOpens() {
        double[] prices = new double[35];
        Arrays.fill(prices, 100);
        MarketData data = MarketData.builder().add(closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), prices)).add(flows()).build();
        DcaOnDrawdown.Params weekly = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0, 0, List.of(), 0);
        BacktestResult r = Backtest.builder(data)
                .strategy(() -> new LiquidityGate(new DcaOnDrawdown(weekly),
                        new LiquidityGate.Params(ETF_ONLY, EtfOutflowFilter.Policy.DEFER)))
                .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();

        // Closed on Jan 8, 15 and 22 (the last outflow 2 days before); open again 3 days after each outflow,
        // on Jan 10, 17 and 24, when the deferred buy goes out.
        assertThat(r.orders()).extracting(o -> o.submittedAt().toString().substring(0, 10) + " " + o.amount() + " " + o.tag())
                .containsExactly("2024-01-01 100.0 ", "2024-01-10 100.0 deferred", "2024-01-17 100.0 deferred",
                        "2024-01-24 100.0 deferred", "2024-01-29 100.0 ");
        Tracked heldBack = r.tracked().stream().filter(t -> t.name().equals("LiquidityGate: held back")).findFirst().orElseThrow();
        Tracked released = r.tracked().stream().filter(t -> t.name().equals("LiquidityGate: released")).findFirst().orElseThrow();
        assertThat(heldBack.value(34)).isEqualTo(300);
        assertThat(released.value(8)).isZero();
        assertThat(released.value(9)).isEqualTo(100);
        assertThat(released.value(23)).isEqualTo(300);
        assertThat(r.tracked()).extracting(Tracked::name).contains("LiquidityGate: buys allowed", "liquidity: ETF outflows stopped");
    }
}
