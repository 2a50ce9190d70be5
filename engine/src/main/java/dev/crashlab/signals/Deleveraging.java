package dev.crashlab.signals;

import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * Deleveraging: leverage leaving the derivatives market, read from three daily series (all
 * exchanges, BTC): open interest in US$ ({@code open_interest_usd} of {@code btc_funding_oi.csv},
 * from 2019-03-30), the perpetual funding rate in percent per 8 hours as exported
 * ({@code funding_rate}: {@code 0.01} is the usual 0.01 % baseline), and long liquidations in US$
 * ({@code btc_long_liq_usd} of {@code liquidations_daily.csv}). After a crash, open interest far
 * below its recent high, funding back near neutral and a liquidation spike that has subsided say
 * that forced sellers are gone.
 *
 * <pre>{@code
 * Condition flushed = Deleveraging.openInterest("btc_oi").drawdown(30).atMost(-0.25)
 *         .and(Deleveraging.funding("btc_funding").neutral(3).atLeast(1))
 *         .and(Deleveraging.longLiquidations("btc_long_liq").capitulationSubsiding().atLeast(1));
 * }</pre>
 *
 * <p>Windows are anchored at the latest published value's date L; with the default publication
 * rule a value dated D is read from the step of D+1, so L is normally T − 1. <b>Missing data:</b> every
 * signal is NaN while nothing is published, while the latest value is dated before
 * T − maxAgeDays (default {@value #DEFAULT_MAX_AGE_DAYS}: daily series, normally 1 day old), and
 * until the series reaches back over the whole window or baseline it needs.
 */
public final class Deleveraging {

    /** Days a daily crypto series may go without a new value (it is normally 1 day old at a step). */
    public static final int DEFAULT_MAX_AGE_DAYS = 3;

    private Deleveraging() {
    }

    /** Returns the open-interest series {@code series} with the default maximum age. */
    public static OpenInterest openInterest(String series) {
        return new OpenInterest(series, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns the funding-rate series {@code series} with the default maximum age. */
    public static Funding funding(String series) {
        return new Funding(series, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns the long-liquidation series {@code series} with the default baseline and maximum age. */
    public static Liquidations longLiquidations(String series) {
        return new Liquidations(series, Liquidations.DEFAULT_BASELINE_DAYS, DEFAULT_MAX_AGE_DAYS);
    }

    /**
     * Open interest, in US$.
     *
     * @param series     the name of the series in the run's data
     * @param maxAgeDays the oldest the latest value may be, in days before the step's date
     */
    public record OpenInterest(String series, int maxAgeDays) {

        public OpenInterest {
            Objects.requireNonNull(series, "series");
            Labels.atLeast("maxAgeDays", maxAgeDays, 0);
        }

        /** Returns this series with another maximum age, in days. */
        public OpenInterest withMaxAgeDays(int days) {
            return new OpenInterest(series, days);
        }

        /**
         * Returns the drawdown from the trailing {@code days}-day high, a fraction &lt;= 0:
         * x(L) / max of the values dated in [L − days + 1, L] − 1 (the latest included, as
         * {@code drawdownFromHigh} includes the current bar).
         */
        public DataSignal drawdown(int days) {
            return new OiDrawdown(this, Labels.atLeast("days", days, 1));
        }
    }

    /**
     * The perpetual funding rate, in the series' own unit (the staged file: percent per 8 hours).
     *
     * @param series     the name of the series in the run's data
     * @param maxAgeDays the oldest the latest value may be, in days before the step's date
     */
    public record Funding(String series, int maxAgeDays) {

        /**
         * The half-width of the neutral band, in percent per 8 hours: 0.01 is the interest part of
         * the usual perpetual formula, what funding is when the contract trades at the index, so
         * inside ±0.01 neither side pays a premium for its leverage. The staged history since 2020
         * has its quartiles at 0.0017 and 0.0105.
         */
        public static final double NEUTRAL = 0.01;

        public Funding {
            Objects.requireNonNull(series, "series");
            Labels.atLeast("maxAgeDays", maxAgeDays, 0);
        }

        /** Returns this series with another maximum age, in days. */
        public Funding withMaxAgeDays(int days) {
            return new Funding(series, days);
        }

        /**
         * Returns 1 when every value dated in the {@code days} days ending at L, [L − days + 1, L],
         * lies in [{@code low}, {@code high}], else 0.
         */
        public DataSignal within(double low, double high, int days) {
            if (!(Labels.finite("low", low) <= Labels.finite("high", high))) {
                throw new IllegalArgumentException("low must be at most high, got [" + low + ", " + high + "]");
            }
            return new FundingWithin(this, low, high, Labels.atLeast("days", days, 1));
        }

        /** Returns {@code within(-NEUTRAL, NEUTRAL, days)}: funding back to neutral for {@code days} days. */
        public DataSignal neutral(int days) {
            return within(-NEUTRAL, NEUTRAL, days);
        }
    }

    /**
     * Long liquidations, in US$ a day, against their trailing median. A ratio to the median
     * rather than a z-score: daily liquidations are so heavy-tailed (a typical day $15–35 m, the
     * worst over $1 bn) that one spike inflates a window's standard deviation for months and mutes
     * the z-score of the next; the median ignores it, and "40 times a usual day" reads directly.
     *
     * @param series       the name of the series in the run's data
     * @param baselineDays W, the calendar days of the trailing baseline
     * @param maxAgeDays   the oldest the latest value may be, in days before the step's date
     */
    public record Liquidations(String series, int baselineDays, int maxAgeDays) {

        /** The default baseline, a quarter. */
        public static final int DEFAULT_BASELINE_DAYS = 90;

        /**
         * The default capitulation: 10 times the baseline median. Since mid-2019 about 3 % of days
         * reach it (the 99th percentile is 15); every named crash day does (2020-03-12: 58,
         * 2021-05-19: 12, 2022-06-13: 14, 2025-10-10: 43).
         */
        public static final double DEFAULT_SPIKE = 10;

        /** The default window in which a capitulation counts as recent: two weeks. */
        public static final int DEFAULT_WITHIN_DAYS = 14;

        /** The default level the latest day must be back below: twice the median, an ordinary busy day. */
        public static final double DEFAULT_SUBSIDED = 2;

        public Liquidations {
            Objects.requireNonNull(series, "series");
            Labels.atLeast("baselineDays", baselineDays, 1);
            Labels.atLeast("maxAgeDays", maxAgeDays, 0);
        }

        /** Returns this series with another baseline, in calendar days. */
        public Liquidations withBaselineDays(int days) {
            return new Liquidations(series, days, maxAgeDays);
        }

        /** Returns this series with another maximum age, in days. */
        public Liquidations withMaxAgeDays(int days) {
            return new Liquidations(series, baselineDays, days);
        }

        /**
         * Returns the latest value over the median of the values dated in [L − W, L − 1], the
         * latest excluded. NaN when that median is not positive. A capitulation is
         * {@code ratio().atLeast(DEFAULT_SPIKE)}.
         */
        public DataSignal ratio() {
            return new LiquidationRatio(this);
        }

        /**
         * Returns 1 when a capitulation happened and has subsided: some value dated in
         * [L − withinDays + 1, L] has a ratio (each to its own baseline, as {@link #ratio()}) of
         * at least {@code spike}, and the latest ratio is below {@code subsided}; else 0.
         */
        public DataSignal capitulationSubsiding(double spike, int withinDays, double subsided) {
            return new CapitulationSubsiding(this, Labels.finite("spike", spike), Labels.atLeast("withinDays", withinDays, 1),
                    Labels.finite("subsided", subsided));
        }

        /** Returns {@code capitulationSubsiding(DEFAULT_SPIKE, DEFAULT_WITHIN_DAYS, DEFAULT_SUBSIDED)}. */
        public DataSignal capitulationSubsiding() {
            return capitulationSubsiding(DEFAULT_SPIKE, DEFAULT_WITHIN_DAYS, DEFAULT_SUBSIDED);
        }
    }

    private record OiDrawdown(OpenInterest oi, int days) implements Explained {
        @Override
        public String name() {
            return "deleveraging.oiDrawdown(" + oi.series + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = Inputs.series(ctx, oi.series, oi.maxAgeDays, why);
            if (s == null) {
                return Double.NaN;
            }
            double[] window = Inputs.lastDays(s, days, why);
            if (window == null) {
                return Double.NaN;
            }
            double high = Double.NEGATIVE_INFINITY;
            for (double v : window) {
                high = Math.max(high, v);
            }
            return high > 0 ? s.latest() / high - 1
                    : Why.nan(why, () -> oi.series + ": no positive value in the " + days + " days to " + s.latestDate());
        }
    }

    private record FundingWithin(Funding funding, double low, double high, int days) implements Explained {
        @Override
        public String name() {
            return "deleveraging.fundingWithin(" + funding.series + ", [" + Labels.number(low) + ", " + Labels.number(high)
                    + "], " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = Inputs.series(ctx, funding.series, funding.maxAgeDays, why);
            if (s == null) {
                return Double.NaN;
            }
            double[] window = Inputs.lastDays(s, days, why);
            if (window == null) {
                return Double.NaN;
            }
            for (double v : window) {
                if (v < low || v > high) {
                    return 0;
                }
            }
            return 1;
        }
    }

    private record LiquidationRatio(Liquidations liquidations) implements Explained {
        @Override
        public String name() {
            return "deleveraging.liquidationRatio(" + liquidations.series + ", " + liquidations.baselineDays + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = Inputs.series(ctx, liquidations.series, liquidations.maxAgeDays, why);
            return s == null ? Double.NaN : Baseline.ratioToMedian(s, s.size() - 1, liquidations.baselineDays, why);
        }
    }

    private record CapitulationSubsiding(Liquidations liquidations, double spike, int withinDays, double subsided)
            implements Explained {
        @Override
        public String name() {
            return "deleveraging.capitulationSubsiding(" + liquidations.series + ", >=" + Labels.number(spike) + "x within "
                    + withinDays + "d, now <" + Labels.number(subsided) + "x, " + liquidations.baselineDays + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = Inputs.series(ctx, liquidations.series, liquidations.maxAgeDays, why);
            if (s == null) {
                return Double.NaN;
            }
            boolean spiked = false;
            double ratio = Double.NaN;
            for (int i = Baseline.firstOfLastDays(s, withinDays); i < s.size(); i++) {
                ratio = Baseline.ratioToMedian(s, i, liquidations.baselineDays, why);
                if (Double.isNaN(ratio)) {
                    return Double.NaN;
                }
                spiked |= ratio >= spike;
            }
            return spiked && ratio < subsided ? 1 : 0;
        }
    }
}
