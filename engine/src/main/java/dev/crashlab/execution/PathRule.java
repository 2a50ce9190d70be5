package dev.crashlab.execution;

import java.util.Locale;

/**
 * A path rule says in which order a bar without finer data visited its high and its low: the
 * bar's path is then open → one extreme → the other extreme → close, in straight lines. Every
 * price-triggered event of the bar (stops, limits, each position's liquidation level) happens in
 * the order this path reaches it.
 *
 * <p>NautilusTrader walks a bar O→H→L→C by default and, with adaptive ordering, visits the
 * extreme nearer the open first; backtrader tries a bar's open first and then its range, with no
 * order between the high and the low. crashlab's default is the adaptive rule: the shorter leg
 * first is the more likely path of a random walk that ends at the close, and on a crash bar that
 * opens near its high, it reaches the low (and the liquidation levels of longs) after the high.
 */
public enum PathRule {

    /**
     * The extreme nearer the open is reached first: O→H→L→C when {@code high − open < open − low},
     * else O→L→H→C (a tie goes low first, the adverse case for longs). The default.
     */
    NEAREST_EXTREME_FIRST,

    /** Always O→H→L→C: the worst case for shorts and stop buys, NautilusTrader's default order. */
    HIGH_FIRST,

    /** Always O→L→H→C: the worst case for longs and stop sells. */
    LOW_FIRST;

    /** Returns whether a bar with this open, high and low reached its high before its low. */
    public boolean highFirst(double open, double high, double low) {
        return switch (this) {
            case NEAREST_EXTREME_FIRST -> high - open < open - low;
            case HIGH_FIRST -> true;
            case LOW_FIRST -> false;
        };
    }

    /** Returns the lower-case, hyphenated name used in configs and results, such as {@code nearest-extreme-first}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the rule named {@code label} (hyphens or underscores, any case). */
    public static PathRule fromLabel(String label) {
        for (PathRule rule : values()) {
            if (rule.label().equals(label.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown path rule \"" + label + "\": expected one of "
                + java.util.Arrays.stream(values()).map(PathRule::label).toList());
    }
}
