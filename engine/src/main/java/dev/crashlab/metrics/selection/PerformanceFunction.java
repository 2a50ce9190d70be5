package dev.crashlab.metrics.selection;

/**
 * A performance function scores one variant on a subset of the sweep's periods, so that
 * {@link BacktestOverfitting} can rank variants in and out of sample; higher is better. It
 * receives the variant's period returns on those periods, in time order.
 *
 * <p>A function of only the count, the mean and the sum of squared deviations of the returns
 * (Sharpe ratio, mean return) should implement {@link FromMoments}: CSCV then evaluates it from
 * per-block sums, without copying each half of the sample for every variant and combination.
 *
 * <p>CSCV calls a function from several threads at once: it must keep no state between calls.
 */
@FunctionalInterface
public interface PerformanceFunction {

    /** Returns the score of the period returns {@code returns}; NaN when it has none. */
    double evaluate(double[] returns);

    /**
     * Returns the per-period Sharpe ratio mean(r) / s(r), s the sample standard deviation (n − 1),
     * no risk-free rate: NaN for fewer than two returns or returns that do not vary. It ranks as
     * the annualised one does (a positive factor √P apart), the default of CSCV.
     */
    static FromMoments sharpe() {
        return (n, mean, squares) -> {
            if (n < 2 || !(squares > 0)) {
                return Double.NaN;
            }
            return mean / Math.sqrt(squares / (n - 1));
        };
    }

    /** Returns the arithmetic mean return per period; NaN when there are no returns. */
    static FromMoments meanReturn() {
        return (n, mean, squares) -> n == 0 ? Double.NaN : mean;
    }

    /** A performance function of the count, mean and sum of squared deviations of the returns. */
    @FunctionalInterface
    interface FromMoments extends PerformanceFunction {

        /**
         * Returns the score of {@code count} returns with mean {@code mean} and sum of squared
         * deviations from it Σ(r − mean)² {@code squares}.
         */
        double fromMoments(int count, double mean, double squares);

        /** Returns the score from the returns' moments, summed as deviations from the first return. */
        @Override
        default double evaluate(double[] returns) {
            int n = returns.length;
            if (n == 0) {
                return fromMoments(0, Double.NaN, Double.NaN);
            }
            double shift = returns[0];
            double sum = 0;
            double squares = 0;
            for (double r : returns) {
                sum += r - shift;
                squares += (r - shift) * (r - shift);
            }
            return fromMoments(n, shift + sum / n, Math.max(0, squares - sum * sum / n));
        }
    }
}
