package dev.crashlab.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How a run's stress paths were made.
 *
 * @param paths              the number of paths of each method
 * @param seed               the seed: path k of a method depends on (seed, k) alone
 * @param methods            the methods, in order: {@code bootstrap}, {@code crisis-replay}
 * @param meanBlockDays      the stationary bootstrap's mean block length, days (NaN without a bootstrap)
 * @param blockLengthRule    how it was chosen: {@code configured}, or {@code politis-white} (the
 *                           longest Politis–White length of the instruments' daily log returns and
 *                           of their absolute values); empty without a bootstrap
 * @param period             7 when every resampled day kept its weekday, else 1
 * @param sampleStart        the first day resampled: the date of the run's first step
 * @param sampleEnd          the last day resampled: the date of the run's last step
 * @param sampleDays         the number of calendar days resampled
 * @param drawdownThresholds the drawdowns whose probability is reported, fractions below 0
 * @param crisisWindows      the windows crisis replay splices in, in order (empty without it)
 * @param notes              what a reader should know, such as crisis windows left out
 */
public record StressTerms(int paths, long seed, List<String> methods, double meanBlockDays, String blockLengthRule,
        int period, LocalDate sampleStart, LocalDate sampleEnd, int sampleDays, List<Double> drawdownThresholds,
        List<RegimeWindow> crisisWindows, List<String> notes) {

    public StressTerms {
        Objects.requireNonNull(blockLengthRule, "blockLengthRule");
        methods = List.copyOf(methods);
        drawdownThresholds = List.copyOf(drawdownThresholds);
        crisisWindows = List.copyOf(crisisWindows);
        notes = List.copyOf(notes);
    }
}
