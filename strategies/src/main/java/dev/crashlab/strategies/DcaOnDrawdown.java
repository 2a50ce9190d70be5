package dev.crashlab.strategies;

import dev.crashlab.clock.Schedule;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.indicator.PriceField;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Position;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Dollar-cost averaging that buys the dip only: every period it spends {@code amount} on one
 * instrument, but only when the price is at least {@code threshold} below its running high. The
 * cash of periods that do not buy is saved, optional tiers spend more of it the deeper the dip,
 * and it never borrows. Plain weekly DCA is this class with {@code threshold = 0}.
 *
 * <p>Exactly: at the first step with a bar on or after each point of {@code period} (from the
 * backtest's start), it compares that bar's open with the running high, the highest close of the
 * bars before it (all of them, history included, or those of the {@code lookbackDays} calendar
 * days before it). It buys when {@code threshold == 0} or {@code open <= (1 − threshold) × high},
 * for {@code amount ×} the multiplier of the deepest tier whose drawdown is at most
 * {@code 1 − open / high} (1 without one), capped at the cash, with a cash-value market order
 * (next bar's open). With {@code takeProfit > 0}, a close at or above
 * {@code (1 + takeProfit) ×} the average cost sells the whole position.
 */
@StrategyName
public final class DcaOnDrawdown implements Strategy {

    /** A tier: dips of at least {@code drawdown} (a fraction, 0.35 is 35 %) spend {@code multiplier × amount}. */
    public record Tier(@Range(min = 0, max = 1) double drawdown, @Range(min = 0) double multiplier) {
    }

    /** The parameters of {@link DcaOnDrawdown}; strategies/README.md gives their defaults and meanings. */
    public record Params(String symbol, @Range(min = 0) double amount, Schedule period,
            @Range(min = 0, max = 1) double threshold, @Range(min = 0) int lookbackDays, List<Tier> tiers,
            @Range(min = 0) double takeProfit) {
        public Params {
            if (symbol == null || symbol.isBlank() || period == null) {
                throw new IllegalArgumentException("symbol and period must be given, got " + symbol + " and " + period);
            }
            if (!(amount > 0)) {
                throw new IllegalArgumentException("amount must be > 0, got " + amount);
            }
            if (!(threshold >= 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
            }
            if (lookbackDays < 0 || !(takeProfit >= 0)) {
                throw new IllegalArgumentException("lookbackDays and takeProfit must be >= 0, got " + lookbackDays + ", " + takeProfit);
            }
            tiers = tiers == null ? List.of() : tiers.stream().sorted(Comparator.comparingDouble(Tier::drawdown)).toList();
        }

        public Params() {
            this("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0, List.of(), 0);
        }
    }

    private final Params p;
    private Schedule.Tracker timer;
    private FastIndicator allTimeHigh;
    private int periodsDue;

    public DcaOnDrawdown(Params params) {
        this.p = params;
    }

    public DcaOnDrawdown() {
        this(new Params());
    }

    @Override
    public void init(StrategyContext ctx) {
        timer = p.period().tracker(ctx.start());
        if (p.lookbackDays() == 0) {
            allTimeHigh = ctx.indicators(p.symbol()).rollingMax(0, PriceField.CLOSE);
        }
    }

    @Override
    public void onBar(StrategyContext ctx) {
        periodsDue += timer.due(ctx.timeMillis());
        Bars bars = ctx.bars(p.symbol());
        if (!bars.isNew()) {
            return;
        }
        Position held = ctx.portfolio().position(p.symbol());
        if (p.takeProfit() > 0 && held.isLong() && bars.close() >= (1 + p.takeProfit()) * held.averageCost()) {
            ctx.closePosition(p.symbol());
        }
        if (periodsDue == 0) {
            return;
        }
        double open = bars.open();
        double high = allTimeHigh != null ? allTimeHigh.value(1) : runningHigh(bars, bars.date(bars.size() - 1));
        if (p.threshold() == 0 || open <= (1 - p.threshold()) * high) {
            double depth = 1 - open / high;
            double multiplier = p.tiers().stream().filter(t -> t.drawdown() <= depth)
                    .reduce((a, b) -> b).map(Tier::multiplier).orElse(1.0);
            double spend = Math.min(periodsDue * p.amount() * multiplier, ctx.portfolio().availableCash());
            if (spend > 0) {
                ctx.buyValue(p.symbol(), spend);
            }
        }
        periodsDue = 0;
    }

    /**
     * Returns the highest close of the bars of the {@code lookbackDays} calendar days before the
     * current bar (NaN if none). A window in calendar days is no fixed number of bars on a weekday
     * calendar, so it is scanned here, at most {@code lookbackDays} bars a period; the all-time high
     * comes from a rolling max instead, which does not rescan the whole history every period.
     */
    private double runningHigh(Bars bars, LocalDate today) {
        LocalDate from = today.minusDays(p.lookbackDays());
        double high = Double.NaN;
        for (int i = bars.size() - 2; i >= 0 && !bars.date(i).isBefore(from); i--) {
            high = Double.isNaN(high) ? bars.close(i) : Math.max(high, bars.close(i));
        }
        return high;
    }
}
