package dev.crashlab.signals;

import dev.crashlab.indicator.RollingCorrelation;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Cross-asset contagion over a basket of instruments: whether they fall together and move
 * together, as in a systemic sell-off where US tech, gold, A-shares, Hong Kong and crypto are all
 * sold for cash. The default basket is {@link #DEFAULT_BASKET}.
 *
 * <pre>{@code
 * Contagion basket = Contagion.of("BTC-USD", "QQQ", "GLD", "HSI", "CSI300");
 * Condition systemic = basket.sellsTogether().atLeast(1);
 * }</pre>
 *
 * <p><b>Closes as of a date.</b> Each member is read through its bars as the context shows them:
 * its close "now" is its current bar's (an equity on a Saturday or a holiday keeps its last
 * closed bar), its close "as of" a date is that of its last bar dated on or before it. Nothing
 * later than the step's bars is ever read, and there is no lag: a daily bar is read at the step
 * of its date, after its close. <b>Missing data:</b> NaN while any member has no bar,
 * while a member's current bar is dated before T − maxAgeDays (default
 * {@value #DEFAULT_MAX_AGE_DAYS}: the longest closure in the staged data is 11 days, the CSI 300's
 * Lunar New Year of 2020, so its last bar is at most 10 days old), and while a member has no bar
 * as old as a window needs.
 *
 * @param members    the basket's symbols, at least two, as the config names them
 * @param maxAgeDays the oldest a member's current bar may be, in days before the step's date
 */
public record Contagion(List<String> members, int maxAgeDays) {

    /** US tech, gold, crypto, Hong Kong and A-shares: the markets the essay saw falling together. */
    public static final List<String> DEFAULT_BASKET = List.of("BTC-USD", "QQQ", "GLD", "HSI", "CSI300");

    /** The oldest a member's current bar may be: a Lunar New Year or Golden Week closure, and a day more. */
    public static final int DEFAULT_MAX_AGE_DAYS = 12;

    /** The fewest daily returns a pair needs for its correlation. */
    public static final int MIN_RETURNS = 5;

