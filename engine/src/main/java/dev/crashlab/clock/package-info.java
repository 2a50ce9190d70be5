/**
 * Time: the {@link dev.crashlab.clock.MarketClock} that puts a universe's instruments on one time
 * line of steps, each the moment some bars close, and the {@link dev.crashlab.clock.Schedule}s of
 * periodic events (daily, weekly on Monday, monthly on the 1st) such as contributions.
 *
 * <h2>Invariant</h2>
 * A step sees exactly the bars that ended by its close; its time is the start of the period of
 * the universe's shortest bars, so in a universe of one bar length it is the bars' own stamp.
 *
 * <h2>Dependencies</h2>
 * {@code dev.crashlab.data} only.
 */
package dev.crashlab.clock;
