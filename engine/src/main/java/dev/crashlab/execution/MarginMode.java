package dev.crashlab.execution;

import java.util.Locale;

/** A margin mode says what backs a leveraged position and what a liquidation closes. */
public enum MarginMode {

    /**
     * The whole account backs every position: the account is liquidated, all positions at once,
     * when its equity falls below the sum of the positions' maintenance requirements. The default.
     */
    CROSS,

    /**
     * Each position is backed only by the margin put up when it was opened
     * ({@code initial × notional} at the fill price, added to on adds and released in proportion
     * on partial exits): a position alone is liquidated when that margin plus its unrealised
     * profit falls below its maintenance requirement, and the rest of the account is untouched.
     */
    ISOLATED;

    /** Returns the lower-case name used in configs and results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
