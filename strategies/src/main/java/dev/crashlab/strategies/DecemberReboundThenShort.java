package dev.crashlab.strategies;

import dev.crashlab.signals.RelativeStrength;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>The essay's rebound comes "as soon as BTC stops falling", for the altcoins that held up.
 * {@code confirm} can require both before an entry (off by default: 0 days): BTC's close at or
 * above its close as of {@code btcCalmDays} days before (its last bar on or before that date),
 * and the coin's {@link RelativeStrength} against BTC over {@code strengthDays} days at least
 * {@code minStrength}; without the data for either, no entry.
 */
@StrategyName
public final class DecemberReboundThenShort implements Strategy {

    /** The parameters of {@link DecemberReboundThenShort}; strategies/README.md gives their meanings. */
    public record Params(@NonEmpty List<String> symbols, @Range(min = 1, max = 31) @AtMost("entryToDay") int entryFromDay,
            @Range(min = 1, max = 31) @AtMost("longExitDay") int entryToDay, @Range(min = 1, max = 31) int longExitDay,
            @Range(min = 0, max = 1) double minDrawdown, @Range(min = 2) int highLookbackDays, @Range(min = 0) double allocation,
            @Range(min = 0) double reboundTarget, @Range(min = 0, max = 1) double trailingStop,
            @Range(min = 0, max = 1) double shortTakeProfit, @Range(min = 0) double shortStopLoss, @Range(min = 1) int maxShortDays,
            Confirm confirm) {
        public static final Params DEFAULTS = new Params(List.of("ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD", "ZEC-USD"),
                1, 10, 31, 0.3, 90, 1.0, 0.2, 0.1, 0.2, 0.1, 30, Confirm.OFF);
    }

    /** What an entry may also require: BTC no lower than {@code btcCalmDays} ago, the coin's strength against it. */
    public record Confirm(String btc, @Range(min = 0) int btcCalmDays, @Range(min = 0) int strengthDays, double minStrength) {
        public static final Confirm OFF = new Confirm("BTC-USD", 0, 0, 0);
    }

    private final Params p;
    private final Map<String, LocalDate> entered = new HashMap<>();
    private final Map<String, LocalDate> shortOrdered = new HashMap<>();

    public DecemberReboundThenShort(Params params) {
        this.p = Parameters.check(params);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        for (String coin : p.symbols()) {
            if (ctx.bars(coin).isNew() && !ctx.portfolio().hasOpenOrder(coin)) {
                decide(ctx, coin, ctx.bars(coin), ctx.portfolio().position(coin), ctx.date());
            }
        }
    }

    /** One coin's machine; its state is its position: flat WAITING, long LONG, short SHORT. */
    private void decide(StrategyContext ctx, String coin, Bars bars, Position held, LocalDate today) {
        LocalDate entry = entered.getOrDefault(coin, LocalDate.MIN);
        int day = today.getMonthValue() == 12 && today.getYear() != entry.getYear() ? today.getDayOfMonth() : 0;
        double weight = p.allocation() / p.symbols().size();
        if (!held.isOpen() && day >= p.entryFromDay() && day <= p.entryToDay()
                && bars.close() / bars.highestClose(p.highLookbackDays()) - 1 <= -p.minDrawdown() && confirmed(ctx, coin)) {
            ctx.targetWeight(coin, weight);
            entered.put(coin, today);
        } else if (held.isLong() && (bars.close() >= (1 + p.reboundTarget()) * held.averageCost()
                || bars.close() <= (1 - p.trailingStop()) * bars.highestCloseSince(entry)
                || !today.isBefore(LocalDate.of(entry.getYear(), 12, p.longExitDay())))) {
            ctx.targetWeight(coin, -weight);
            shortOrdered.put(coin, today);
        } else if (held.isShort() && (bars.close() <= (1 - p.shortTakeProfit()) * held.averageCost()
                || bars.close() >= (1 + p.shortStopLoss()) * held.averageCost()
                || !today.isBefore(shortOrdered.get(coin).plusDays(p.maxShortDays())))) {
            ctx.closePosition(coin);
        }
    }

    /** Returns whether the entry's confirmation holds: BTC no lower than btcCalmDays ago, the coin strong enough. */
    private boolean confirmed(StrategyContext ctx, String coin) {
        Confirm c = p.confirm();
        Bars btc = c.btcCalmDays() > 0 ? ctx.bars(c.btc()) : null;
        int then = btc == null ? -1 : btc.indexOnOrBefore(ctx.date().minusDays(c.btcCalmDays()));
        return (btc == null || then >= 0 && btc.close() >= btc.close(then)) && (c.strengthDays() == 0
                || RelativeStrength.vs(c.btc()).of(coin, c.strengthDays()).value(ctx) >= c.minStrength());
    }
}
