package dev.crashlab.execution;

/**
 * A bar path is the route a bar's price is taken to have followed, in straight lines between
 * five points: the previous close, the open, the first extreme, the second extreme and the
 * close, at positions 0, 1, 2, 3 and 4 ({@link PathRule} orders the extremes).
 *
 * <h2>The gap</h2>
 * The leg from the previous close to the open (positions 0 to 1) is the gap: nothing trades on
 * it, so whatever it triggers fills at the open. Its positions only order those events: a stop
 * nearer the previous close was passed before one further away, and before a liquidation level
 * beyond it. On the other legs an event fills where the path reaches its level.
 *
 * @param previous the previous close (the open when there is none)
 * @param open     the open
 * @param first    the extreme reached first
 * @param second   the extreme reached second
 * @param close    the close
 */
public record BarPath(double previous, double open, double first, double second, double close) {

    /** The position of the open on the path. */
    public static final double OPEN = 1;
    /** The position of the close on the path, its end. */
    public static final double CLOSE = 4;

    /** Returns the path of a bar after {@code previous} (NaN: none) under {@code rule}. */
    public static BarPath of(double previous, double open, double high, double low, double close, PathRule rule) {
        boolean highFirst = rule.highFirst(open, high, low);
        return new BarPath(Double.isNaN(previous) ? open : previous, open, highFirst ? high : low,
                highFirst ? low : high, close);
    }

    /** Returns the point at position {@code k}, 0 to 4. */
    public double point(int k) {
        return switch (k) {
            case 0 -> previous;
            case 1 -> open;
            case 2 -> first;
            case 3 -> second;
            default -> close;
        };
    }

    /** Returns the price at {@code position} (0 to 4) along the straight legs. */
    public double price(double position) {
        if (position >= CLOSE) {
            return close;
        }
        int k = (int) Math.floor(position);
        double a = point(k);
        double b = point(k + 1);
        double f = position - k;
        return f == 0 ? a : a + (b - a) * f;
    }

    /** Returns the price a fill at {@code position} gets: the open on the gap, else the path's price. */
    public double fillPrice(double position) {
        return position <= OPEN ? open : price(position);
    }

    /** Returns the lowest price the bar traded at (the gap does not trade). */
    public double low() {
        return Math.min(Math.min(open, close), Math.min(first, second));
    }

    /** Returns the highest price the bar traded at (the gap does not trade). */
    public double high() {
        return Math.max(Math.max(open, close), Math.max(first, second));
    }

    /**
     * Where an order or a liquidation level is reached on the path, and the price it fills at.
     *
     * @param position the position on the path, 0 to 4
     * @param price    the open for a position on the gap; the level where the path crosses it;
     *                 the path's price where it was already beyond the level
     */
    public record Reach(double position, double price) {
    }

    /**
     * Returns where, at or after position {@code from}, the price is first at or below
     * {@code level} ({@code below}) or at or above it, or {@code null} if the path never gets
     * there. On the gap, a level counts only when the open is beyond it (the gap does not
     * trade); its position is then where the gap passed the level, at the earliest {@code from}.
     */
    public Reach reach(double level, boolean below, double from) {
        if (from <= OPEN && beyond(open, level, below)) {
            double at = beyond(previous, level, below) ? from : Math.max(from, (level - previous) / (open - previous));
            return new Reach(at, open);
        }
        for (int k = (int) Math.max(1, Math.floor(from)); k < CLOSE; k++) {
            double a = Math.max(from, k);
            double pa = price(a);
            if (beyond(pa, level, below)) {
                return new Reach(a, pa);
            }
            double pb = point(k + 1);
            if (beyond(pb, level, below)) {
                // pa is short of the level and pb beyond it, so the division is by a non-zero move.
                return new Reach(a + (k + 1 - a) * (level - pa) / (pb - pa), level);
            }
        }
        return from >= CLOSE && beyond(close, level, below) ? new Reach(CLOSE, close) : null;
    }

    private static boolean beyond(double price, double level, boolean below) {
        return below ? price <= level : price >= level;
    }
}
