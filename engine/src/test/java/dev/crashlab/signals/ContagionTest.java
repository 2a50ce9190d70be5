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

/** A basket falling and moving together. */
class ContagionTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1); // a Monday, and an NYSE holiday

    /**
     * BTC and ETH every day 01-01 .. 01-14; QQQ on NYSE days from 01-02: 01-02 .. 01-05 and
     * 01-08 .. 01-12.
     */
    private static final MarketData DATA = MarketData.builder()
            .add(closes(crypto("BTC-USD"), JAN_1, 100, 102, 101, 99, 95, 90, 92, 94, 93, 96, 97, 99, 98, 100))
            .add(closes(crypto("ETH-USD"), JAN_1, 50, 52, 50, 49, 46, 44, 45, 47, 46, 48, 49, 50, 49, 51))
            .add(closes(equity("QQQ"), JAN_1, 200, 198, 195, 190, 192, 196, 194, 199, 200))
            .build();

    private static final Contagion BASKET = Contagion.of("QQQ", "BTC-USD", "ETH-USD");

    private static Probe probe(DataSignal... signals) {
        return Probe.run(DATA, JAN_1, JAN_1.plusDays(13), signals);
    }

    @Test
    void countsTheMembersDownMoreThanTheDropSinceTheirCloseAsOfTheStartDate() {
        DataSignal share = BASKET.shareDown(0.05, 3);
        Probe probe = probe(share);

        // Saturday 01-06: BTC 90 / 101 (01-03) and ETH 44 / 50 are down; QQQ's last close is Friday's 190 / 195 (-2.6 %).
        assertThat(probe.value(share, LocalDate.of(2024, 1, 6))).isEqualTo(2.0 / 3);
        // Monday 01-08: BTC 94 / 95 (Friday), ETH 47 / 46, QQQ 192 / 190.
        assertThat(probe.value(share, LocalDate.of(2024, 1, 8))).isEqualTo(0.0);
        assertThat(probe.reason(share, JAN_1)).isEqualTo("QQQ: no bar yet at 2024-01-01");
        assertThat(probe.reason(share, LocalDate.of(2024, 1, 4)))
                .isEqualTo("QQQ: no bar dated on or before 2024-01-01, 3 days before 2024-01-04");
    }

    @Test
    void correlatesEachPairOverTheDatesBothTraded() {
        DataSignal correlation = BASKET.averageCorrelation(7);
        Probe probe = probe(correlation);

        // Friday 01-12, window 01-06 .. 01-12. QQQ with a coin: returns ending 01-08 (from Friday 01-05) .. 01-12.
        double qqqBtc = pearson(new double[] {192 / 190.0, 196 / 192.0, 194 / 196.0, 199 / 194.0, 200 / 199.0},
                new double[] {94 / 95.0, 93 / 94.0, 96 / 93.0, 97 / 96.0, 99 / 97.0});
        double qqqEth = pearson(new double[] {192 / 190.0, 196 / 192.0, 194 / 196.0, 199 / 194.0, 200 / 199.0},
                new double[] {47 / 46.0, 46 / 47.0, 48 / 46.0, 49 / 48.0, 50 / 49.0});
        // The coins: every day, returns ending 01-06 .. 01-12.
        double btcEth = pearson(new double[] {90 / 95.0, 92 / 90.0, 94 / 92.0, 93 / 94.0, 96 / 93.0, 97 / 96.0, 99 / 97.0},
                new double[] {44 / 46.0, 45 / 44.0, 47 / 45.0, 46 / 47.0, 48 / 46.0, 49 / 48.0, 50 / 49.0});
        assertThat(probe.value(correlation, LocalDate.of(2024, 1, 12))).isCloseTo((qqqBtc + qqqEth + btcEth) / 3, within(1e-12));

        // Monday 01-08: QQQ's returns in 01-02 .. 01-08 end on 01-03, 01-04, 01-05, 01-08 (01-02 is its first bar).
        assertThat(probe.reason(correlation, LocalDate.of(2024, 1, 8)))
                .isEqualTo("QQQ/BTC-USD: 4 common daily returns in the 7 days to 2024-01-08, fewer than 5");
        assertThat(probe.value(correlation, LocalDate.of(2024, 1, 9))).isNotNaN();
    }

    @Test
    void keepsAnEquitysLastCloseOverTheWeekendUpToTheMaximumAge() {
        DataSignal lenient = BASKET.averageCorrelation(7);
        DataSignal strict = BASKET.withMaxAgeDays(1).averageCorrelation(7);
        Probe probe = probe(lenient, strict);

        assertThat(probe.value(lenient, LocalDate.of(2024, 1, 14))).isNotNaN();
        assertThat(probe.reason(strict, LocalDate.of(2024, 1, 13))).isNull();
        assertThat(probe.reason(strict, LocalDate.of(2024, 1, 14)))
                .isEqualTo("QQQ: last bar dated 2024-01-12, older than the 1-day maximum age at 2024-01-14");
    }

    @Test
    void sellsTogetherOnlyWhenBothPartsAreDefined() {
        DataSignal together = BASKET.sellsTogether(0.05, 3, 0.6, 7, 0);
        Probe probe = probe(together);

        assertThat(probe.value(together, LocalDate.of(2024, 1, 8))).isNaN(); // too few common returns for QQQ
        assertThat(probe.value(together, LocalDate.of(2024, 1, 12))).isEqualTo(0.0); // nothing is down
    }

    /**
     * Closes of BTC-USD, QQQ, GLD, HSI and CSI300 (the staged files) as of 2020-03-12 against
     * 2020-03-05: BTC -45.8 %, QQQ -16.2 %, GLD -6.2 %, HSI -9.2 %, CSI 300 -6.1 %: all five down
     * more than 5 %. The 30-day average pairwise correlation, computed from the files with the
     * same definition (returns between the dates both traded, ending in 2020-02-12 .. 03-12, 20 to
     * 22 per pair): 0.4859 on 03-12, 0.4087 on Saturday 03-14 (equities at their Friday close),
     * 0.4496 on 03-16; on 2020-02-20 only BTC was down (-6.1 %) and the correlation was -0.082.
     */
    @Test
    void seesEverythingSellingTogetherInMarch2020() {
        MarketData data = new Staged().prices("BTC-USD", "QQQ", "GLD", "HSI", "CSI300").data();
        Contagion basket = new Contagion(Contagion.DEFAULT_BASKET, Contagion.DEFAULT_MAX_AGE_DAYS);
        DataSignal share = basket.shareDown(0.05, 7);
        DataSignal correlation = basket.averageCorrelation(30);
        DataSignal together = basket.sellsTogether();
        Probe probe = Probe.run(data, LocalDate.of(2020, 2, 1), LocalDate.of(2020, 4, 30), share, correlation, together);

        LocalDate mar12 = LocalDate.of(2020, 3, 12);
        assertThat(probe.value(share, mar12)).isEqualTo(1.0);
        assertThat(probe.value(correlation, mar12)).isCloseTo(0.48587094489301014, within(1e-9));
        assertThat(probe.value(correlation, LocalDate.of(2020, 3, 14))).isCloseTo(0.4086912239334789, within(1e-9));
        assertThat(probe.value(correlation, LocalDate.of(2020, 3, 16))).isCloseTo(0.44961567804476127, within(1e-9));
        assertThat(probe.value(together, mar12)).isEqualTo(1.0);
        assertThat(probe.value(together, LocalDate.of(2020, 3, 16))).isEqualTo(1.0);

        LocalDate feb20 = LocalDate.of(2020, 2, 20);
        assertThat(probe.value(share, feb20)).isEqualTo(0.2);
        assertThat(probe.value(correlation, feb20)).isCloseTo(-0.08168640634441342, within(1e-9));
        assertThat(probe.value(together, feb20)).isEqualTo(0.0);
    }

    /** Pearson's correlation of two return series written out, the test's own oracle. */
    private static double pearson(double[] grossA, double[] grossB) {
        int n = grossA.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += (grossA[i] - 1) / n;
            mb += (grossB[i] - 1) / n;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            double a = grossA[i] - 1 - ma;
            double b = grossB[i] - 1 - mb;
            cov += a * b;
            va += a * a;
            vb += b * b;
        }
        return cov / Math.sqrt(va * vb);
    }
}
