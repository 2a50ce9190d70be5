package dev.crashlab.execution;

import java.util.Objects;

/**
 * The margin terms of the account: how much equity a position needs to be opened, how much it
 * must keep, and what a liquidation costs.
 *
 * <h2>Opening</h2>
 * An order is accepted only if, after its fill, {@code initial × gross exposure <= equity} and
 * the equity still covers the maintenance requirement of every position; target-weight orders
 * (and, on margin, cash-value buys) are cut to the largest quantity that keeps this true; other
 * orders that break it are rejected. With {@code initial = 1} there is no leverage: long
 * positions are paid in full, so buying never takes cash below zero, and shorts are limited to
 * the equity. {@code initial = 0.1} allows 10× leverage.
 *
 * <h2>Keeping</h2>
 * Each position must keep its {@link MaintenanceTiers maintenance requirement}, a rate of its
 * notional that rises with the notional ({@link MaintenanceTiers#BINANCE_BTCUSDT} by default).
 * In {@link MarginMode#CROSS} mode the account's equity backs all positions; in
 * {@link MarginMode#ISOLATED} mode each position is backed by its own margin.
 *
 * <h2>Liquidation</h2>
 * The engine checks the requirement along each bar's path ({@link BarPath}), after every fill:
 * where the path first takes the account (cross) or a position (isolated) below it, the
 * positions concerned are closed at that point's prices (the open, when a gap jumped past it)
 * and {@code liquidationFee × notional} is charged, but never more than the liquidated positions
 * leave: as on a venue, whose insurance fund takes the rest, the fee alone does not take equity
 * below zero. A gap past the bankruptcy price loses more than the margin; crashlab models no
 * insurance fund, so the account bears it, as a broker would claim it. Open orders of the
 * liquidated instruments are cancelled.
 *
 * @param initial        initial margin as a fraction of gross exposure, in (0, 1]
 * @param maintenance    the maintenance requirement of each position, by notional; its first
 *                       rate must be below {@code initial}
 * @param liquidationFee fee charged on the notional of a liquidation, in [0, 1)
 * @param mode           what backs a position: the account, or its own margin
 */
public record Margin(double initial, MaintenanceTiers maintenance, double liquidationFee, MarginMode mode) {

    /** No leverage, the default maintenance tiers, a liquidation fee of 1 %, cross margin. */
    public static final Margin NONE = new Margin(1.0, MaintenanceTiers.BINANCE_BTCUSDT, 0.01, MarginMode.CROSS);

    public Margin {
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(mode, "mode");
        if (!(initial > 0 && initial <= 1)) {
            throw new IllegalArgumentException("initial margin must be in (0, 1], got " + initial);
        }
        if (!(maintenance.firstRate() < initial)) {
            throw new IllegalArgumentException("maintenance margin must be below the initial margin " + initial
                    + ", got " + maintenance.firstRate());
        }
        if (!(liquidationFee >= 0 && liquidationFee < 1)) {
            throw new IllegalArgumentException("liquidation fee must be in [0, 1), got " + liquidationFee);
        }
    }

    /** Returns cross-margin terms with one maintenance rate for every notional. */
    public Margin(double initial, double maintenance, double liquidationFee) {
        this(initial, MaintenanceTiers.flat(maintenance), liquidationFee, MarginMode.CROSS);
    }

    /** Returns cross-margin terms that allow {@code leverage}× gross exposure, with one maintenance rate and the given fee. */
    public static Margin forLeverage(double leverage, double maintenance, double liquidationFee) {
        return new Margin(1.0 / leverage, maintenance, liquidationFee);
    }

    /** Returns cross-margin terms that allow {@code leverage}× gross exposure, with the default tiers and fee. */
    public static Margin forLeverage(double leverage) {
        return NONE.withInitial(1.0 / leverage);
    }

    /** Returns a copy with another initial margin. */
    public Margin withInitial(double value) {
        return new Margin(value, maintenance, liquidationFee, mode);
    }

    /** Returns a copy with another margin mode. */
    public Margin withMode(MarginMode value) {
        return new Margin(initial, maintenance, liquidationFee, value);
    }

    /** Returns the largest gross exposure per unit of equity these terms allow. */
    public double maxLeverage() {
        return 1.0 / initial;
    }
}
