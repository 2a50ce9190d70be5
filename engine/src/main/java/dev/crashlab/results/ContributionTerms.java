package dev.crashlab.results;

/**
 * The external cash flows of a run.
 *
 * @param amount each flow, negative for withdrawals; 0 for none
 * @param period how often a flow arrives, such as {@code weekly} or {@code none}
 */
public record ContributionTerms(double amount, String period) {
}
