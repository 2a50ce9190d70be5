package dev.crashlab.jobs;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of many units of work in the log: after every tenth or twentieth of them, and after
 * the last, a line such as {@code sweep: 500/10000 done, 2599.1 runs/s, ETA 4 s}. Safe to call
 * from the threads that do the work.
 */
final class Progress {

    private final String label;
    private final String doneWord;
    private final String unit;
    private final int total;
    private final int every;
    private final JobLog log;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();

    /**
     * Starts the clock for {@code total} units, logged as {@code label: n/total doneWord, rate unit/s}
     * about {@code lines} times.
     */
    Progress(String label, String doneWord, String unit, int total, int lines, JobLog log) {
        this.label = label;
        this.doneWord = doneWord;
        this.unit = unit;
        this.total = total;
        this.every = Math.max(1, total / lines);
        this.log = log;
    }

    /** Counts one unit done, logging the line when its turn comes. */
    void done() {
        int n = done.incrementAndGet();
        if (n % every == 0 || n == total) {
            double rate = n / Math.max(seconds(), 1e-9);
            log.info(String.format(Locale.ROOT, "%s: %d/%d %s, %.1f %s/s, ETA %.0f s", label, n, total, doneWord, rate, unit,
                    (total - n) / rate));
        }
    }

    /** Returns the seconds since the clock started. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
