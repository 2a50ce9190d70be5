package dev.crashlab.results;

/**
 * A maintenance tier: from {@code floor} of a position's notional on, {@code rate} of it.
 *
 * @param floor the notional the tier starts at, in the quote currency
 * @param rate  the maintenance rate, a fraction of notional
 */
public record MaintenanceTier(double floor, double rate) {
}
