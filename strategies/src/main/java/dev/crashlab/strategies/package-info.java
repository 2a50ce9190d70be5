/**
 * The strategies crashlab is built for: the buy-and-hold benchmark, dip-only dollar-cost
 * averaging, a December altcoin rebound-then-short, two wrappers (an ETF-outflow filter and a
 * leverage multiplier) and a crash-regime classifier. Each reads only the strategy API of the
 * engine; {@code strategies/README.md} lists their parameters.
 */
package dev.crashlab.strategies;
