/**
 * Risk limits on results: {@link dev.crashlab.results.check.RiskRule} reads one line of a
 * config's {@code checks} ({@code maxDrawdown > -0.5}) and evaluates it on a run's
 * {@link dev.crashlab.results.RunResults}; {@code crashlab:check} turns a rule that does not hold
 * into a failed build.
 *
 * <h2>Dependencies</h2>
 * {@code dev.crashlab.results} only.
 */
package dev.crashlab.results.check;
