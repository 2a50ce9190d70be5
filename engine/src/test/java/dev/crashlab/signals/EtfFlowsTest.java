package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** ETF flow signals on hand-built flows and on Farside's history. */
class EtfFlowsTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /**
     * Flows on trading days (2024-01-01 is a Monday), each seen from the next day's step; none
     * dated 2024-01-11 .. 01-16, so the Jan 10 figure is too old from the 16th (6 days), until the
     * Jan 17 figure arrives on the 18th.
     */
    private static final MarketData DATA = MarketData.builder().add(Hand.btcClock(JAN_1, 19))
            .add(Hand.series("etf_flows", "2024-01-01 10", "2024-01-02 -5", "2024-01-03 -7", "2024-01-04 4", "2024-01-05 -3",
                    "2024-01-08 6", "2024-01-09 2", "2024-01-10 1", "2024-01-17 -2"))
            .build();

    private static final EtfFlows FLOWS = EtfFlows.of("etf_flows");

    private static Probe probe(DataSignal signal) {
        return Probe.run(DATA, JAN_1, JAN_1.plusDays(18), signal);
    }

    @Test
    void sumsTheValuesOfTheLastDaysOnceTheSeriesCoversThem() {
        DataSignal sum = FLOWS.netSum(3);

        // T: the values dated T-3 .. T-1. 01-04: 10 - 5 - 7; 01-07 (Sunday): 4 - 3 (01-04, 01-05; 01-06 has none).
        assertThat(probe(sum).values(sum)).containsExactly(Double.NaN, Double.NaN, Double.NaN, -2.0, -8.0, -6.0, 1.0, -3.0,
                6.0, 8.0, 9.0, 3.0, 1.0, 0.0, 0.0, Double.NaN, Double.NaN, -2.0, -2.0);
        assertThat(probe(sum).reason(sum, JAN_1.plusDays(2)))
                .isEqualTo("etf_flows: first value dated 2024-01-01, after 2023-12-31, the first day of the window needed");
    }

    @Test
    void countsTheLatestValuesBelowZeroAsTheOutflowStreak() {
        DataSignal streak = FLOWS.outflowStreak();

        // The weekend keeps Friday's -3 as the latest value: a streak of 1 through Monday's step.
        assertThat(probe(streak).values(streak)).containsExactly(Double.NaN, 0.0, 1.0, 2.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0,
                0.0, 0.0, 0.0, 0.0, Double.NaN, Double.NaN, 1.0, 1.0);
    }

    @Test
    void countsDaysWithoutOutflowWithWeekendsCarryingFridaysFigure() {
        DataSignal days = FLOWS.daysWithoutOutflow();

        // 01-02: no outflow since the first value (01-01), 1 day. 01-05: the 01-04 inflow, 1 day.
        // 01-06 .. 01-08: Friday's outflow is the latest. 01-09: Monday's inflow is 1 day old.
        assertThat(probe(days).values(days)).containsExactly(Double.NaN, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0,
                5.0, 6.0, 7.0, Double.NaN, Double.NaN, 0.0, 0.0);
    }

    @Test
    void saysOutflowsStoppedOnceNoneOfTheLastDaysCarriedAnOutflow() {
        DataSignal stopped = FLOWS.outflowsStopped(3);

        // At 01-10 the days are 01-07 (Sunday, carrying Friday's -3), 01-08, 01-09: not yet.
        assertThat(probe(stopped).values(stopped)).containsExactly(Double.NaN, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0,
                1.0, 1.0, 1.0, 1.0, Double.NaN, Double.NaN, 0.0, 0.0);
        assertThat(stopped.name()).isEqualTo("etf.outflowsStopped(etf_flows, 3d)");
    }

    @Test
    void isUndefinedBeforeTheFirstPublicationAndOnceTheLatestValueIsTooOld() {
        DataSignal stopped = FLOWS.outflowsStopped(3);
        Probe probe = probe(stopped);

        assertThat(probe.reason(stopped, JAN_1)).isEqualTo("etf_flows: no value published yet at 2024-01-01");
        assertThat(probe.reason(stopped, JAN_1.plusDays(14))).isNull(); // 01-15: the 01-10 value is 5 days old
        assertThat(probe.reason(stopped, JAN_1.plusDays(15)))
                .isEqualTo("etf_flows: last value dated 2024-01-10, older than the 5-day maximum age at 2024-01-16");

        DataSignal lenient = FLOWS.withMaxAgeDays(6).outflowsStopped(3);
        assertThat(probe(lenient).value(lenient, JAN_1.plusDays(15))).isEqualTo(1.0);
    }

    /**
     * Farside's totals begin with the ETFs' launch on 2024-01-11 (655.3, seen from the 12th), in a
     * run from 2024-01-01; Friday 01-12's figure (203.0) is the latest through Tuesday 01-16's
     * step, after the Martin Luther King Day holiday: 4 days old, still within the 5 allowed.
     */
    @Test
    void explainsAFlowSeriesThatStartsAfterTheRunAndBridgesALongWeekend() {
        MarketData data = new Staged().prices("BTC-USD").series("etf_flows", "etf_flows_btc.csv", "total").data();
        DataSignal streak = FLOWS.outflowStreak();
        DataSignal sum = FLOWS.netSum(7);
        Probe probe = Probe.run(data, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), streak, sum);

        assertThat(probe.reason(streak, LocalDate.of(2024, 1, 5))).isEqualTo("etf_flows: no value published yet at 2024-01-05");
        assertThat(probe.value(streak, LocalDate.of(2024, 1, 12))).isEqualTo(0.0);
        assertThat(probe.reason(sum, LocalDate.of(2024, 1, 12)))
                .isEqualTo("etf_flows: first value dated 2024-01-11, after 2024-01-05, the first day of the window needed");
        assertThat(probe.reason(streak, LocalDate.of(2024, 1, 16))).isNull();
        assertThat(probe.value(streak, LocalDate.of(2024, 1, 17))).isEqualTo(1.0); // -52.7 on 01-16
        // 01-18: the values dated 01-11 .. 01-17.
        assertThat(probe.value(sum, LocalDate.of(2024, 1, 18))).isCloseTo(655.3 + 203.0 - 52.7 + 453.8, within(1e-9));
    }

    /**
     * Farside's totals (etf_flows_btc.csv, US$ m): outflows every trading day from 2025-02-18 to
     * 02-27 (-60.7, -71.2, -364.8, -62.9, -565.9, -1113.7, -757.8, -275.9), an inflow of 94.3 on
     * 02-28. In November, outflows up to -151.0 on 11-24, then inflows 11-25 (128.7), 11-26
     * (21.1), 11-28 (71.4; 11-27 Thanksgiving), 12-01, 12-02, and an outflow of -14.9 on 12-03.
     */
    @Test
    void readsTheFebruaryAndNovember2025OutflowsAsPublished() {
        MarketData data = new Staged().prices("BTC-USD").series("etf_flows", "etf_flows_btc.csv", "total").data();
        DataSignal streak = FLOWS.outflowStreak();
        DataSignal sum = FLOWS.netSum(7);
        DataSignal days = FLOWS.daysWithoutOutflow();
        DataSignal stopped = FLOWS.outflowsStopped(3);
        Probe probe = Probe.run(data, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 12, 5), streak, sum, days, stopped);

        LocalDate feb28 = LocalDate.of(2025, 2, 28);
        assertThat(probe.value(streak, feb28)).isEqualTo(8.0);
        assertThat(probe.value(sum, feb28)).isCloseTo(-62.9 - 565.9 - 1113.7 - 757.8 - 275.9, within(1e-9)); // 02-21 .. 02-27
        assertThat(probe.value(days, feb28)).isEqualTo(0.0);
        assertThat(probe.value(streak, feb28.plusDays(1))).isEqualTo(0.0);
        assertThat(probe.value(days, feb28.plusDays(1))).isEqualTo(1.0);

        assertThat(probe.value(streak, LocalDate.of(2025, 11, 19))).isEqualTo(5.0); // 11-12 .. 11-18
        assertThat(probe.value(days, LocalDate.of(2025, 11, 27))).isEqualTo(2.0);
        assertThat(probe.value(stopped, LocalDate.of(2025, 11, 27))).isEqualTo(0.0);
        assertThat(probe.value(stopped, LocalDate.of(2025, 11, 28))).isEqualTo(1.0); // 11-25, 11-26, 11-27 (Thanksgiving)
        assertThat(probe.value(stopped, LocalDate.of(2025, 12, 3))).isEqualTo(1.0);
        assertThat(probe.value(stopped, LocalDate.of(2025, 12, 4))).isEqualTo(0.0);
    }
}
