package dev.crashlab.strategies;

import dev.crashlab.strategy.AtMost;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.NonEmpty;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Position;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.time.LocalDate;
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

    /** The parameters of {@link DecemberReboundThenShort}; strategies/README.md gives their meanings. */
    public record Params(@NonEmpty List<String> symbols, @Range(min = 1, max = 31) @AtMost("entryToDay") int entryFromDay,
            @Range(min = 1, max = 31) @AtMost("longExitDay") int entryToDay, @Range(min = 1, max = 31) int longExitDay,
            @Range(min = 0, max = 1) double minDrawdown, @Range(min = 2) int highLookbackDays, @Range(min = 0) double allocation,
            @Range(min = 0) double reboundTarget, @Range(min = 0, max = 1) double trailingStop,
            @Range(min = 0, max = 1) double shortTakeProfit, @Range(min = 0) double shortStopLoss, @Range(min = 1) int maxShortDays) {
        public static final Params DEFAULTS = new Params(List.of("ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD", "ZEC-USD"),
                1, 10, 31, 0.3, 90, 1.0, 0.2, 0.1, 0.2, 0.1, 30);
    }

    private enum State { WAITING, LONG, SHORT }

    private final Params p;
    private final List<Coin> coins;

    public DecemberReboundThenShort(Params params) {
        this.p = Parameters.check(params);
        this.coins = params.symbols().stream().map(Coin::new).toList();
    }

    @Override
    public void onBar(StrategyContext ctx) {
        coins.stream().filter(c -> ctx.bars(c.symbol).isNew() && !ctx.portfolio().hasOpenOrder(c.symbol))
                .forEach(c -> c.decide(ctx, ctx.date(), ctx.bars(c.symbol), ctx.portfolio().position(c.symbol)));
    }

    /** One coin's machine: its state, the day it last entered, the day its short was ordered. */
    private final class Coin {
        private final String symbol;
        private State state = State.WAITING;
        private LocalDate entered = LocalDate.MIN;
        private LocalDate shortOrdered;

        private Coin(String symbol) {
            this.symbol = symbol;
        }

        private void decide(StrategyContext ctx, LocalDate today, Bars bars, Position held) {
            int day = today.getMonthValue() == 12 && today.getYear() != entered.getYear() ? today.getDayOfMonth() : 0;
            if (state == State.WAITING && day >= p.entryFromDay() && day <= p.entryToDay()
                    && bars.close() / bars.highestClose(p.highLookbackDays()) - 1 <= -p.minDrawdown()) {
                ctx.targetWeight(symbol, p.allocation() / coins.size());
                state = State.LONG;
                entered = today;
            } else if (state == State.LONG && held.isLong() && (bars.close() >= (1 + p.reboundTarget()) * held.averageCost()
                    || bars.close() <= (1 - p.trailingStop()) * bars.highestCloseSince(entered)
                    || !today.isBefore(LocalDate.of(entered.getYear(), 12, p.longExitDay())))) {
                ctx.targetWeight(symbol, -p.allocation() / coins.size());
                state = State.SHORT;
                shortOrdered = today;
            } else if (state == State.LONG && !held.isLong() || state == State.SHORT && (!held.isShort()
                    || bars.close() <= (1 - p.shortTakeProfit()) * held.averageCost()
                    || bars.close() >= (1 + p.shortStopLoss()) * held.averageCost()
                    || !today.isBefore(shortOrdered.plusDays(p.maxShortDays())))) {
                if (state == State.SHORT && held.isOpen()) ctx.closePosition(symbol); // also what a short that did not fill left
                state = State.WAITING;
            }
        }
    }
}
