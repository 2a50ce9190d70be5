package dev.crashlab.signals;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.equity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A treasury company's mNAV as knowable at the time, and its fallback on prices. */
class DatStressTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /**
     * The source's mNAV on trading days 01-02 .. 01-05; its holdings jump to 120 on 01-04, but the
     * filing saying so is dated 01-05 (seen from 01-06), and it has no holdings for 01-03. MSTR
     * trades on NYSE days from 01-02, BTC every day.
     */
    private static final MarketData DATA = MarketData.builder()
            .add(closes(crypto("BTC-USD"), JAN_1, 100, 100, 90, 100, 110, 110, 110, 100, 100, 105, 100))
            .add(closes(equity("MSTR"), JAN_1, 40, 36, 30, 33, 20, 22, 21, 15))
            .add(Hand.series("mnav", "2024-01-02 2.0", "2024-01-03 1.5", "2024-01-04 1.1", "2024-01-05 1.0"))
            .add(Hand.series("held", "2024-01-02 100", "2024-01-04 120", "2024-01-05 120"))
            .add(Hand.series("filings", "2024-01-01 100", "2024-01-05 120"))
            .build();

    private static final DatStress MSTR = DatStress.of("mnav", "held", "filings");

    private static Probe probe(DataSignal... signals) {
        return Probe.run(DATA, JAN_1, JAN_1.plusDays(10), signals);
    }

    @Test
    void dividesTheCryptoNavAgainByTheHoldingsOfTheLastPublishedFiling() {
        DataSignal mnav = MSTR.knowableMnav();

        // 01-05 sees the 01-04 row: 1.1 x 120 held by the source / 100 filed by then.
        assertThat(probe(mnav).values(mnav)).containsExactly(Double.NaN, Double.NaN, 2.0, Double.NaN, 1.1 * 120 / 100, 1.0, 1.0,
                1.0, 1.0, 1.0, Double.NaN);
    }

    @Test
    void explainsAMissingHoldingAndAStaleMnav() {
        DataSignal mnav = MSTR.knowableMnav();
        Probe probe = probe(mnav);

        assertThat(probe.reason(mnav, JAN_1)).isEqualTo("mnav: no value published yet at 2024-01-01");
        assertThat(probe.reason(mnav, LocalDate.of(2024, 1, 4)))
                .isEqualTo("held: no value dated 2024-01-03, the date of the latest mnav");
        assertThat(probe.reason(mnav, LocalDate.of(2024, 1, 11)))
                .isEqualTo("mnav: last value dated 2024-01-05, older than the 5-day maximum age at 2024-01-11");
    }

    @Test
    void measuresMstrAgainstBtcFromItsHighOverMstrsTradingDates() {
        DataSignal ratio = MSTR.mstrToBtcFromHigh(3);
        Probe probe = probe(ratio);

        // 01-04: 40/100, 36/90, 30/100. Saturday 01-06: MSTR's Friday bar, 01-03 .. 01-05: 36/90, 30/100, 33/110.
        assertThat(probe.value(ratio, LocalDate.of(2024, 1, 4))).isCloseTo(0.3 / 0.4 - 1, within(1e-12));
        assertThat(probe.value(ratio, LocalDate.of(2024, 1, 6))).isCloseTo(0.3 / 0.4 - 1, within(1e-12));
        assertThat(probe.value(ratio, LocalDate.of(2024, 1, 8))).isEqualTo(0.0); // 01-06 .. 01-08 holds Monday alone
        // 01-11: 22/100, 21/105, 15/100.
        assertThat(probe.value(ratio, LocalDate.of(2024, 1, 11))).isCloseTo(0.15 / 0.22 - 1, within(1e-12));
        assertThat(probe.reason(ratio, LocalDate.of(2024, 1, 3)))
                .isEqualTo("MSTR: first bar dated 2024-01-02, after 2024-01-01, the first day of the 3-day window");
    }

    @Test
    void fallsBackOnPricesWhereTheMnavIsUndefined() {
        DataSignal zone = MSTR.zone(1.2, 0.2, 3);
        Probe probe = probe(zone);

        // mNAV 2.0, (none: fallback -25 %), 1.32, then 1.0 until it is too old on 01-11: fallback -32 %.
        assertThat(probe.values(zone)).containsExactly(Double.NaN, Double.NaN, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(probe.reason(zone, JAN_1)).isEqualTo(
                "mnav: no value published yet at 2024-01-01; and the fallback: MSTR: no bar yet at 2024-01-01");
    }

    /**
     * dat/mstr_mnav_daily.csv: mNAV 1.1719 on 2025-11-13 with 641,473 BTC; the last filing
     * published by 11-14 is dated 11-10 (641,692 BTC). On 2021-01-05 the file has 70,470 BTC
     * (from the 8-K of 2020-12-21, missing from the filings file) and mNAV 1.629; the last filing
     * is 40,824 BTC (2020-12-04). MSTR/BTC (MSTR.csv over BTC-USD.csv) on 2025-11-13 is
     * 0.0020928, 58.3 % below its 365-day high of 0.0050205 (2024-11-20). The file ends on
     * 2026-01-26 and BTC-USD.csv on 2025-12-17; with BTC-USD_cryptoquant.csv, MSTR/BTC on
     * 2026-02-05 is 58.2 % below its high (2025-05-05).
     */
    @Test
    void readsStrategysMnavAsKnowableFrom2020To2026() {
        Staged staged = new Staged().prices("BTC-USD", "MSTR").series("mnav", "dat/mstr_mnav_daily.csv", "mnav")
                .series("held", "dat/mstr_mnav_daily.csv", "btcHoldings")
                .series("filings", "dat/mstr_btc_holdings_filings.csv", "holdings");
        DataSignal mnav = MSTR.knowableMnav();
        DataSignal ratio = MSTR.mstrToBtcFromHigh(365);
        DataSignal zone = MSTR.zone();
        Probe probe = Probe.run(staged.data(), LocalDate.of(2020, 9, 1), LocalDate.of(2025, 12, 17), mnav, ratio, zone);

        assertThat(probe.value(mnav, LocalDate.of(2025, 11, 14))).isCloseTo(1.1719 * 641_473 / 641_692, within(1e-12));
        assertThat(probe.value(mnav, LocalDate.of(2021, 1, 6))).isCloseTo(1.629 * 70_470 / 40_824, within(1e-12));
        assertThat(probe.value(ratio, LocalDate.of(2025, 11, 13))).isCloseTo(-0.5831357453777363, within(1e-9));
        assertThat(probe.value(zone, LocalDate.of(2025, 10, 11))).isEqualTo(0.0); // mNAV 1.45
        assertThat(probe.value(zone, LocalDate.of(2025, 11, 14))).isEqualTo(1.0); // mNAV 1.17
        assertThat(probe.reason(mnav, LocalDate.of(2020, 9, 30))).isEqualTo("mnav: no value published yet at 2020-09-30");

        DataSignal later = MSTR.withPrices("MSTR", "BTC-USD_cryptoquant").zone();
        Probe after = Probe.run(staged.prices("BTC-USD_cryptoquant").data(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10),
                zone, later);
        LocalDate feb5 = LocalDate.of(2026, 2, 5);
        assertThat(after.reason(zone, feb5)).isEqualTo("mnav: last value dated 2026-01-26, older than the 5-day maximum age"
                + " at 2026-02-05; and the fallback: BTC-USD: last bar dated 2025-12-17, older than the 5-day maximum age"
                + " at 2026-02-05");
        assertThat(after.value(later, feb5)).isEqualTo(1.0); // MSTR/BTC 58.2 % below its high
    }
}
