package dev.crashlab.signals;

import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Fresh liquidity: the growth of the stablecoin supply, a daily series of US$ market
 * capitalisation ({@code total_usd} of {@code stablecoin_supply.csv}, every stablecoin
 * DefiLlama tracks). Dollars minted into stablecoins are dollars that can buy crypto; a growing
 * supply after a crash is liquidity coming back.
 *
 * <pre>{@code
 * Condition liquidityBack = FreshLiquidity.of("stablecoins").growth(30).above(0);
 * }</pre>
 *
 * <p>With the default publication rule a value dated D is read from the step of D+1.
 * <b>Missing data:</b> NaN while nothing is published and while the latest value is dated
 * before T − {@code maxAgeDays} (default {@value #DEFAULT_MAX_AGE_DAYS}: a value every day,
 * normally 1 day old).
 *
 * @param series     the name of the supply series in the run's data
 * @param maxAgeDays the oldest the latest value may be, in days before the step's date; also the
 *                   most the base value may lie before its target date
 */
public record FreshLiquidity(String series, int maxAgeDays) {

    /** Days a daily crypto series may go without a new value (it is normally 1 day old at a step). */
    public static final int DEFAULT_MAX_AGE_DAYS = 3;

    public FreshLiquidity {
        Objects.requireNonNull(series, "series");
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the supply series {@code series} with the default maximum age. */
    public static FreshLiquidity of(String series) {
        return new FreshLiquidity(series, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns this series with another maximum age, in days. */
    public FreshLiquidity withMaxAgeDays(int days) {
        return new FreshLiquidity(series, days);
    }

    /**
     * Returns the growth over {@code days} days, a fraction: x(L) / x(B) − 1, where L is the
     * latest value's date and B the date of the last value dated on or before L − days (exactly
     * L − days on a series without gaps: the span is {@code days} days, not days + 1). NaN when
     * there is no such value, when it is dated before L − days − maxAgeDays, or when it is not
     * positive.
     */
    public DataSignal growth(int days) {
        return new Growth(this, Labels.atLeast("days", days, 1));
    }

    private record Growth(FreshLiquidity supply, int days) implements Explained {
        @Override
        public String name() {
            return "liquidity.growth(" + supply.series + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries s = Inputs.series(ctx, supply.series, supply.maxAgeDays, why);
            if (s == null) {
                return Double.NaN;
            }
            LocalDate target = s.latestDate().minusDays(days);
            int base = s.indexOnOrBefore(target);
            if (base < 0) {
                return Why.nan(why, () -> supply.series + ": first value dated " + s.date(0) + ", after " + target
                        + ", " + days + " days before the latest");
            }
            LocalDate found = s.date(base);
            if (found.isBefore(target.minusDays(supply.maxAgeDays))) {
                return Why.nan(why, () -> supply.series + ": last value on or before " + target + " is dated " + found
                        + ", older than the " + supply.maxAgeDays + "-day maximum age");
            }
            if (!(s.value(base) > 0)) {
                return Why.nan(why, () -> supply.series + ": value dated " + found + " is " + s.value(base) + ", not positive");
            }
            return s.latest() / s.value(base) - 1;
        }
    }
}
