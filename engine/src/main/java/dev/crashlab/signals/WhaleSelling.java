package dev.crashlab.signals;

import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * Whale selling pressure, read from one daily on-chain exchange-flow series against its own
 * past: {@code exchange_inflow_btc} (BTC sent to exchanges), {@code exchange_inflow_top10_btc}
 * (the ten largest inflows of the day) or {@code exchange_whale_ratio} (top-10 inflows / total
 * inflow) of {@code btc_exchange_flows.csv}. Coins moved to an exchange are coins that can be
 * sold; a day far above its usual level is selling pressure arriving.
 *
 * <pre>{@code
 * WhaleSelling inflows = WhaleSelling.of("exchange_inflow");
 * Condition pressure = inflows.zScore().atLeast(3);
 * Condition released = inflows.released(1, 3).atLeast(1);
 * }</pre>
 *
 * <p>All windows are anchored at the latest published value's date L, not at the step's date,
 * so each value is compared with the days before it; with the default publication rule a value
 * dated D is read from the step of D+1, so L is normally T − 1. <b>Missing data:</b> NaN while nothing is
 * published, while the latest value is dated before T − {@code maxAgeDays} (default
 * {@value #DEFAULT_MAX_AGE_DAYS}: the series has a value every day, normally 1 day old), and
 * until the series reaches back over a value's whole baseline.
 *
 * @param series       the name of the series in the run's data
 * @param baselineDays W, the calendar days of the trailing baseline each value is compared with
 * @param maxAgeDays   the oldest the latest value may be, in days before the step's date
 */
public record WhaleSelling(String series, int baselineDays, int maxAgeDays) {

    /** The default baseline, a quarter: long enough to hold a calm regime, short enough to follow its level. */
    public static final int DEFAULT_BASELINE_DAYS = 90;

    /** Days a daily crypto series may go without a new value (it is normally 1 day old at a step). */
    public static final int DEFAULT_MAX_AGE_DAYS = 3;

    public WhaleSelling {
        Objects.requireNonNull(series, "series");
        Labels.atLeast("baselineDays", baselineDays, 2);
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the series {@code series} with the default baseline and maximum age. */
    public static WhaleSelling of(String series) {
        return new WhaleSelling(series, DEFAULT_BASELINE_DAYS, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns this series with another baseline, in calendar days. */
    public WhaleSelling withBaselineDays(int days) {
        return new WhaleSelling(series, days, maxAgeDays);
    }

    /** Returns this series with another maximum age, in days. */
    public WhaleSelling withMaxAgeDays(int days) {
        return new WhaleSelling(series, baselineDays, days);
    }

    /**
     * Returns the z-score of the latest value x dated L: (x − mean) / s over the values dated in
     * [L − W, L − 1], s their sample standard deviation (n − 1). NaN when they have no spread.
     */
    public DataSignal zScore() {
        return new ZScore(this);
    }

    /** Returns the latest value itself, such as the whale ratio's level (a fraction of total inflow). */
    public DataSignal level() {
        return new Level(this);
    }

    /**
     * Returns 1 when the pressure is released: every value dated in the {@code days} days ending
     * at L, [L − days + 1, L], has a z-score (each against its own baseline, as {@link #zScore()})
     * below {@code threshold}; else 0. It also holds in calm markets, where there was nothing to
     * release; combine it with an earlier spike when that matters. Stateless: it reads the
     * series, not its own past answers, so it needs no asking at every step.
     */
    public DataSignal released(double threshold, int days) {
        return new Released(this, Labels.finite("threshold", threshold), Labels.atLeast("days", days, 1));
    }

    private PublishedSeries published(StrategyContext ctx, Why why) {
        return Inputs.series(ctx, series, maxAgeDays, why);
    }

    private record ZScore(WhaleSelling flows) implements Explained {
        @Override
        public String name() {
            return "whale.zScore(" + flows.series + ", " + flows.baselineDays + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            return s == null ? Double.NaN : Baseline.zScore(s, s.size() - 1, flows.baselineDays, why);
        }
    }

    private record Level(WhaleSelling flows) implements Explained {
        @Override
        public String name() {
            return "whale.level(" + flows.series + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            return s == null ? Double.NaN : s.latest();
        }
    }

    private record Released(WhaleSelling flows, double threshold, int days) implements Explained {
        @Override
        public String name() {
            return "whale.released(" + flows.series + ", z<" + Labels.number(threshold) + " for " + days + "d, "
                    + flows.baselineDays + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            if (s == null) {
                return Double.NaN;
            }
            boolean released = true;
            for (int i = Baseline.firstOfLastDays(s, days); i < s.size(); i++) {
                double z = Baseline.zScore(s, i, flows.baselineDays, why);
                if (Double.isNaN(z)) {
                    return Double.NaN;
                }
                released &= z < threshold;
            }
            return released ? 1 : 0;
        }
    }
}
