package dev.crashlab.metrics.resampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Crisis replay re-lives named crisis windows at other times: each path is the original sample,
 * day by day, with the windows' day runs spliced in at random positions.
 *
 * <h2>Definition</h2>
 * The path has the sample's length n. The windows keep the order in which they are given and
 * never overlap; each replaces, at its position q, the days q … q + w − 1 of the original with
 * its own days from … to (w = to − from + 1). The positions are uniformly random among all
 * such placements: with W the windows' total length and F = n − W the days left from the
 * original, a uniformly random set of m slots out of F + m (Knuth's selection sampling,
 * algorithm S: slot j is taken with probability (m − taken) / (F + m − j), one
 * {@code nextDouble} of path k's generator ({@link PathRandom}) each) says which of the F + m
 * items, in order, are the m windows and which are original days. A window may land on its own
 * place, which leaves that stretch as it was.
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
    private final long seed;

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
     * @param position the path position of its first day
     */
    public record Placement(CrisisWindow window, int position) {
    }

    /**
     * Creates the replay of {@code windows} in a sample of {@code sampleLength} days, seeded by
     * {@code seed}.
     *
     * @throws IllegalArgumentException when there is no window, a window reaches past the
     *                                  sample, or the windows together are longer than it
     */
    public CrisisReplay(int sampleLength, List<CrisisWindow> windows, long seed) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("expected at least one crisis window, got none");
        }
        long total = 0;
        for (CrisisWindow w : windows) {
            if (w.to() >= sampleLength) {
                throw new IllegalArgumentException("crisis window '" + w.name() + "' ends on day " + w.to()
                        + " but the sample has " + sampleLength + " days");
            }
            total += w.length();
        }
        if (total > sampleLength) {
            throw new IllegalArgumentException("the crisis windows span " + total + " days together, more than the "
                    + sampleLength + " days of the sample");
        }
        this.sampleLength = sampleLength;
        this.windows = List.copyOf(windows);
        this.seed = seed;
    }

    /** Returns the windows, in the order they are placed. */
    public List<CrisisWindow> windows() {
        return windows;
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
        int free = sampleLength;
        for (CrisisWindow w : windows) {
            free -= w.length();
        }
        int[] days = new int[sampleLength];
        List<Integer> starts = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        int items = free + m;
        int taken = 0;
        int position = 0;
        for (int slot = 0; slot < items; slot++) {
            boolean window = taken < m && random.nextDouble() * (items - slot) < m - taken;
            if (window) {
                CrisisWindow w = windows.get(taken++);
                placements.add(new Placement(w, position));
                for (int d = w.from(); d <= w.to(); d++) {
                    append(days, starts, position++, d);
                }
            } else {
                append(days, starts, position, position);
                position++;
            }
        }
        return new Replay(new DayPath(days, starts.stream().mapToInt(Integer::intValue).toArray()), placements);
    }

    /** Puts {@code day} at {@code position}, starting a block where it does not follow the previous day. */
    private static void append(int[] days, List<Integer> starts, int position, int day) {
        if (position == 0 || days[position - 1] + 1 != day) {
            starts.add(position);
        }
        days[position] = day;
    }
}
