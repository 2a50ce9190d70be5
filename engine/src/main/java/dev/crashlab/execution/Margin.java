package dev.crashlab.execution;

/**
 * The margin terms of the account, cross-margined over all positions.
 *
 * <p>An order is accepted only if, after its fill, {@code initial × gross exposure <= equity};
 * target-weight orders (and, on margin, cash-value buys) are cut to the largest quantity that
 * keeps this true; other orders that break it are rejected. With the default {@code initial = 1}
 * there is no leverage: long positions are paid in full, so buying never takes cash below zero,
 * and shorts are limited to the equity. A short is still a margin position: when its loss
 * exceeds the equity through a gap beyond the liquidation price, cash and equity go below zero
 * (and borrowed cash then pays the borrow rate). {@code initial = 0.1} allows 10× leverage.
 *
 * <p>Liquidation: at each step, for the instruments with a bar, the account is valued at each
 * position's adverse extreme (the low for longs, the high for shorts). If equity there is below
 * {@code maintenance × gross exposure}, every position is closed at the liquidation price, the
 * point on the way from each bar's open to its adverse extreme where equity meets the
 * maintenance requirement (or at the open when the bar gapped beyond it), and
 * {@code liquidationFee × notional} is charged. The liquidation is recorded as an event.
 *
 * @param initial        initial margin as a fraction of gross exposure, in (0, 1]
 * @param maintenance    maintenance margin as a fraction of gross exposure, in [0, initial)
 * @param liquidationFee fee charged on the notional of a liquidation, in [0, 1)
 */
public record Margin(double initial, double maintenance, double liquidationFee) {

    /** No leverage: initial 1, maintenance 0.05, liquidation fee 1 %. */
    public static final Margin NONE = new Margin(1.0, 0.05, 0.01);

    public Margin {
        if (!(initial > 0 && initial <= 1)) {
            throw new IllegalArgumentException("initial margin must be in (0, 1], got " + initial);
        }
        if (!(maintenance >= 0 && maintenance < initial)) {
            throw new IllegalArgumentException("maintenance margin must be in [0, initial margin " + initial + "), got "
                    + maintenance);
        }
        if (!(liquidationFee >= 0 && liquidationFee < 1)) {
            throw new IllegalArgumentException("liquidation fee must be in [0, 1), got " + liquidationFee);
        }
    }

    /** Returns terms that allow {@code leverage}× gross exposure, with the given maintenance and fee. */
    public static Margin forLeverage(double leverage, double maintenance, double liquidationFee) {
        return new Margin(1.0 / leverage, maintenance, liquidationFee);
    }

    /** Returns the largest gross exposure per unit of equity these terms allow. */
    public double maxLeverage() {
        return 1.0 / initial;
    }
}
