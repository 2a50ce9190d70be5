package dev.crashlab.report.internal;

/** How a figure is shown: see {@link Formats}. */
public enum MetricKind {
    /** A fraction shown as percent with two decimals. */
    PERCENT,
    /** An amount with thousands separators and two decimals. */
    MONEY,
    /** Calendar days as a whole number. */
    DAYS,
    /** A ratio with two decimals. */
    RATIO,
    /** A whole number. */
    COUNT
}
