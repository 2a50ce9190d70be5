package dev.crashlab.metrics.resampling;

import dev.crashlab.strategy.CrisisWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Crisis replay re-lives named crisis windows at other times: each path is the original sample,
 * day by day, with the windows' day runs spliced in at random positions.
 *
 * <h2>Windows</h2>
 * A {@link CrisisWindow} names dates; in a sample of days with dates d<sub>0</sub> &lt; … &lt;
 * d<sub>n−1</sub> it covers the days from the first dated on or after its {@code from} to the last
 * dated on or before its {@code to}: a run of w consecutive days. A window must lie within the
 * sample's dates and cover at least one day.
 *
 * <h2>Definition</h2>
 * The path has the sample's length n. The windows keep the order in which they are given and
 * never overlap; each replaces, at its position q, the days q … q + w − 1 of the original with
 * its own days. The positions are uniformly random among all such placements: with W the
 * windows' total length and F = n − W the days left from the original, a uniformly random set
 * of m slots out of F + m (Knuth's selection sampling, algorithm S: slot j is taken with
 * probability (m − taken) / (F + m − j), one {@code nextDouble} of path k's generator
 * ({@link PathRandom}) each) says which of the F + m items, in order, are the m windows and which
 * are original days. A window may land on its own place, which leaves that stretch as it was.
 *
 * <h2>Aligned to a period</h2>
 * With a period p &gt; 1 a window whose first day is day a lands only at positions q ≡ a
 * (mod p); on a sample of consecutive calendar days, p = 7 replays a crisis on its own weekdays,
 * so that instruments closed at weekends stay closed then. The original days before window j
 * then number c<sub>j</sub> + p u<sub>j</sub>, with c<sub>j</sub> in [0, p) fixed by the
 * congruences (c<sub>0</sub> = a<sub>0</sub> mod p; c<sub>j</sub> = (a<sub>j</sub> −
 * a<sub>j−1</sub> − w<sub>j−1</sub>) mod p) and u<sub>j</sub> &gt;= 0 weeks of p days; the
 * selection above runs over U + m items, U = ⌊(F − Σ c<sub>j</sub>) / p⌋ units of p original
 * days, each aligned placement equally likely, and the original days left over close the path.
 * p = 1 gives exactly the placements above.
 *
 * <p>What is spliced is a run of day indices, applied to returns (and published series) like any
 * {@link DayPath}: a price path rebuilt from the spliced returns is continuous at the seams.
 * Blocks start at 0 and at each seam where the day does not follow the previous one.
 *
 * <p>Path k of a seed depends on (seed, k) alone, as in the {@link StationaryBootstrap}.
 */
public final class CrisisReplay {

    private final int sampleLength;
    private final List<CrisisWindow> windows;
    private final int[] firstDays;
    private final int[] lengths;
    private final long seed;
    private final int period;

    /**
     * A replay path and where its windows landed.
     *
     * @param path       the day path
     * @param placements where each window starts, in the order of the windows
     */
    public record Replay(DayPath path, List<Placement> placements) {

        /** Keeps the placements unmodifiable. */
        public Replay {
            placements = List.copyOf(placements);
        }
    }

    /**
     * A window spliced in at a position of the path.
     *
     * @param window   the crisis window
     * @param firstDay the sample day of its first date
     * @param length   the number of sample days it covers
     * @param position the path position of its first day
     */
    public record Placement(CrisisWindow window, int firstDay, int length, int position) {
    }

    /**
     * Creates the replay of {@code windows} in the sample whose days are dated {@code days}
     * (strictly increasing), seeded by {@code seed}, not aligned (period 1).
     *
     * @throws IllegalArgumentException as {@link #CrisisReplay(List, List, long, int)} does
     */
    public CrisisReplay(List<LocalDate> days, List<CrisisWindow> windows, long seed) {
        this(days, windows, seed, 1);
    }

