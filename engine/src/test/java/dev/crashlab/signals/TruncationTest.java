package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No signal looks ahead: on the staged history cut after a date D, every signal reads, at every
 * step up to D, exactly what it reads on the whole history, value and reason alike. The dates lie
 * inside crash windows, where a leak would matter most.
 */
class TruncationTest {

    private static Staged staged() {
        return new Staged().prices("BTC-USD", "SOL-USD", "QQQ", "GLD", "HSI", "CSI300", "MSTR")
                .series("etf_flows", "etf_flows_btc.csv", "total")
                .series("inflow", "btc_exchange_flows.csv", "exchange_inflow_btc")
                .series("whale_ratio", "btc_exchange_flows.csv", "exchange_whale_ratio")
                .series("stablecoins", "stablecoin_supply.csv", "total_usd")
                .series("oi", "btc_funding_oi.csv", "open_interest_usd")
                .series("funding", "btc_funding_oi.csv", "funding_rate")
                .series("long_liq", "liquidations_daily.csv", "btc_long_liq_usd")
                .series("mnav", "dat/mstr_mnav_daily.csv", "mnav")
                .series("held", "dat/mstr_mnav_daily.csv", "btcHoldings")
                .series("filings", "dat/mstr_btc_holdings_filings.csv", "holdings");
    }

    private static List<DataSignal> everySignal() {
        EtfFlows flows = EtfFlows.of("etf_flows");
        WhaleSelling inflow = WhaleSelling.of("inflow");
        Deleveraging.Liquidations liquidations = Deleveraging.longLiquidations("long_liq");
        Contagion basket = new Contagion(Contagion.DEFAULT_BASKET, Contagion.DEFAULT_MAX_AGE_DAYS);
        DatStress mstr = DatStress.of("mnav", "held", "filings");
        return List.of(flows.netSum(7), flows.outflowStreak(), flows.daysWithoutOutflow(), flows.outflowsStopped(3),
                inflow.zScore(), inflow.released(1, 3), WhaleSelling.of("whale_ratio").level(),
                FreshLiquidity.of("stablecoins").growth(30), Deleveraging.openInterest("oi").drawdown(30),
                Deleveraging.funding("funding").neutral(3), liquidations.ratio(), liquidations.capitulationSubsiding(),
                basket.shareDown(0.05, 7), basket.averageCorrelation(30), basket.sellsTogether(), mstr.knowableMnav(),
                mstr.mstrToBtcFromHigh(365), mstr.zone(), RelativeStrength.vs("BTC-USD").of("SOL-USD", 30));
    }

    /** 312 (2020-03-12), the May 2021 crash, Celsius (2022-06), FTX (2022-11), 2025-10-10, late November 2025. */
    @ParameterizedTest
    @ValueSource(strings = {"2020-03-13", "2021-05-20", "2022-06-14", "2022-11-09", "2025-10-11", "2025-11-21"})
    void everySignalReadsTheSameBeforeTheCutAsOnTheWholeHistory(String cut) {
        LocalDate d = LocalDate.parse(cut);
        Staged staged = staged();
        DataSignal[] signals = everySignal().toArray(DataSignal[]::new);
        Probe whole = Probe.run(staged.data(), d.minusDays(45), d.plusDays(20), signals);
        Probe truncated = Probe.run(staged.cutAfter(d), d.minusDays(45), d, signals);

        int defined = 0;
        for (DataSignal signal : signals) {
            Map<LocalDate, Probe.Reading> before = truncated.readings(signal);
            assertThat(before).hasSize(46);
            for (Map.Entry<LocalDate, Probe.Reading> step : before.entrySet()) {
                assertThat(step.getValue()).as("%s at %s", signal.name(), step.getKey())
                        .isEqualTo(whole.readings(signal).get(step.getKey()));
                defined += Double.isNaN(step.getValue().value()) ? 0 : 1;
            }
        }
        assertThat(defined).as("signals with a value before %s", d).isGreaterThan(signals.length * 46 / 2);
    }
}
