/**
 * The strategies crashlab is built for: dip-only dollar-cost averaging, a December altcoin
 * rebound-then-short, two wrappers (an ETF-outflow filter and a leverage multiplier), a
 * crash-regime classifier and the crisis windows it names. Each is annotated
 * {@code @StrategyName}, so configs name it by its simple name, and reads only the strategy API
 * of the engine (with data, clock and fast indicators); {@code strategies/README.md} lists their
 * parameters and exact rules.
 */
package dev.crashlab.strategies;