    /**
     * Creates the replay of {@code windows} in the sample whose days are dated {@code days}
     * (strictly increasing), seeded by {@code seed}, each window landing only on positions
     * congruent to its first day modulo {@code period} (see "Aligned to a period").
     *
     * @throws IllegalArgumentException when there is no window, a window reaches outside the
     *                                  sample's dates or covers none of its days, the windows
     *                                  together (with the days alignment needs) are longer than
     *                                  the sample, the dates do not increase, or the period is
     *                                  below 1
     */
    public CrisisReplay(List<LocalDate> days, List<CrisisWindow> windows, long seed, int period) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("expected at least one crisis window, got none");
        }
        if (period < 1) {
            throw new IllegalArgumentException("period: expected at least 1, got " + period);
        }
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).isAfter(days.get(i - 1))) {
                throw new IllegalArgumentException("sample day " + i + " (" + days.get(i) + ") does not follow day " + (i - 1)
                        + " (" + days.get(i - 1) + ")");
            }
        }
        this.sampleLength = days.size();
        this.windows = List.copyOf(windows);
        this.firstDays = new int[windows.size()];
        this.lengths = new int[windows.size()];
        long total = 0;
        for (int j = 0; j < windows.size(); j++) {
            CrisisWindow w = windows.get(j);
            if (days.isEmpty() || w.from().isBefore(days.getFirst()) || w.to().isAfter(days.getLast())) {
                throw new IllegalArgumentException("crisis window '" + w.name() + "' (" + w.from() + " to " + w.to()
                        + ") reaches outside the sample" + (days.isEmpty() ? ", which is empty"
                                : " of " + days.getFirst() + " to " + days.getLast()));
            }
            int from = firstOnOrAfter(days, w.from());
            int to = firstOnOrAfter(days, w.to().plusDays(1)) - 1;
            if (to < from) {
                throw new IllegalArgumentException("crisis window '" + w.name() + "' (" + w.from() + " to " + w.to()
                        + ") covers no day of the sample");
            }
            firstDays[j] = from;
            lengths[j] = to - from + 1;
            total += lengths[j];
        }
        if (total > sampleLength) {
            throw new IllegalArgumentException("the crisis windows span " + total + " days together, more than the "
                    + sampleLength + " days of the sample");
        }
        this.seed = seed;
        this.period = period;
        if (alignmentDays() + total > sampleLength) {
            throw new IllegalArgumentException("the crisis windows span " + total + " days and need " + alignmentDays()
                    + " more to start on their own positions modulo " + period + ", more than the " + sampleLength
                    + " days of the sample");
        }
    }

    /** Returns the index of the first of {@code days} on or after {@code date}, or their number when none is. */
    private static int firstOnOrAfter(List<LocalDate> days, LocalDate date) {
        int low = 0;
        int high = days.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days.get(mid).isBefore(date)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Returns c<sub>j</sub>, the original days window j needs before it beyond whole periods. */
    private int alignment(int j) {
        int previousEnd = j == 0 ? 0 : firstDays[j - 1] + lengths[j - 1];
        return Math.floorMod(firstDays[j] - previousEnd, period);
    }

    private long alignmentDays() {
        long sum = 0;
        for (int j = 0; j < windows.size(); j++) {
            sum += alignment(j);
        }
        return sum;
    }

    /** Returns the windows, in the order they are placed. */
    public List<CrisisWindow> windows() {
        return windows;
    }

    /** Returns the period windows are aligned to; 1 when not aligned. */
    public int period() {
        return period;
    }

    /**
     * Returns replay path {@code k} (k &gt;= 0).
     *
     * @throws IllegalArgumentException when {@code k} is negative
     */
    public Replay path(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("expected a path number >= 0, got " + k);
        }
        SplittableRandom random = PathRandom.of(seed, k);
        int m = windows.size();
        long free = sampleLength;
        for (int length : lengths) {
            free -= length;
        }
        int units = (int) ((free - alignmentDays()) / period);
        int[] days = new int[sampleLength];
        List<Integer> starts = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        int items = units + m;
        int taken = 0;
        int position = 0;
        for (int slot = 0; slot < items; slot++) {
            boolean window = taken < m && random.nextDouble() * (items - slot) < m - taken;
            if (window) {
                int j = taken++;
                position = original(days, starts, position, alignment(j));
                placements.add(new Placement(windows.get(j), firstDays[j], lengths[j], position));
                for (int d = firstDays[j]; d < firstDays[j] + lengths[j]; d++) {
                    append(days, starts, position++, d);
                }
            } else {
                position = original(days, starts, position, period);
            }
        }
        original(days, starts, position, sampleLength - position);
        return new Replay(new DayPath(days, starts.stream().mapToInt(Integer::intValue).toArray()), placements);
    }

    /** Puts {@code count} original days from {@code position} on, each at its own place; returns the next position. */
    private static int original(int[] days, List<Integer> starts, int position, int count) {
        for (int end = position + count; position < end; position++) {
            append(days, starts, position, position);
        }
        return position;
    }

    /** Puts {@code day} at {@code position}, starting a block where it does not follow the previous day. */
    private static void append(int[] days, List<Integer> starts, int position, int day) {
        if (position == 0 || days[position - 1] + 1 != day) {
            starts.add(position);
        }
        days[position] = day;
    }
}
