package dev.crashlab.strategies;

import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Position;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * Plays a December rebound of beaten-down altcoins, then shorts its end. A coin whose close is at
 * least {@code minDrawdown} below its highest close of the last {@code highLookbackDays} (daily)
 * bars during the December entry window is bought at weight {@code w = allocation / symbols};
 * when the rebound is taken, stopped or the window ends, one order turns the long into a short of
 * weight {@code w}, which pays the run's funding and is closed on profit, loss or age. Each coin
 * runs this machine once per December ("cost" is the position's average fill price):
 *
 * <pre>
 *               Dec entryFromDay..entryToDay and close &lt;= (1 − minDrawdown) × high:
 *               target weight w
 *   WAITING ─────────────────────────────────────────────▶ LONG
 *      ▲                                                      │ close &gt;= (1 + reboundTarget) × cost,
 *      │ close &lt;= (1 − shortTakeProfit) × cost,              │ close &lt;= (1 − trailingStop) × highest
 *      │ close &gt;= (1 + shortStopLoss) × cost,                │ close since entry, or Dec longExitDay:
 *      │ or maxShortDays after the short was ordered:         │ target weight −w
 *      │ close the position                                   ▼
 *      └──────────────────────────────────────────────────── SHORT
 * </pre>
 *
 * Decisions are taken at a close and fill at the next open; a coin with an order still open
 * waits, and one whose entry or short did not fill goes back to WAITING. So every order lies in
 * [Dec entryFromDay, Dec longExitDay + maxShortDays] of some year.
 */
@StrategyName
public final class DecemberReboundThenShort implements Strategy {

    /** The parameters of {@link DecemberReboundThenShort}; strategies/README.md gives their defaults and meanings. */
    public record Params(List<String> symbols, @Range(min = 1, max = 31) int entryFromDay,
            @Range(min = 1, max = 31) int entryToDay, @Range(min = 1, max = 31) int longExitDay,
            @Range(min = 0, max = 1) double minDrawdown, @Range(min = 2) int highLookbackDays,
            @Range(min = 0) double allocation, @Range(min = 0) double reboundTarget, @Range(min = 0, max = 1) double trailingStop,
            @Range(min = 0, max = 1) double shortTakeProfit, @Range(min = 0) double shortStopLoss, @Range(min = 1) int maxShortDays) {
        public Params {
            if (symbols == null || symbols.isEmpty() || !(1 <= entryFromDay && entryFromDay <= entryToDay
                    && entryToDay <= longExitDay && longExitDay <= 31) || highLookbackDays < 2 || maxShortDays < 1) {
                throw new IllegalArgumentException("need symbols, 1 <= entryFromDay <= entryToDay <= longExitDay <= 31, "
                        + "highLookbackDays >= 2 and maxShortDays >= 1");
            }
            symbols = List.copyOf(symbols);
        }

        public Params() {
            this(List.of("ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD", "ZEC-USD"), 1, 10, 31, 0.3, 90, 1.0, 0.2, 0.1, 0.2,
                    0.1, 30);
        }
    }

    private enum State { WAITING, LONG, SHORT }

    /** One coin's machine: its state, its drawdown indicator, the December it last entered, and its marks. */
    private static final class Coin {
        State state = State.WAITING;
        FastIndicator drawdown;
        int lastYear;
        double highSinceEntry;
        LocalDate shortOrdered;
    }

    private final Params p;
    private final Coin[] coins;

    public DecemberReboundThenShort(Params params) {
        this.p = params;
        this.coins = new Coin[params.symbols().size()];
    }

    public DecemberReboundThenShort() {
        this(new Params());
    }

    @Override
    public void init(StrategyContext ctx) {
        for (int i = 0; i < coins.length; i++) {
            coins[i] = new Coin();
            coins[i].drawdown = ctx.indicators(p.symbols().get(i)).drawdownFromHigh(p.highLookbackDays());
        }
    }

    @Override
    public void onBar(StrategyContext ctx) {
        LocalDate today = ctx.date();
        double weight = p.allocation() / coins.length;
        for (int i = 0; i < coins.length; i++) {
            String symbol = p.symbols().get(i);
            Coin c = coins[i];
            Bars bars = ctx.bars(symbol);
            if (!bars.isNew() || ctx.portfolio().hasOpenOrder(symbol)) {
                continue;
            }
            Position held = ctx.portfolio().position(symbol);
            double close = bars.close();
            switch (c.state) {
                case WAITING -> {
                    if (today.getMonth() == Month.DECEMBER && today.getYear() != c.lastYear
                            && today.getDayOfMonth() >= p.entryFromDay() && today.getDayOfMonth() <= p.entryToDay()
                            && c.drawdown.value() <= -p.minDrawdown()) {
                        ctx.targetWeight(symbol, weight);
                        c.state = State.LONG;
                        c.lastYear = today.getYear();
                        c.highSinceEntry = 0;
                    }
                }
                case LONG -> {
                    c.highSinceEntry = Math.max(c.highSinceEntry, close);
                    if (!held.isLong()) {
                        c.state = State.WAITING;
                    } else if (close >= (1 + p.reboundTarget()) * held.averageCost()
                            || close <= (1 - p.trailingStop()) * c.highSinceEntry
                            || !today.isBefore(LocalDate.of(c.lastYear, 12, p.longExitDay()))) {
                        ctx.targetWeight(symbol, -weight);
                        c.state = State.SHORT;
                        c.shortOrdered = today;
                    }
                }
                case SHORT -> {
                    // A short that did not fill (too little margin) closes whatever is left and waits too.
                    if (!held.isShort() || close <= (1 - p.shortTakeProfit()) * held.averageCost()
                            || close >= (1 + p.shortStopLoss()) * held.averageCost()
                            || !today.isBefore(c.shortOrdered.plusDays(p.maxShortDays()))) {
                        if (held.isOpen()) {
                            ctx.closePosition(symbol);
                        }
                        c.state = State.WAITING;
                    }
                }
            }
        }
    }
}
