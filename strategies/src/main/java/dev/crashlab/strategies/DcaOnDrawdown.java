package dev.crashlab.strategies;

import dev.crashlab.clock.Schedule;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.indicator.PriceField;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
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
    public record Tier(@Range(min = 0, max = 1) double drawdown, @Range(min = 0) double multiplier) { }

    /** The parameters of {@link DcaOnDrawdown}; strategies/README.md gives their meanings. */
    public record Params(String symbol, @Range(min = 0, minExcluded = true) double amount, Schedule period,
            @Range(min = 0, max = 1, maxExcluded = true) double threshold, @Range(min = 0) int lookbackDays,
            List<Tier> tiers, @Range(min = 0) double takeProfit) {
        public static final Params DEFAULTS = new Params("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0, List.of(), 0);

        /** Keeps the tiers in order of depth, the deepest last. */
        public Params {
            tiers = tiers == null ? null : tiers.stream().sorted(Comparator.comparingDouble(Tier::drawdown)).toList();
        }
    }

    private final Params p;
    /** Whether a purchase depends on the running high: plain DCA (no threshold, no tiers) does not. */
    private final boolean readsHigh;
    private Schedule.Tracker timer;
    private Bars bars;
    private FastIndicator allTimeHigh;
    private int periodsDue;

    public DcaOnDrawdown(Params params) {
        this.p = Parameters.check(params);
        this.readsHigh = p.threshold() > 0 || !p.tiers().isEmpty();
    }

    @Override
    public void init(StrategyContext ctx) {
        timer = p.period().tracker(ctx.start());
        bars = ctx.bars(p.symbol()); // a live view: it reaches the current bar at every step
        if (readsHigh && p.lookbackDays() == 0) {
            allTimeHigh = ctx.indicators(p.symbol()).rollingMax(0, PriceField.CLOSE);
        }
    }

    @Override
    public void onBar(StrategyContext ctx) {
        // Kept short, the purchase apart: the engine then inlines this method into its loop.
        periodsDue += timer.due(ctx.timeMillis());
        if (!bars.isNew()) {
            return;
        }
        if (p.takeProfit() > 0 && ctx.portfolio().quantity(p.symbol()) > 0
                && bars.close() >= (1 + p.takeProfit()) * ctx.portfolio().position(p.symbol()).averageCost()) {
            ctx.closePosition(p.symbol()); // the position object is built only here, not at every step
        }
        if (periodsDue > 0) {
            buy(ctx);
            periodsDue = 0;
        }
    }

    /** Buys for the periods due when the open is far enough below the running high. */
    private void buy(StrategyContext ctx) {
        double open = bars.open();
        double high = !readsHigh ? Double.NaN
                : p.lookbackDays() == 0 ? allTimeHigh.value(1) : bars.highestCloseOfDaysBefore(p.lookbackDays());
        if (p.threshold() == 0 || open <= (1 - p.threshold()) * high) {
            double multiplier = 1;
            for (Tier t : p.tiers()) { // sorted by depth: the last that applies is the deepest
                multiplier = t.drawdown() <= 1 - open / high ? t.multiplier() : multiplier;
            }
            double spend = Math.min(periodsDue * p.amount() * multiplier, ctx.portfolio().availableCash());
            if (spend > 0) {
                ctx.buyValue(p.symbol(), spend);
            }
        }
    }
}
