package dev.crashlab.indicator;

/**
 * Window moments are the sums of squared and cross deviations from the mean of the last
 * {@code barCount} pairs {@code (x, y)} pushed, kept in amortised O(1) time per push without the
 * cancellation of a naive sum of squares.
 *
 * <p>The sums are of deviations from a centre {@code (cx, cy)}, added and removed as pairs enter
 * and leave the window. Every {@code barCount} pushes they are recomputed exactly, by two passes
 * over the window, with the centre moved to the window's mean: rounding cannot accumulate beyond
 * one window's worth, and the centre stays near the mean, where the correction
 * {@code sx * sx / n} is small.
 *
 * <p>Between recomputations the sums keep a rounding residue of the pairs that have left. A
 * stream that has been constant over the whole window is therefore recognised by the length of its
 * run of equal values and given exactly no deviation, rather than a residue that would turn a
 * correlation into noise.
 */
final class WindowMoments {

    private final int barCount;
    private final double[] xs;
    private final double[] ys;
    private int next;
    private int size;
    private int sinceRecentre;
    private double cx;
    private double cy;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private int runX;
    private int runY;

    /** Creates an empty window over the last {@code barCount} pairs. */
    WindowMoments(int barCount) {
        this.barCount = barCount;
        this.xs = new double[barCount];
        this.ys = new double[barCount];
    }

    /** Pushes the next pair, dropping the oldest once the window is full. */
    void push(double x, double y) {
        if (size == barCount) {
            remove(xs[next] - cx, ys[next] - cy);
        } else {
            size++;
        }
        xs[next] = x;
        ys[next] = y;
        next = next + 1 == barCount ? 0 : next + 1;
        add(x - cx, y - cy);
        runX = x == lastX ? Math.min(runX + 1, barCount) : 1;
        runY = y == lastY ? Math.min(runY + 1, barCount) : 1;
        lastX = x;
        lastY = y;
        if (++sinceRecentre == barCount) {
            recentre();
        }
    }

    /** Returns whether the window holds {@code barCount} pairs. */
    boolean isFull() {
        return size == barCount;
    }

    /** Returns the sum of squared deviations of the x values from their mean (never negative). */
    double squaresX() {
        return runX == barCount ? 0 : Math.max(0, sxx - sx * sx / size);
    }

    /** Returns the sum of squared deviations of the y values from their mean (never negative). */
    double squaresY() {
        return runY == barCount ? 0 : Math.max(0, syy - sy * sy / size);
    }

    /** Returns the sum of the products of the x and y deviations from their means. */
    double crossProducts() {
        return runX == barCount || runY == barCount ? 0 : sxy - sx * sy / size;
    }

    private void add(double dx, double dy) {
        sx += dx;
        sy += dy;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }

    private void remove(double dx, double dy) {
        sx -= dx;
        sy -= dy;
        sxx -= dx * dx;
        syy -= dy * dy;
        sxy -= dx * dy;
    }

    private void recentre() {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < size; i++) {
            meanX += xs[i];
            meanY += ys[i];
        }
        cx = meanX / size;
        cy = meanY / size;
        sx = sy = sxx = syy = sxy = 0;
        for (int i = 0; i < size; i++) {
            add(xs[i] - cx, ys[i] - cy);
        }
        sinceRecentre = 0;
    }
}
