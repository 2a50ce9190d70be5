package ${package};

import dev.crashlab.clock.Schedule;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;

/**
 * Buys the dip with the week's savings: every week, when {@code symbol}'s close is at least
 * {@code dip} (a fraction: 0.2 is 20 %) below its highest close of the last {@code days} bars, it
 * spends all available cash on it; in other weeks the cash waits for the next dip. Never borrows.
 */
@StrategyName
public final class DipBuyer implements Strategy {

    /** The instrument, the dip that buys, and the bars over which its high is taken. */
    public record Params(String symbol, @Range(min = 0, max = 1, maxExcluded = true) double dip, @Range(min = 1) int days) {
        public static final Params DEFAULTS = new Params("BTC-USD", 0.2, 365);
    }

    private final Params p;
    private Schedule.Tracker weeks;
    private FastIndicator drawdown;

    public DipBuyer(Params params) {
        this.p = Parameters.check(params);
    }

    @Override
    public void init(StrategyContext ctx) {
        weeks = Schedule.WEEKLY.tracker(ctx.start());
        drawdown = ctx.indicators(p.symbol()).drawdownFromHigh(p.days());
    }

    @Override
    public void onBar(StrategyContext ctx) {
        double cash = ctx.portfolio().availableCash();
        if (weeks.due(ctx.timeMillis()) > 0 && drawdown.value() <= -p.dip() && cash > 0) {
            ctx.buyValue(p.symbol(), cash);
        }
    }
}
