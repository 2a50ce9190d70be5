package dev.crashlab.strategies;

import dev.crashlab.strategy.ForwardingContext;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Wraps any strategy and scales its exposure on margin, to show what leverage does in a crash:
 * every order's amount (units, cash value or target weight) is multiplied by {@code leverage},
 * paid with borrowed cash at the run's borrow rate, so a fall of about {@code 1 / leverage} wipes
 * out the equity and the run's margin terms liquidate the account first. Close orders pass.
 *
 * <p>The common settings are 1× (no change), 2×, 3×, 5× and 10×; any value {@code >= 1} works
 * on an account whose margin allows it ({@code margin.initial <= 1 / leverage}), which
 * {@link #init} checks. A scaled buy the margin cannot carry in full is cut to what it carries
 * (with fees, an all-in buy of {@code leverage ×} equity never fits exactly). The wrapped strategy
 * sees the real account: one that caps its buys at the cash, as {@link DcaOnDrawdown} does, sees
 * the borrowed, negative cash and stops buying.
 */
@StrategyName
public final class Leveraged implements Strategy {

    /** @param leverage the factor applied to every order's amount, at least 1 */
    public record Params(@Range(min = 1) double leverage) {
        public static final Params DEFAULTS = new Params(2);
    }

    private final Strategy wrapped;
    private final double leverage;
    private StrategyContext inner;

    public Leveraged(Strategy wrapped, Params params) {
        this.wrapped = wrapped;
        this.leverage = Parameters.check(params).leverage();
    }

    @Override
    public void init(StrategyContext ctx) {
        double allowed = ctx.portfolio().maxLeverage();
        // A tolerance, since 1 / (1 / 10) need not be exactly 10 in floating point.
        if (allowed < leverage * (1 - 1e-9)) {
            throw new IllegalArgumentException("Leveraged " + plain(leverage) + "× needs margin.initial <= "
                    + plain(1 / leverage) + "; the account allows " + plain(allowed) + "×");
        }
        inner = new ForwardingContext(ctx) {
            @Override
            public Order submit(Order order) {
                return super.submit(order.sizing() == Order.Sizing.CLOSE ? order : order.scaled(leverage));
            }
        };
        wrapped.init(inner);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        wrapped.onBar(inner);
    }

    @Override
    public String name() {
        return "Leveraged(" + wrapped.name() + ", " + plain(leverage) + "×)";
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
