package dev.crashlab.execution;

import dev.crashlab.data.BarInterval;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Bridge bars are synthetic detail bars that assume each bar's price followed a Brownian bridge
 * from its open to its close, bent to touch exactly its high and its low: one seeded sample of
 * the paths a bar's O/H/L/C allows, used in place of real finer bars to see how much the unknown
 * order of events inside the bars matters.
 *
 * <h2>Construction</h2>
 * For each bar, a random walk of {@code subBars} Gaussian steps is pinned to zero at both ends
 * (the bridge {@code B(k) = W(k) − (k/m) W(m)}) and laid on the straight line from the open to the
 * close: {@code Y(k) = O + (C − O) k/m + s B(k)}. The increasing piecewise-linear map that sends
 * the walk's minimum, its two ends and its maximum to L, O or C, and H turns it into the bar's
 * path: it starts at the open, ends at the close and reaches exactly the high and the low, and
 * it keeps the walk's order of events, so the high comes first on the samples whose walk peaked
 * before it troughed. A walk that never went below both ends while the low is below the open and
 * the close gets its lowest inner point pushed below them (likewise for the high). Sub-bar k
 * runs from point k to point k + 1 in a straight line (its open and close; its extremes are
 * those two), so the sub-bars join without gaps.
 */
public final class BridgeBars {

    private BridgeBars() {
    }

    /**
     * Returns {@code subBars} bridge bars for each bar of {@code bars}, seeded by {@code seed}: the
     * same inputs give the same bars.
     *
     * @throws IllegalArgumentException when {@code subBars < 4}, or the bars' interval is not a whole number of
     *                                  milliseconds times {@code subBars}, or is a calendar month
     */
    public static OhlcvSeries of(OhlcvSeries bars, int subBars, long seed) {
        requireCuttable(bars, subBars);
        BarInterval interval = bars.interval();
        long step = interval.nominal().toMillis() / subBars;
        SplittableRandom random = new SplittableRandom(seed);
        OhlcvSeries.Builder out = OhlcvSeries.builder(bars.instrument())
                .source(new DataSource("bridge:" + bars.source().path() + "#" + seed, "", "bridge", true))
                .interval(BarInterval.of(java.time.Duration.ofMillis(step)));
        double[] y = new double[subBars + 1];
        for (int b = 0; b < bars.size(); b++) {
            path(bars.open(b), bars.high(b), bars.low(b), bars.close(b), y, random);
            long start = bars.timeMillis(b);
            double volume = bars.volume(b) / subBars;
            for (int k = 0; k < subBars; k++) {
                double o = y[k];
                double c = y[k + 1];
                out.add(Instant.ofEpochMilli(start + k * step), o, Math.max(o, c), Math.min(o, c), c, volume);
            }
        }
        return out.build();
    }

    /**
     * Fails unless {@code bars} can be cut into {@code subBars} bridge bars each: at least 4, of a
     * whole number of milliseconds, and not calendar months (whose length varies).
     *
     * @throws IllegalArgumentException naming the bars' interval and symbol when they cannot
     */
    public static void requireCuttable(OhlcvSeries bars, int subBars) {
        BarInterval interval = bars.interval();
        if (subBars < 4 || interval.isCalendarMonth() || interval.nominal().toMillis() % subBars != 0) {
            throw new IllegalArgumentException("cannot cut " + interval + " bars of " + bars.symbol() + " into " + subBars
                    + " sub-bars of whole milliseconds");
        }
    }

    /** Fills {@code y} (m + 1 points) with one bridge path from {@code open} to {@code close} touching {@code high} and {@code low}. */
    static void path(double open, double high, double low, double close, double[] y, SplittableRandom random) {
        int m = y.length - 1;
        double walk = 0;
        y[0] = 0;
        for (int k = 1; k <= m; k++) {
            walk += random.nextGaussian();
            y[k] = walk;
        }
        double end = y[m];
        double scale = (high - low) / Math.sqrt(m);
        for (int k = 0; k <= m; k++) {
            y[k] = open + (close - open) * k / m + scale * (y[k] - end * k / m);
        }
        y[0] = open;
        y[m] = close;
        double lowEnd = Math.min(open, close);
        double highEnd = Math.max(open, close);
        int lowest = 1;
        int highest = 1;
        for (int k = 1; k < m; k++) {
            lowest = y[k] < y[lowest] ? k : lowest;
            highest = y[k] > y[highest] ? k : highest;
        }
        // Push the lowest and highest inner points beyond both ends where the bar's range goes
        // beyond them (a bar's one inner point cannot be both: m >= 2 keeps them apart when both move).
        if (low < lowEnd && !(y[lowest] < lowEnd)) {
            y[lowest] = lowEnd - (highEnd - lowEnd + 1);
        }
        if (high > highEnd && !(y[highest] > highEnd)) {
            if (highest == lowest) {
                highest = lowest == 1 ? 2 % m : lowest - 1;
            }
            y[highest] = highEnd + (highEnd - lowEnd + 1);
        }
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        // Anchors of the increasing map: minimum -> low, lower end -> its price, upper end -> its
        // price, maximum -> high. Ends at the extremes (no inner point beyond) map onto them.
        double[] from = {yMin, lowEnd, highEnd, yMax};
        double[] to = {low, lowEnd, highEnd, high};
        for (int k = 0; k <= m; k++) {
            y[k] = k == 0 ? open : k == m ? close : map(y[k], from, to);
        }
    }

    private static double map(double v, double[] from, double[] to) {
        for (int a = 0; a < from.length - 1; a++) {
            if (v <= from[a + 1]) {
                double span = from[a + 1] - from[a];
                return span <= 0 ? to[a + 1] : to[a] + (to[a + 1] - to[a]) * (v - from[a]) / span;
            }
        }
        return to[to.length - 1];
    }
}
