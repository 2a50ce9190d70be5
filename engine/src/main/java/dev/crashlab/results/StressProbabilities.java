package dev.crashlab.results;

import java.util.List;

/**
 * The probabilities of a set of stress paths, each the share of its paths for which the event
 * holds.
 *
 * @param liquidation        at least one liquidation
 * @param belowContributions ending with equity below initial cash plus net external flows
 * @param drawdownBeyond     a max drawdown below each threshold ({@code maxDrawdown < threshold})
 */
public record StressProbabilities(double liquidation, double belowContributions, List<DrawdownBeyond> drawdownBeyond) {

    public StressProbabilities {
        drawdownBeyond = List.copyOf(drawdownBeyond);
    }

    /**
     * The probability of a drawdown deeper than a threshold.
     *
     * @param threshold   the drawdown, a fraction below 0 (-0.5 is a fall of half)
     * @param probability the share of paths whose max drawdown is below it
     */
    public record DrawdownBeyond(double threshold, double probability) {
    }
}
