package dev.crashlab.execution;

import dev.crashlab.data.Symbol;
import java.util.Map;
import java.util.Objects;

/**
 * The cost and execution assumptions of a backtest, with their defaults in one place
 * ({@link #DEFAULTS}: no fees, no slippage, next-open fills, the nearest extreme first, no carry).
 *
 * <p>Fees are {@code feeRate × notional + fixedFee} per fill. Slippage moves market and stop
 * fills {@code slippageBps} basis points against the trader (buys higher, sells lower), but
 * never beyond the bar's range: no fill is at a price its bar did not trade. Limit orders fill
 * at their price. Within a bar, fills, stops, limits and liquidations happen in the order the
 * bar's path ({@link PathRule}) reaches them (see {@link BarPath}). Carry ({@link Carry}) is charged at every step for the time since the previous
 * step, on the positions held over it, valued at the previous step's marks:
 * <ul>
 *   <li>a short in a crypto-asset pays {@code fundingRate} per 8 hours of its notional, or the
 *       published value of its {@code fundingSeries} (times its scale) when one is given, so a
 *       negative rate pays the short;</li>
 *   <li>a short in anything else pays {@code borrowRate} per 365-day year of its notional;</li>
 *   <li>borrowed cash (a negative cash balance, possible only on margin) pays {@code borrowRate}
 *       per 365-day year.</li>
 * </ul>
 *
 * @param feeRate       fee as a fraction of notional ({@code 0.001} is 0.1 %)
 * @param fixedFee      fee per fill in quote currency
 * @param slippageBps   slippage in basis points of the price
 * @param fillMode      when market orders fill
 * @param borrowRate    annual rate on borrowed assets and borrowed cash ({@code 0.05} is 5 % a year)
 * @param fundingRate   rate per 8 hours paid by crypto shorts ({@code 0.0001} is 0.01 %)
 * @param fundingSeries per symbol, a non-price series of funding rates that replaces {@code fundingRate}
 * @param pathRule      the order in which a bar without finer data reached its high and low
 */
public record Costs(double feeRate, double fixedFee, double slippageBps, FillMode fillMode, double borrowRate,
        double fundingRate, Map<Symbol, FundingSeries> fundingSeries, PathRule pathRule) {

    /** No fees, no slippage, next-open fills, the nearest extreme first, no carry. */
    public static final Costs DEFAULTS = new Costs(0, 0, 0, FillMode.NEXT_OPEN, 0, 0, Map.of(),
            PathRule.NEAREST_EXTREME_FIRST);

    /**
     * A published funding-rate series used for one symbol's shorts.
     *
     * @param series the non-price series' name
     * @param scale  what a published value is multiplied by to give a rate per 8 hours as a
     *               fraction: {@code 0.01} for a series in percent
     */
    public record FundingSeries(String series, double scale) {
        public FundingSeries {
            Objects.requireNonNull(series, "series");
            if (!Double.isFinite(scale)) {
                throw new IllegalArgumentException("funding series scale must be finite, got " + scale);
            }
        }
    }

    public Costs {
        requireNonNegative("feeRate", feeRate);
        requireNonNegative("fixedFee", fixedFee);
        requireNonNegative("slippageBps", slippageBps);
        requireNonNegative("borrowRate", borrowRate);
        if (!Double.isFinite(fundingRate)) {
            throw new IllegalArgumentException("fundingRate must be finite, got " + fundingRate);
        }
        if (feeRate >= 1) {
            throw new IllegalArgumentException("feeRate is a fraction of notional and must be below 1, got " + feeRate);
        }
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(pathRule, "pathRule");
        fundingSeries = Map.copyOf(fundingSeries);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** Returns the fee for a fill of {@code notional}. */
    public double fee(double notional) {
        return feeRate * notional + fixedFee;
    }

    /** Returns {@code price} moved by the slippage against a buyer ({@code buy}) or seller. */
    public double slipped(double price, boolean buy) {
        double move = slippageBps / 10_000.0;
        return buy ? price * (1 + move) : price * (1 - move);
    }

    /** Returns {@code price} moved by the slippage against a buyer ({@code buy}) or seller, but not beyond [low, high]. */
    public double slipped(double price, boolean buy, double low, double high) {
        double moved = slipped(price, buy);
        return buy ? Math.min(moved, Math.max(price, high)) : Math.max(moved, Math.min(price, low));
    }

    /** Returns a copy with another fee rate. */
    public Costs withFeeRate(double value) {
        return new Costs(value, fixedFee, slippageBps, fillMode, borrowRate, fundingRate, fundingSeries, pathRule);
    }

    /** Returns a copy with another fixed fee. */
    public Costs withFixedFee(double value) {
        return new Costs(feeRate, value, slippageBps, fillMode, borrowRate, fundingRate, fundingSeries, pathRule);
    }

    /** Returns a copy with another slippage. */
    public Costs withSlippageBps(double value) {
        return new Costs(feeRate, fixedFee, value, fillMode, borrowRate, fundingRate, fundingSeries, pathRule);
    }

    /** Returns a copy with another fill mode. */
    public Costs withFillMode(FillMode value) {
        return new Costs(feeRate, fixedFee, slippageBps, value, borrowRate, fundingRate, fundingSeries, pathRule);
    }

    /** Returns a copy with another borrow rate. */
    public Costs withBorrowRate(double value) {
        return new Costs(feeRate, fixedFee, slippageBps, fillMode, value, fundingRate, fundingSeries, pathRule);
    }

    /** Returns a copy with another funding rate. */
    public Costs withFundingRate(double value) {
        return new Costs(feeRate, fixedFee, slippageBps, fillMode, borrowRate, value, fundingSeries, pathRule);
    }

    /** Returns a copy with another path rule. */
    public Costs withPathRule(PathRule value) {
        return new Costs(feeRate, fixedFee, slippageBps, fillMode, borrowRate, fundingRate, fundingSeries, value);
    }

    /** Returns a copy with funding series per symbol. */
    public Costs withFundingSeries(Map<Symbol, FundingSeries> value) {
        return new Costs(feeRate, fixedFee, slippageBps, fillMode, borrowRate, fundingRate, value, pathRule);
    }
}
