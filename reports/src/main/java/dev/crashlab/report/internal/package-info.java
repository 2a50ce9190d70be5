/**
 * The machinery behind {@link dev.crashlab.report.Reports}, not an API: the read-model of
 * results.json ({@link dev.crashlab.report.internal.Results}), formatting, derived series, LTTB
 * down-sampling, chart data, the page models the jte templates render, and the inlined assets.
 * The jte templates ({@code src/main/jte}) are compiled into the sub-package {@code jte}.
 */
package dev.crashlab.report.internal;
