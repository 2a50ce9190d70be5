package dev.crashlab.results;

/** What kind of figure a metric is, and so how reports show it: a fraction, money, a ratio, days or a count. */
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
