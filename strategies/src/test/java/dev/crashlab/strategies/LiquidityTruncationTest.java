package dev.crashlab.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.Tracked;
import dev.crashlab.clock.Schedule;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategy.Order;
import dev.crashlab.testing.Staged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gated DCA, every check on (4 of 7 needed), decides the same on history cut after a date D
 * as on the whole history: the same orders up to D, the same tracked signals and gate state at
 * every step up to D. The dates lie inside crash windows, where a leak would pay most.
 */
class LiquidityTruncationTest {

    private static final Staged STAGED = new Staged().prices("BTC-USD", "QQQ", "GLD", "HSI", "CSI300", "MSTR")
            .series("etf_flows", "etf_flows_btc.csv", "total")
            .series("exchange_inflow", "btc_exchange_flows.csv", "exchange_inflow_btc")
            .series("stablecoins", "stablecoin_supply.csv", "total_usd")
            .series("funding", "btc_funding_oi.csv", "funding_rate")
            .series("long_liquidations", "liquidations_daily.csv", "btc_long_liq_usd")
            .series("mstr_mnav", "dat/mstr_mnav_daily.csv", "mnav")
            .series("mstr_holdings", "dat/mstr_mnav_daily.csv", "btcHoldings")
            .series("mstr_filings", "dat/mstr_btc_holdings_filings.csv", "holdings");

    private static final DcaWhenLiquidityReturns.Params ALL_CHECKS = StrategyFactory.bind(DcaWhenLiquidityReturns.Params.class,
            JsonMapper.builder().build().readTree("{\"checks\": {\"need\": 4, \"onMissing\": \"ignore\", \"funding\": {\"use\": true},"
                    + " \"liquidations\": {\"use\": true}, \"contagion\": {\"use\": true}, \"treasuries\": {\"use\": true}}}"),
            "params");

    private static BacktestResult run(MarketData data, Instant end) {
        return Backtest.builder(data).start(Instant.parse("2019-06-01T00:00:00Z")).end(end)
                .strategy(() -> new DcaWhenLiquidityReturns(ALL_CHECKS)).initialCash(0)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    private static String order(Order o) {
        return o.submittedAt() + " " + o.sizing() + " " + o.amount();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-03-13", "2021-05-20", "2022-06-14", "2022-11-09", "2025-10-11", "2025-11-21"})
    void ordersAndTrackedSignalsBeforeTheCutAreThoseOfTheWholeHistory(String cut) {
        LocalDate d = LocalDate.parse(cut);
        Instant lastStep = d.atStartOfDay(ZoneOffset.UTC).toInstant();
        BacktestResult whole = run(STAGED.data(), Instant.parse("2025-12-17T00:00:00Z"));
        BacktestResult truncated = run(STAGED.cutAfter(d), lastStep);

        List<String> before = whole.orders().stream().filter(o -> !o.submittedAt().isAfter(lastStep))
                .map(LiquidityTruncationTest::order).toList();
        assertThat(truncated.orders()).extracting(LiquidityTruncationTest::order).isEqualTo(before).isNotEmpty();
        int steps = truncated.size();
        assertThat(truncated.time(steps - 1)).isEqualTo(lastStep);
        for (Tracked t : truncated.tracked()) {
            Tracked full = whole.tracked().stream().filter(w -> w.name().equals(t.name())).findFirst().orElseThrow();
            assertThat(t.values()).as(t.name()).isEqualTo(Arrays.copyOf(full.values(), steps));
        }
        assertThat(truncated.tracked()).extracting(Tracked::name).contains("liquidity gate open",
                "liquidity: whale selling released", "liquidity: not selling together", "liquidity: treasuries out of the zone");
    }
}