    public Contagion {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a basket needs at least two members, got " + members);
        }
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the basket of {@code members} with the default maximum age. */
    public static Contagion of(String... members) {
        return new Contagion(List.of(members), DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns this basket with another maximum age, in days. */
    public Contagion withMaxAgeDays(int days) {
        return new Contagion(members, days);
    }

    /**
     * Returns the share of the basket, in [0, 1], down more than {@code drop} (a fraction: 0.05 is
     * 5 %) over {@code days} calendar days: members whose close now over their close as of
     * T − days, minus 1, is below −drop. The old close must also be within maxAgeDays of T − days.
     */
    public DataSignal shareDown(double drop, int days) {
        return new ShareDown(this, fraction("drop", drop), Labels.atLeast("days", days, 1));
    }

    /**
     * Returns the average pairwise correlation of daily returns over {@code days} calendar days:
     * the mean, over all pairs of members, of the Pearson correlation (as
     * {@link dev.crashlab.indicator.RollingCorrelation} computes it) of their returns between
     * consecutive dates on which both have a bar. Each pair's returns end on the common dates in
     * [T − days + 1, T], each from the previous common date (which may lie before the window): a
     * 24/7 coin and an equity are compared Friday to Monday, over the same span, and a day only
     * one of them traded is not a zero return. A pair needs at least {@value #MIN_RETURNS} returns
     * and spread on both sides, else the signal is NaN. Closes are taken at each market's own
     * close, so same-date returns of Asian and US markets are hours apart, which lowers their
     * correlation.
     */
    public DataSignal averageCorrelation(int days) {
        return new AverageCorrelation(this, Labels.atLeast("days", days, 2));
    }

    /**
     * Returns 1 when everything sells together, else 0: {@code shareDown(drop, days)} is at least
     * {@code share} and {@code averageCorrelation(correlationDays)} at least {@code correlation}.
     * NaN when either is.
     */
    public DataSignal sellsTogether(double drop, int days, double share, int correlationDays, double correlation) {
        return new SellsTogether(new ShareDown(this, fraction("drop", drop), Labels.atLeast("days", days, 1)),
                fraction("share", share), new AverageCorrelation(this, Labels.atLeast("correlationDays", correlationDays, 2)),
                Labels.finite("correlation", correlation));
    }

    /**
     * Returns {@code sellsTogether(0.05, 7, 0.6, 30, 0.3)}: at least 3 of 5 members down more than
     * 5 % in a week, and an average 30-day correlation of at least 0.3. On the default basket
     * since 2016 that correlation's median is 0.13 and 0.3 its 90th percentile; both parts hold in
     * March 2020 and April 2025, rarely otherwise.
     */
    public DataSignal sellsTogether() {
        return sellsTogether(0.05, 7, 0.6, 30, 0.3);
    }

    private static double fraction(String parameter, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(parameter + " must be a fraction in [0, 1], got " + value);
        }
        return value;
    }

    private String label() {
        return String.join("/", members);
    }

    private record ShareDown(Contagion basket, double drop, int days) implements Explained {
        @Override
        public String name() {
            return "contagion.shareDown(" + basket.label() + ", >" + Labels.number(drop) + " over " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            int down = 0;
            for (String member : basket.members) {
                double change = Inputs.change(ctx, member, days, basket.maxAgeDays, why);
                if (Double.isNaN(change)) {
                    return Double.NaN;
                }
                down += change < -drop ? 1 : 0;
            }
            return (double) down / basket.members.size();
        }
    }

    private record AverageCorrelation(Contagion basket, int days) implements Explained {
        @Override
        public String name() {
            return "contagion.averageCorrelation(" + basket.label() + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            int n = basket.members.size();
            Bars[] bars = new Bars[n];
            for (int m = 0; m < n; m++) {
                bars[m] = Inputs.bars(ctx, basket.members.get(m), basket.maxAgeDays, why);
                if (bars[m] == null) {
                    return Double.NaN;
                }
            }
            LocalDate first = ctx.date().minusDays(days - 1);
            double[] x = new double[days];
            double[] y = new double[days];
            double sum = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    int count = commonReturns(bars[a], bars[b], first, x, y);
                    double r = count < MIN_RETURNS ? Double.NaN : correlation(x, y, count);
                    if (Double.isNaN(r)) {
                        Bars pa = bars[a];
                        Bars pb = bars[b];
                        return Why.nan(why, () -> pa.symbol() + "/" + pb.symbol() + ": " + count + " common daily returns in the "
                                + days + " days to " + ctx.date() + (count < MIN_RETURNS ? ", fewer than " + MIN_RETURNS
                                : ", one side without spread"));
                    }
                    sum += r;
                }
            }
            return sum / (n * (n - 1) / 2.0);
        }

        /** Returns the Pearson correlation of the first {@code count} pairs, NaN when a side has no spread. */
        private static double correlation(double[] x, double[] y, int count) {
            RollingCorrelation pairs = new RollingCorrelation(count, count);
            for (int k = 0; k < count; k++) {
                pairs.update(x[k], y[k]);
            }
            return pairs.value();
        }

        /**
         * Fills {@code x} and {@code y} with the returns of {@code a} and {@code b} ending on their
         * common dates on or after {@code first}, newest first, and returns how many.
         */
        private static int commonReturns(Bars a, Bars b, LocalDate first, double[] x, double[] y) {
            int count = 0;
            int later = -1;
            int laterB = -1;
            int i = a.size() - 1;
            int j = b.size() - 1;
            while (i >= 0 && j >= 0 && count < x.length) {
                int order = a.date(i).compareTo(b.date(j));
                if (order > 0) {
                    i--;
                } else if (order < 0) {
                    j--;
                } else {
                    if (later >= 0) {
                        x[count] = a.close(later) / a.close(i) - 1;
                        y[count] = b.close(laterB) / b.close(j) - 1;
                        count++;
                    }
                    if (a.date(i).isBefore(first)) {
                        break; // the start of the window's earliest return
                    }
                    later = i;
                    laterB = j;
                    i--;
                    j--;
                }
            }
            return count;
        }
    }

    private record SellsTogether(ShareDown shareDown, double share, AverageCorrelation correlation, double atLeast)
            implements Explained {
        @Override
        public String name() {
            return "contagion.sellsTogether(" + shareDown.name() + " >= " + Labels.number(share) + ", " + correlation.name()
                    + " >= " + Labels.number(atLeast) + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            double down = shareDown.compute(ctx, why);
            double together = correlation.compute(ctx, why);
            if (Double.isNaN(down) || Double.isNaN(together)) {
                return Double.NaN;
            }
            return down >= share && together >= atLeast ? 1 : 0;
        }
    }
}
