package dev.crashlab.signals;

import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Spot-ETF net flows as published: a daily series in US$ m on trading days only (Farside's
 * {@code total} column of {@code etf_flows_btc.csv}), negative on outflow days. The signals read
 * it at a step dated T (UTC) as the context shows it; with the default publication rule a value
 * dated D is first seen at the step of D+1.
 *
 * <pre>{@code
 * EtfFlows flows = EtfFlows.of("etf_flows");
 * Condition stopped = flows.outflowsStopped(3).atLeast(1);
 * }</pre>
 *
 * <p><b>Missing data.</b> Every signal is NaN while nothing is published and while the latest
 * value is dated before T − {@code maxAgeDays}; the default of {@value #DEFAULT_MAX_AGE_DAYS} days
 * lets a Friday figure stand over a long weekend (it is 4 days old at a Tuesday step after a
 * Monday holiday) with a day to spare.
 *
 * @param series     the name of the flow series in the run's data
 * @param maxAgeDays the oldest the latest value may be, in days before the step's date
 */
public record EtfFlows(String series, int maxAgeDays) {

    /** Days a trading-day series may go without a new value: a long weekend's 4 and one more. */
    public static final int DEFAULT_MAX_AGE_DAYS = 5;

    public EtfFlows {
        Objects.requireNonNull(series, "series");
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the flows of {@code series} with the default maximum age. */
    public static EtfFlows of(String series) {
        return new EtfFlows(series, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns these flows with another maximum age, in days. */
    public EtfFlows withMaxAgeDays(int days) {
        return new EtfFlows(series, days);
    }

    /**
     * Returns the net flow of the last {@code days} calendar days: the sum of the values dated in
     * [T − days, T − 1] ({@link PublishedSeries#sumOverDays}); days without a value add nothing.
     * NaN until the series reaches back to T − days (its first value is dated on or before it).
     */
    public DataSignal netSum(int days) {
        return new NetSum(this, Labels.atLeast("days", days, 1));
    }

    /**
     * Returns the outflow streak: how many of the latest published values, counting back from
     * the newest, are below zero without interruption ({@link PublishedSeries#negativeStreak}).
     * Days without a value neither extend nor break it.
     */
    public DataSignal outflowStreak() {
        return new OutflowStreak(this);
    }

    /**
     * Returns the days without an outflow, up to the step: each calendar day carries the value in
     * force then (the latest dated on or before it; a weekend or holiday carries the trading day
     * before it), and this counts the days from T − 1 back that carry no negative value. Exactly:
     * 0 when the latest value is negative; else T − S, where S is the date of the first value
     * after the latest negative one, or of the first value when none is negative.
     */
    public DataSignal daysWithoutOutflow() {
        return new DaysWithoutOutflow(this);
    }

    /**
     * Returns 1 when outflows have stopped for {@code days} days, else 0: none of the days
     * T − days .. T − 1 carries a negative value, each day carrying the value in force then as in
     * {@link #daysWithoutOutflow()} (which is at least {@code days}). So a Friday outflow still
     * counts on the weekend, and {@code outflowsStopped(3)} after a Friday outflow and inflows on
     * Monday and Tuesday holds from Thursday's step on (days Mon, Tue, Wed).
     */
    public DataSignal outflowsStopped(int days) {
        return new OutflowsStopped(new DaysWithoutOutflow(this), Labels.atLeast("days", days, 1));
    }

    private PublishedSeries published(StrategyContext ctx, Why why) {
        return Inputs.series(ctx, series, maxAgeDays, why);
    }

    private record NetSum(EtfFlows flows, int days) implements Explained {
        @Override
        public String name() {
            return "etf.netSum(" + flows.series + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            if (s == null || !Inputs.covers(s, ctx.date().minusDays(days), why)) {
                return Double.NaN;
            }
            return s.sumOverDays(ctx.date(), days);
        }
    }

    private record OutflowStreak(EtfFlows flows) implements Explained {
        @Override
        public String name() {
            return "etf.outflowStreak(" + flows.series + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            return s == null ? Double.NaN : s.negativeStreak();
        }
    }

    private record DaysWithoutOutflow(EtfFlows flows) implements Explained {
        @Override
        public String name() {
            return "etf.daysWithoutOutflow(" + flows.series + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = flows.published(ctx, why);
            if (s == null) {
                return Double.NaN;
            }
            int lastOutflow = s.size() - 1;
            while (lastOutflow >= 0 && s.value(lastOutflow) >= 0) {
                lastOutflow--;
            }
            if (lastOutflow == s.size() - 1) {
                return 0;
            }
            LocalDate since = s.date(lastOutflow + 1);
            return ChronoUnit.DAYS.between(since, ctx.date());
        }
    }

    private record OutflowsStopped(DaysWithoutOutflow without, int days) implements Explained {
        @Override
        public String name() {
            return "etf.outflowsStopped(" + without.flows.series + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            double quiet = without.compute(ctx, why);
            return Double.isNaN(quiet) ? Double.NaN : quiet >= days ? 1 : 0;
        }
    }
}
