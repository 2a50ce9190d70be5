package dev.crashlab.results;

import java.time.Instant;
import java.util.List;

/**
 * The bars of the traded instruments over one window of a run, for a candlestick chart with its
 * indicator overlays: by default around the strategy's deepest drawdown (from
 * {@value #PADDING_DAYS} days before its peak to {@value #PADDING_DAYS} days after its trough),
 * the last {@value #DEFAULT_DAYS} days when it never fell, at most {@value #MAX_BARS} bars per
 * instrument (the last ones of the window); or the window a run's config names ({@code candles:
 * {from, to}}, UTC dates, both included), cut to the run's period: a window outside it holds no
 * bars.
 *
 * @param from     the window's first instant
 * @param to       the window's last instant
 * @param chosenBy {@value #DEEPEST_DRAWDOWN}, {@value #LAST_DAYS} or {@value #CONFIGURED}
 * @param series   one per traded instrument, in universe order
 */
public record CandleWindow(Instant from, Instant to, String chosenBy, List<CandleSeries> series) {

    /** The window chosen around the deepest drawdown of the strategy's time-weighted index. */
    public static final String DEEPEST_DRAWDOWN = "deepest drawdown";

    /** The window of the last days, for a run whose index never fell. */
    public static final String LAST_DAYS = "last days";

    /** The window the run's config names. */
    public static final String CONFIGURED = "config";

    /** Calendar days added before the drawdown's peak and after its trough. */
    public static final int PADDING_DAYS = 30;

    /** The days shown when the index never fell. */
    public static final int DEFAULT_DAYS = 180;

    /** The most bars kept per instrument. */
    public static final int MAX_BARS = 500;

    public CandleWindow {
        series = List.copyOf(series);
    }
}
