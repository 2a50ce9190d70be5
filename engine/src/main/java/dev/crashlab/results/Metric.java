package dev.crashlab.results;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A metric of {@code results.json}'s {@code metrics} object as reports show it: its field, a
 * label, how it is formatted, which direction is better (for marking the best run of a
 * comparison) and its definition, taken from the Javadoc of {@code dev.crashlab.metrics.Metrics},
 * which is the reference.
 *
 * @param group      the group it is listed under
 * @param field      the field name in results.json
 * @param value      reads the figure from a run's metrics
 * @param label      the row label
 * @param kind       how the value is formatted
 * @param better     +1 when higher is better, -1 when lower is better, 0 when neither
 * @param definition what the figure is, in a sentence or two
 */
public record Metric(String group, String field, ToDoubleFunction<RunMetrics> value, String label, MetricKind kind,
        int better, String definition) {

    private static final String R = "Period returns are time-weighted: r(t) = E(t) / (E(t-1) + F(t)) - 1, with E the equity at"
            + " each step's close and F the external flow arriving at the start of the step.";

    /** Every metric, in the order reports list them, group by group. */
    public static final List<Metric> ALL = List.of(
            new Metric("Return", "totalReturn", RunMetrics::totalReturn, "Total return", MetricKind.PERCENT, 1,
                    "Time-weighted total return: the product of (1 + r) over all steps, minus 1. " + R),
            new Metric("Return", "cagr", RunMetrics::cagr, "CAGR", MetricKind.PERCENT, 1,
                    "Compound annual growth rate: (1 + total return)^(365.25 / D) - 1, D = calendar days from the first to"
                            + " the last step."),
            new Metric("Return", "moneyWeightedReturn", RunMetrics::moneyWeightedReturn, "Money-weighted return (XIRR)",
                    MetricKind.PERCENT, 1,
                    "The annual rate (365-day years) that discounts the initial cash, every external flow at its step time"
                            + " and the final equity to a net present value of 0."),
            new Metric("Return", "finalEquity", RunMetrics::finalEquity, "Final equity",
                    MetricKind.MONEY, 1, "Equity at the last step's close."),
            new Metric("Return", "profit", RunMetrics::profit, "Profit",
                    MetricKind.MONEY, 1, "Final equity - initial cash - net contributions."),
            new Metric("Risk", "volatility", RunMetrics::volatility, "Volatility", MetricKind.PERCENT, -1,
                    "Annualised volatility: sample standard deviation of the period returns times the square root of the"
                            + " periods per year P."),
            new Metric("Risk", "sharpe", RunMetrics::sharpe, "Sharpe ratio", MetricKind.RATIO, 1,
                    "Annualised Sharpe ratio: (mean(r) - rf / P) / stdev(r) times the square root of P."),
            new Metric("Risk", "sortino", RunMetrics::sortino, "Sortino ratio", MetricKind.RATIO, 1,
                    "Annualised Sortino ratio: mean(r) / sqrt(mean(min(r, 0)^2)) times the square root of P."),
            new Metric("Risk", "maxDrawdown", RunMetrics::maxDrawdown, "Max drawdown", MetricKind.PERCENT, 1,
                    "The lowest value of I(t) / max(I(s), s <= t) - 1, where I is the time-weighted index, the running"
                            + " product of (1 + r). A value <= 0."),
            new Metric("Risk", "maxDrawdownDays", RunMetrics::maxDrawdownDays, "Longest drawdown (days)",
                    MetricKind.DAYS, -1,
                    "The longest time, in calendar days, from a peak of the time-weighted index to its recovery (or to"
                            + " the last step when it never recovered)."),
            new Metric("Risk", "calmar", RunMetrics::calmar, "Calmar ratio",
                    MetricKind.RATIO, 1, "CAGR / |max drawdown|."),
            new Metric("Account", "initialCash", RunMetrics::initialCash, "Initial cash",
                    MetricKind.MONEY, 0, "Cash at the start."),
            new Metric("Account", "netContributions", RunMetrics::netContributions, "Net contributions",
                    MetricKind.MONEY, 0,
                    "External flows over the run: contributions minus withdrawals."),
            new Metric("Account", "feesPaid", RunMetrics::feesPaid, "Fees paid",
                    MetricKind.MONEY, -1, "Fees, liquidation fees included."),
            new Metric("Account", "fundingPaid", RunMetrics::fundingPaid, "Funding paid", MetricKind.MONEY, -1,
                    "Carry: borrow and funding on shorts, interest on borrowed cash."),
            new Metric("Account", "liquidations", RunMetrics::liquidations, "Liquidations",
                    MetricKind.COUNT, -1, "Number of forced liquidations."),
            new Metric("Account", "exposure", RunMetrics::exposure, "Time in market", MetricKind.PERCENT, 0,
                    "The share of steps ending with any position."),
            new Metric("Account", "turnover", RunMetrics::turnover, "Turnover",
                    MetricKind.RATIO, 0, "Traded notional divided by mean equity."),
            new Metric("Trades", "trades", RunMetrics::trades, "Closed trades",
                    MetricKind.COUNT, 0, "Number of closed round-trip trades."),
            new Metric("Trades", "winRate", RunMetrics::winRate, "Win rate",
                    MetricKind.PERCENT, 1, "Share of closed trades with pnl > 0."),
            new Metric("Trades", "profitFactor", RunMetrics::profitFactor, "Profit factor", MetricKind.RATIO, 1,
                    "Sum of gains / |sum of losses| over closed trades."),
            new Metric("Trades", "averageWin", RunMetrics::averageWin, "Average win", MetricKind.PERCENT, 1,
                    "Mean return (pnl / entry value) of winning closed trades."),
            new Metric("Trades", "averageLoss", RunMetrics::averageLoss, "Average loss", MetricKind.PERCENT, 1,
                    "Mean return (pnl / entry value) of losing closed trades."),
            new Metric("Trades", "bestTrade", RunMetrics::bestTrade, "Best trade",
                    MetricKind.PERCENT, 1, "Best closed-trade return (pnl / entry value)."),
            new Metric("Trades", "worstTrade", RunMetrics::worstTrade, "Worst trade", MetricKind.PERCENT, 1,
                    "Worst closed-trade return (pnl / entry value)."),
            new Metric("Benchmark and conventions", "beta", RunMetrics::beta, "Beta", MetricKind.RATIO, 0,
                    "Beta of the period returns against the benchmark's (undefined without a benchmark)."),
            new Metric("Benchmark and conventions", "correlation", RunMetrics::correlation, "Correlation",
                    MetricKind.RATIO, 0,
                    "Correlation of the period returns with the benchmark's (undefined without a benchmark)."),
            new Metric("Benchmark and conventions", "periodsPerYear", RunMetrics::periodsPerYear, "Periods per year",
                    MetricKind.COUNT, 0,
                    "P used to annualise: 365 when the universe holds crypto, else 252, unless set."),
            new Metric("Benchmark and conventions", "riskFreeRate", RunMetrics::riskFreeRate, "Risk-free rate",
                    MetricKind.PERCENT, 0, "rf used by the Sharpe ratio, annual."));

    /** Returns the metric of {@code field}, if reports know it. */
    public static Optional<Metric> of(String field) {
        return ALL.stream().filter(m -> m.field.equals(field)).findFirst();
    }

    /** Returns the groups of {@link #ALL}, in order. */
    public static List<String> groups() {
        return ALL.stream().map(Metric::group).distinct().toList();
    }

    /** Returns this metric's figure in {@code metrics}: NaN when undefined. */
    public double of(RunMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /** Returns whether {@code candidate} is better than {@code incumbent}: higher when higher is better, else lower. */
    public boolean beats(double candidate, double incumbent) {
        return better > 0 ? candidate > incumbent : candidate < incumbent;
    }

    /** Returns the index of the best finite value of {@code values}, the first of equal ones, or -1 when none is finite. */
    public int bestOf(double[] values) {
        return bestOf(values, better);
    }

    /** Returns the index of the best finite value of {@code values} in direction {@code better} (as {@link #better}), the first of equal ones, or -1 when none is finite. */
    static int bestOf(double[] values, int better) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && (best < 0 || (better > 0 ? values[i] > values[best] : values[i] < values[best]))) {
                best = i;
            }
        }
        return best;
    }
}
