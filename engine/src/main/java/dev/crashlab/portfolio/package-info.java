/**
 * Accounting: the engine's {@link dev.crashlab.portfolio.Account} (cash, signed positions with
 * average cost and realised profit, margin, isolated margins, carry by instrument), changed only
 * by fills, external flows ({@link dev.crashlab.portfolio.Contributions}) and carry charges, and
 * shown to strategies only as the read-only {@code Portfolio} view of the strategy API.
 *
 * <h2>Invariant</h2>
 * {@code equity = cash + Σ quantity × mark} at every moment; without leverage and without
 * shorts, cash never goes below zero.
 *
 * <h2>Dependencies</h2>
 * {@code data}, {@code clock}, the strategy API and {@code execution}.
 */
package dev.crashlab.portfolio;
