package dev.crashlab.benchmarks;

/**
 * The SMA crossover of {@link SmaCross} as a hand-written loop over {@code double[]}: running
 * window sums, no objects, no result beyond the {@link SmaCross.Outcome}. The floor any framework
 * is measured against.
 */
public final class LoopSmaCross {

    private LoopSmaCross() {
    }

    /** Runs the crossover over the given opens and closes, starting from {@link SmaCross#INITIAL_CASH}. */
    public static SmaCross.Outcome run(double[] open, double[] close) {
        final int fastN = SmaCross.FAST;
        final int slowN = SmaCross.SLOW;
        int n = close.length;
        double fastSum = 0;
        double slowSum = 0;
        double previousFast = Double.NaN;
        double previousSlow = Double.NaN;
        double cash = SmaCross.INITIAL_CASH;
        double units = 0;
        boolean holding = false;
        int signal = 0;
        int trades = 0;
        for (int i = 0; i < n; i++) {
            if (signal > 0) {
                units = cash / open[i];
                cash = 0;
                holding = true;
                trades++;
            } else if (signal < 0) {
                cash = units * open[i];
                units = 0;
                holding = false;
            }
            signal = 0;
            double c = close[i];
            fastSum += c;
            slowSum += c;
            if (i >= fastN) {
                fastSum -= close[i - fastN];
            }
            if (i >= slowN) {
                slowSum -= close[i - slowN];
            }
            double fast = fastSum / fastN;
            double slow = slowSum / slowN;
            if (i >= SmaCross.FIRST_DECISION_BAR && i + 1 < n) {
                if (!holding && fast > slow && previousFast <= previousSlow) {
                    signal = 1;
                } else if (holding && fast < slow && previousFast >= previousSlow) {
                    signal = -1;
                }
            }
            previousFast = fast;
            previousSlow = slow;
        }
        return new SmaCross.Outcome(trades, cash + units * close[n - 1]);
    }

    /** Returns the number of bars from {@link SmaCross#SLOW} − 1 on at which the two averages are exactly equal. */
    public static int ties(double[] close) {
        double fastSum = 0;
        double slowSum = 0;
        int ties = 0;
        for (int i = 0; i < close.length; i++) {
            fastSum += close[i] - (i >= SmaCross.FAST ? close[i - SmaCross.FAST] : 0);
            slowSum += close[i] - (i >= SmaCross.SLOW ? close[i - SmaCross.SLOW] : 0);
            if (i >= SmaCross.SLOW - 1 && fastSum / SmaCross.FAST == slowSum / SmaCross.SLOW) {
                ties++;
            }
        }
        return ties;
    }
}
