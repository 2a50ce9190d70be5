/**
 * Resampled histories for stress tests: day-index paths that rebuild alternative histories from
 * the sample's own days. {@link dev.crashlab.metrics.resampling.StationaryBootstrap} (Politis and
 * Romano 1994) draws paths of geometric blocks, with {@link
 * dev.crashlab.metrics.resampling.BlockLength} to choose their mean length (Politis and White
 * 2004, Patton, Politis and White 2009); {@link dev.crashlab.metrics.resampling.CrisisReplay}
 * splices named {@link dev.crashlab.strategy.CrisisWindow}s into the original history.
 * Both give {@link dev.crashlab.metrics.resampling.DayPath}s.
 *
 * <h2>Joint resampling</h2>
 * A path holds day indices, not values: the same path is applied to every instrument's returns
 * and every published series, so that what happened together on a day stays together.
 *
 * <h2>Reproducibility</h2>
 * Path k of seed s is a function of (s, k) alone (a per-path generator derived by SplitMix64,
 * see {@code PathRandom}): the same on any thread, in any order, on any machine with the same
 * Java {@link java.util.SplittableRandom} algorithm. Generators hold no mutable state.
 *
 * <h2>Aligned to a period</h2>
 * Both generators can keep every day on its position modulo a period: on a sample of consecutive
 * calendar days, a period of 7 resamples Saturdays from Saturdays, so that an instrument closed at
 * weekends keeps its weekends in a resampled history.
 *
 * <h2>Dependencies</h2>
 * The JDK and the strategy API's {@link dev.crashlab.strategy.CrisisWindow}; nothing above the
 * metrics.
 */
package dev.crashlab.metrics.resampling;
