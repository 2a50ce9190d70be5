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

    /**
     * The parameters of {@link BuyAndHold}.
     *
     * @param symbols the instruments to hold in equal cash shares (default {@code ["BTC-USD"]})
     */
    public record Params(List<String> symbols) {
        public Params {
            if (symbols == null || symbols.isEmpty() || symbols.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("symbols must name at least one instrument, got " + symbols);
            }
            symbols = List.copyOf(symbols);
        }

        public Params() {
            this(List.of("BTC-USD"));
        }
    }

    private final Params params;
    /** Cash set aside for each symbol and not yet ordered. */
    private final double[] toInvest;
    private boolean started;

    public BuyAndHold(Params params) {
        this.params = params;
        this.toInvest = new double[params.symbols().size()];
    }

    public BuyAndHold() {
        this(new Params());
    }

    @Override
    public void onBar(StrategyContext ctx) {
        // The first step invests the whole cash (this step's contribution included), later ones the new cash.
        double arrived = started ? Math.max(0, ctx.portfolio().contributionNow()) : ctx.portfolio().cash();
        started = true;
        List<String> symbols = params.symbols();
        for (int i = 0; i < symbols.size(); i++) {
            toInvest[i] += arrived / symbols.size();
            String symbol = symbols.get(i);
            if (toInvest[i] > 0 && !ctx.portfolio().hasOpenOrder(symbol)) {
                ctx.submit(Order.buyValue(symbol, toInvest[i]));
                toInvest[i] = 0;
            }
        }
    }
}
