/**
 * The rules of execution, one small type each, stating its assumption first: how market,
 * limit and stop orders fill ({@link dev.crashlab.execution.FillMode}, {@link
 * dev.crashlab.execution.Costs} with fees and slippage), the path a bar without finer data is
 * taken to follow ({@link dev.crashlab.execution.PathRule}, {@link dev.crashlab.execution.BarPath}),
 * what a position must keep ({@link dev.crashlab.execution.Margin}, {@link
 * dev.crashlab.execution.MaintenanceTiers}, {@link dev.crashlab.execution.MarginMode}), where an
 * account is liquidated ({@link dev.crashlab.execution.Liquidation}), what holding costs ({@link
 * dev.crashlab.execution.Carry}), and the record of a trade done ({@link
 * dev.crashlab.execution.Fill}; {@link dev.crashlab.execution.Fills} for many, read field by field).
 *
 * <h2>Invariants</h2>
 * No fill is at a price its bar did not trade. Within a bar, events happen in the order its
 * path reaches them; the gap from the previous close to the open trades nothing.
 *
 * <h2>Dependencies</h2>
 * {@code dev.crashlab.data} and the strategy API (the orders these rules fill).
 */
package dev.crashlab.execution;
