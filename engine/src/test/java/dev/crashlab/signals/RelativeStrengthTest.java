package dev.crashlab.signals;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An altcoin's change against bitcoin's. */
class RelativeStrengthTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /** BTC and SOL from 01-01; AVAX only from 01-03; DOGE only 01-01 and 01-02. */
    private static final MarketData DATA = MarketData.builder()
            .add(closes(crypto("BTC-USD"), JAN_1, 100, 90, 80, 88, 90, 90))
            .add(closes(crypto("SOL-USD"), JAN_1, 10, 8, 8.8, 9.9, 10, 10))
            .add(closes(crypto("AVAX-USD"), JAN_1.plusDays(2), 20, 21, 22, 23))
            .add(closes(crypto("DOGE-USD"), JAN_1, 1, 1))
            .build();

    private static final RelativeStrength VS_BTC = RelativeStrength.vs("BTC-USD");

    @Test
    void dividesTheAltcoinsChangeByBitcoins() {
        DataSignal sol = VS_BTC.of("SOL-USD", 2);
        Probe probe = Probe.run(DATA, JAN_1, JAN_1.plusDays(5), sol);

        assertThat(probe.value(sol, LocalDate.of(2024, 1, 3))).isCloseTo((8.8 / 10) / (80.0 / 100) - 1, within(1e-12));
        assertThat(probe.value(sol, LocalDate.of(2024, 1, 4))).isCloseTo((9.9 / 8) / (88.0 / 90) - 1, within(1e-12));
        assertThat(probe.reason(sol, JAN_1)).isEqualTo("SOL-USD: no bar dated on or before 2023-12-30, 2 days before 2024-01-01");
        assertThat(sol.name()).isEqualTo("alt.vs(SOL-USD/BTC-USD, 2d)");
    }

    @Test
    void isUndefinedBeforeTheAltcoinsFirstBarAndAfterItsLast() {
        DataSignal avax = VS_BTC.of("AVAX-USD", 2);
        DataSignal doge = VS_BTC.of("DOGE-USD", 1);
        Probe probe = Probe.run(DATA, JAN_1, JAN_1.plusDays(5), avax, doge);

        assertThat(probe.reason(avax, JAN_1.plusDays(1))).isEqualTo("AVAX-USD: no bar yet at 2024-01-02");
        assertThat(probe.value(avax, JAN_1.plusDays(4))).isCloseTo((22.0 / 20) / (90.0 / 80) - 1, within(1e-12));
        assertThat(probe.value(doge, JAN_1.plusDays(1))).isCloseTo(1 / 0.9 - 1, within(1e-12));
        assertThat(probe.reason(doge, JAN_1.plusDays(5)))
                .isEqualTo("DOGE-USD: last bar dated 2024-01-02, older than the 3-day maximum age at 2024-01-06");
    }

    /**
     * Binance SOL/USDT (SOL-USD.csv) and BTC-USD.csv: on 2025-11-21 SOL 128.68 against 180.12 on
     * 10-22, BTC 85,087.62 against 107,604.16: SOL 9.7 % weaker. On 2022-11-09 (FTX) SOL 14.08
     * against 31.96 on 10-10, BTC 15,820.02 against 19,131.36: 46.7 % weaker.
     */
    @Test
    void readsSolanaAgainstBitcoinInNovember2022And2025() {
        MarketData data = new Staged().prices("BTC-USD", "SOL-USD").data();
        DataSignal sol = VS_BTC.of("SOL-USD", 30);
        Probe probe = Probe.run(data, LocalDate.of(2022, 11, 1), LocalDate.of(2025, 11, 30), sol);

        assertThat(probe.value(sol, LocalDate.of(2025, 11, 21))).isCloseTo((128.68 / 180.12) / (85_087.62 / 107_604.16) - 1,
                within(1e-12));
        assertThat(probe.value(sol, LocalDate.of(2022, 11, 9))).isCloseTo((14.08 / 31.96) / (15_820.02 / 19_131.36) - 1,
                within(1e-12));
    }
}
