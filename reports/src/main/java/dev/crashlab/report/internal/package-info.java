/**
 * The machinery behind {@code dev.crashlab.report.Reports}, not an API: formatting, LTTB
 * down-sampling, chart data, the page models the jte templates render from results records, and
 * the inlined assets. The jte templates ({@code src/main/jte}) are compiled into the sub-package
 * {@code jte}. It uses the results package and nothing of the report package above it.
 */
package dev.crashlab.report.internal;
