package dev.crashlab.results;

import java.util.Map;

/**
 * The costs and fill rules of a run, each in its unit.
 *
 * @param feeRate       the fee per fill, a fraction of notional
 * @param fixedFee      the fixed fee per fill, in the filled instrument's quote currency
 * @param slippageBps   the slippage against the trader on market and stop fills, in basis points
 * @param fillMode      when orders fill, such as {@code next_open}
 * @param optimistic    whether the fill mode fills at the signal bar's own price
 * @param pathRule      the order a bar's path visits its extremes, such as {@code nearest-extreme-first}
 * @param borrowRate    the borrow rate of shorts, a fraction a year
 * @param fundingRate   the funding rate of shorts, a fraction per 8 hours
 * @param fundingSeries the published funding series applied to an instrument's position, by symbol
 */
public record CostTerms(double feeRate, double fixedFee, double slippageBps, String fillMode, boolean optimistic,
        String pathRule, double borrowRate, double fundingRate, Map<String, FundingSource> fundingSeries) {

    public CostTerms {
        fundingSeries = Fields.ordered(fundingSeries);
    }
}
