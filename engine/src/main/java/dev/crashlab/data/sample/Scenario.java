package dev.crashlab.data.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The assets and stylised events of crashlab's sample data: what {@code data/README.md}
 * documents. Changing a number here changes the committed files, which a test compares with a
 * fresh run, so such a change is a deliberate edit followed by regenerating {@code data/sample}.
 */
final class Scenario {

    /**
     * The six assets. Volatilities follow from loading and own volatility: per day
     * {@code sqrt(loading^2 + idioVol^2)} for crypto (BTC about 3.9 %, 75 % a year over 365 days;
     * ETH 89 %; SOL 119 %); equities gather about 1.45 calendar days of factor per session (QQQ
     * about 22 % a year over 252 sessions, MSTR 84 %, GLD 15 %).
     */
    static final List<AssetSpec> ASSETS = List.of(
            new AssetSpec(1, "BTC-USD", 7200, 0.45, 0.036, 0.015, 0, 0.35, 30_000),
            new AssetSpec(2, "ETH-USD", 130, 0.40, 0.040, 0.024, 0, 0.35, 400_000),
            new AssetSpec(3, "SOL-USD", 1.5, 0.75, 0.048, 0.040, 0, 0.35, 2_000_000),
            new AssetSpec(4, "QQQ", 210, 0.14, 0.0045, 0.0128, 0.35, 0.40, 40_000_000),
            new AssetSpec(5, "MSTR", 14.5, 0.40, 0.036, 0.030, 0.40, 0.40, 5_000_000),
            new AssetSpec(6, "GLD", 143, 0.09, 0.001, 0.0093, 0.30, 0.40, 9_000_000));

    /**
     * A three-week liquidity crash in which everything falls together, volatility more than
     * doubles, and ETF flows are outflows every trading day until three weeks after it.
     */
    static final Event CRASH = new Event("liquidity crash", LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 18),
            Map.of("BTC-USD", -0.45, "ETH-USD", -0.58, "SOL-USD", -0.65, "QQQ", -0.25, "MSTR", -0.60, "GLD", -0.07),
            2.2, LocalDate.of(2024, 11, 8));

    /** Altcoins stay down after the crash, so that on 1 December they sit far below their 90-day high. */
    static final Event ALTCOIN_SLUMP = new Event("altcoin slump", LocalDate.of(2024, 10, 19),
            LocalDate.of(2024, 11, 30), Map.of("ETH-USD", -0.05, "SOL-USD", -0.08), 1, null);

    /** Altcoins rally in the first half of December. */
    static final Event DECEMBER_REBOUND = new Event("December rebound", LocalDate.of(2024, 12, 1),
            LocalDate.of(2024, 12, 15), Map.of("ETH-USD", 0.32, "SOL-USD", 0.40), 1, null);

    /** ... and give most of it back by mid-January. */
    static final Event REBOUND_FADE = new Event("rebound fade", LocalDate.of(2024, 12, 16),
            LocalDate.of(2025, 1, 15), Map.of("ETH-USD", -0.25, "SOL-USD", -0.30), 1, null);

    /** The events in date order; their windows do not overlap. */
    static final List<Event> EVENTS = List.of(CRASH, ALTCOIN_SLUMP, DECEMBER_REBOUND, REBOUND_FADE);

    private Scenario() {
    }
}
