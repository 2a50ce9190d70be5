package dev.crashlab.metrics.tail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A drawdown episode is one stretch of a time-weighted index I below its running peak: it starts
 * at the peak it fell from and ends at the first step where I regains that peak, or stays open
 * at the last step.
 *
 * <p>The conventions are those of {@link dev.crashlab.metrics.Metrics}' maxDrawdown and
 * maxDrawdownDays: a step whose I equals the running peak is at the peak (it recovers an episode,
 * and becomes the peak the next episode is measured from), so the peak of an episode is the
 * last step at the running maximum before the fall. The trough is the first step at the
 * episode's lowest I. Days are calendar days, (t<sub>b</sub> − t<sub>a</sub>) / 86,400,000 ms,
 * from the steps' UTC times; fractional when steps are not at midnight.
 *
 * <p>From a list of episodes follow the distribution of drawdown durations ({@link
 * #underwaterDays}) and recovery time against depth ({@link #daysToRecover} against {@link #depth}).
 *
 * @param peakStep      the step of the peak it fell from
 * @param troughStep    the step of its lowest point
 * @param recoveryStep  the first step with I at or above the peak again, or −1 when I had not
 *                      regained it by the last step
 * @param peak          the time of the peak step
 * @param trough        the time of the trough step
 * @param recovery      the time of the recovery step, or {@code null} when not recovered
 * @param depth         I(trough) / I(peak) − 1, a negative fraction (−0.2 is 20 % down)
 * @param daysToTrough  calendar days from the peak to the trough
 * @param daysToRecover calendar days from the trough to the recovery; NaN when not recovered
 * @param underwaterDays calendar days from the peak to the recovery, or to the last step when
 *                      not recovered: the episode's time under water
 */
public record DrawdownEpisode(int peakStep, int troughStep, int recoveryStep, Instant peak, Instant trough,
        Instant recovery, double depth, double daysToTrough, double daysToRecover, double underwaterDays) {

    private static final double DAY_MILLIS = 86_400_000.0;

    /** Returns whether the index regained the peak before the last step. */
    public boolean recovered() {
        return recoveryStep >= 0;
    }

    /**
     * Returns every drawdown episode of {@code index}, in time order (the last one possibly
     * open). {@code index[t]} is I at step t, {@code times[t]} its time in UTC epoch
     * milliseconds; both have one value a step. An index that never falls has none.
     *
     * @throws IllegalArgumentException when the two arrays differ in length
     */
    public static List<DrawdownEpisode> of(long[] times, double[] index) {
        if (times.length != index.length) {
            throw new IllegalArgumentException("index has " + index.length + " steps but times has " + times.length);
        }
        List<DrawdownEpisode> episodes = new ArrayList<>();
        int n = index.length;
        int peak = 0;
        int trough = -1;
        for (int t = 1; t < n; t++) {
            if (index[t] >= index[peak]) {
                if (trough >= 0) {
                    episodes.add(episode(times, index, peak, trough, t, t));
                    trough = -1;
                }
                peak = t;
            } else if (trough < 0 || index[t] < index[trough]) {
                trough = t;
            }
        }
        if (trough >= 0) {
            episodes.add(episode(times, index, peak, trough, -1, n - 1));
        }
        return List.copyOf(episodes);
    }

    /** Returns the episode from {@code peak} to {@code trough}, recovered at {@code recovery} (or −1), under water until {@code end}. */
    private static DrawdownEpisode episode(long[] times, double[] index, int peak, int trough, int recovery, int end) {
        boolean recovered = recovery >= 0;
        return new DrawdownEpisode(peak, trough, recovery, Instant.ofEpochMilli(times[peak]),
                Instant.ofEpochMilli(times[trough]), recovered ? Instant.ofEpochMilli(times[recovery]) : null,
                index[trough] / index[peak] - 1, days(times, peak, trough),
                recovered ? days(times, trough, recovery) : Double.NaN, days(times, peak, end));
    }

    private static double days(long[] times, int from, int to) {
        return (times[to] - times[from]) / DAY_MILLIS;
    }
}
