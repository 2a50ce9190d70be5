package dev.crashlab.data;

import java.util.Objects;

/**
 * A warning about loaded data that does not stop a backtest but that a user should read: a gap
 * longer than the calendar allows, rows that lenient mode re-sorted, a partial last day dropped.
 *
 * @param kind    what sort of warning, for counting and filtering
 * @param file    the file it concerns
 * @param line    the line it concerns (from 1), or 0 for the file as a whole
 * @param message the warning, in words
 */
public record DataWarning(Kind kind, String file, long line, String message) {

    /** The sorts of data warnings. */
    public enum Kind {
        /** More expected trading days are missing between two bars than the calendar tolerates. */
        GAP,
        /** Rows were out of time order and were sorted (lenient mode only). */
        UNSORTED,
        /** A bar is dated on a day its calendar says is closed. */
        OFF_CALENDAR,
        /** Rows were skipped, such as Yahoo's all-null rows or a partial last day. */
        SKIPPED_ROWS,
        /** An intraday bar is stamped off its interval's grid (an hourly bar at 09:28:14): kept as the file has it. */
        OFF_GRID,
        /** Missing intraday bars were filled with flat zero-volume bars ({@link GapPolicy#FILL}). */
        FILLED
    }

    public DataWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
