package dev.crashlab.results;

/**
 * The account a run starts with: cash, external flows and margin terms.
 *
 * @param initialCash   cash at the start
 * @param contributions the external flows
 * @param margin        the margin terms
 */
public record AccountTerms(double initialCash, ContributionTerms contributions, MarginTerms margin) {
}
