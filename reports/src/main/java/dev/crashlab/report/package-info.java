/**
 * HTML performance reports: self-contained pages made from results records
 * ({@code dev.crashlab.results}), the only package besides this one's that reports use.
 *
 * <h2>Pages</h2>
 * {@link dev.crashlab.report.Reports} writes a run's report (header with strategy, parameters,
 * period, universe, data provenance, costs and fill mode; metrics against the benchmark with each
 * definition; equity, drawdown, exposure, rolling Sharpe and volatility, rolling beta, price-and-fill,
 * candlestick (with overlays and fills, over the results' candle window), flow, return-distribution,
 * P&amp;L-per-trade, monthly and yearly charts; per-regime table; the figures and states the strategy tracked, with
 * its states' periods not holding shaded on the equity chart; trades and events; a banner of the
 * run's warnings), a comparison of several runs,
 * a sweep over two parameters, and an {@code index.html} listing a folder's runs.
 *
 * <h2>Self-contained</h2>
 * One file per page. Apache ECharts (from the {@code org.webjars:echarts} WebJar), the page script
 * and its style are inlined; the page references no URL and carries a Content-Security-Policy of
 * {@code default-src 'none'}, so it works offline from {@code file://} and cannot make a request.
 *
 * <h2>Escaping</h2>
 * Pages come from jte templates compiled at build time with content type HTML: every value is
 * escaped for where it stands. Chart data travels as JSON inside a
 * {@code <script type="application/json">} element, serialised by Jackson with {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 written as {@code \}{@code u} escapes, and is read with
 * {@code JSON.parse}; no user text is ever spliced into code. The page script writes user text
 * into tooltips only through an HTML-escaping function.
 *
 * <h2>Figures</h2>
 * Tables show the engine's metrics as results.json holds them. Chart lines longer than
 * {@link dev.crashlab.report.ReportOptions#maxPoints()} are down-sampled for display with
 * largest-triangle-three-buckets; nothing is computed from the down-sampled points. Series that
 * results.json does not hold (drawdown, rolling figures, monthly returns) come from the results
 * package ({@code dev.crashlab.results.Returns}), derived from the equity with the metrics'
 * conventions, and so do the figures of tracked series ({@code TrackedSeries}: a state's periods
 * not holding, its share held); pages only format, select and scale (a position as a share of
 * equity).
 *
 * <h2>Determinism</h2>
 * The same results and options give the same bytes; the render time is an option.
 */
package dev.crashlab.report;
