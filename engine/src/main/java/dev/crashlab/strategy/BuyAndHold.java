package dev.crashlab.strategy;

import java.util.List;

/**
 * Buy-and-hold is the benchmark: invest all cash, and every contribution, in one instrument or
 * an equal-weight basket at the first opportunity, and never sell. The cash at the first step
 * and each contribution after it are split equally among the symbols and bought with cash-value
 * market orders (fees included, so the buys never exceed the cash); nothing is rebalanced.
 *
 * <p>A symbol's share waits while an order of that symbol is still open (an equity on a
 * weekend) and goes out with its next order, so no symbol has two orders waiting at once.
 * Withdrawals are not sold for: they are paid from whatever cash there is.
 *
 * <p>It lives in the strategy API, not among the seed strategies, because every run with a
 * {@code benchmark} symbol uses it: the engine supplies its own benchmark, whatever else is on the
 * classpath. Configs name it {@code BuyAndHold} like any other strategy.
 */
@StrategyName
public final class BuyAndHold implements Strategy {

    /** @param symbols the instruments to hold in equal cash shares */
    public record Params(@NonEmpty List<String> symbols) {
        public static final Params DEFAULTS = new Params(List.of("BTC-USD"));
    }

    private final List<String> symbols;
    /** Cash set aside for each symbol and not yet ordered. */
    private final double[] toInvest;
    private boolean started;

    public BuyAndHold(Params params) {
        this.symbols = Parameters.check(params).symbols();
        this.toInvest = new double[symbols.size()];
    }

    @Override
    public void onBar(StrategyContext ctx) {
        // The first step invests the whole cash (this step's contribution included), later ones the new cash.
        double arrived = started ? Math.max(0, ctx.portfolio().contributionNow()) : ctx.portfolio().cash();
        started = true;
        for (int i = 0; i < symbols.size(); i++) {
            toInvest[i] += arrived / symbols.size();
            if (toInvest[i] > 0 && !ctx.portfolio().hasOpenOrder(symbols.get(i))) {
                ctx.buyValue(symbols.get(i), toInvest[i]);
                toInvest[i] = 0;
            }
        }
    }
}
