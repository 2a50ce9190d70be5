package dev.crashlab.report;

import java.time.Instant;
import java.util.Objects;

/**
 * How reports are rendered.
 *
 * @param renderedAt the render time shown on each page; give a fixed instant for byte-identical
 *                   pages
 * @param maxPoints  the most points a chart line keeps; longer lines are down-sampled for display
 *                   with largest-triangle-three-buckets (metrics never are), at least 100
 */
public record ReportOptions(Instant renderedAt, int maxPoints) {

    /** The default number of points a chart line keeps. */
    public static final int DEFAULT_MAX_POINTS = 1_500;

    public ReportOptions {
        Objects.requireNonNull(renderedAt, "renderedAt");
        if (maxPoints < 100) {
            throw new IllegalArgumentException("maxPoints must be at least 100, got " + maxPoints);
        }
    }

    /** Returns the defaults, stamped with the current time (to the second). */
    public static ReportOptions now() {
        return at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Returns the defaults, stamped with {@code renderedAt}. */
    public static ReportOptions at(Instant renderedAt) {
        return new ReportOptions(renderedAt, DEFAULT_MAX_POINTS);
    }

    /** Returns these options with another point budget. */
    public ReportOptions withMaxPoints(int value) {
        return new ReportOptions(renderedAt, value);
    }
}
