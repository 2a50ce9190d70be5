/**
 * Synthetic sample data: a seeded generator of daily bars and ETF flows with the stylised
 * behaviour of crash regimes, so that crashlab runs offline and its examples have something to
 * find. {@link dev.crashlab.data.sample.SampleDataGenerator} is the whole public API; it writes
 * the committed {@code data/sample} folder.
 *
 * <h2>Not market history</h2>
 * Every file it writes says "synthetic" in its first comment line; loaders mark such series as
 * synthetic and reports show a banner. Symbols are real tickers only so that the default
 * instrument catalog knows their asset class and calendar.
 *
 * <h2>Determinism</h2>
 * The same options give the same bytes on every JDK (21 and later) and CPU: seeded
 * {@code L64X128MixRandom} streams, {@link java.lang.StrictMath}, exact decimal rounding, no
 * clock. Each asset, its bar shapes and the ETF flows draw from streams of their own, so that a
 * change to one part does not reshuffle the others.
 *
 * <h2>Stylised facts</h2>
 * Volatility clustering (GARCH variances), fat tails (Student-t shocks), co-movement (one common
 * factor), one crash in which every asset falls and ETF flows stay negative, and an altcoin
 * rebound in December 2024 after a deep drawdown. The tests measure each on the generated files.
 */
package dev.crashlab.data.sample;
