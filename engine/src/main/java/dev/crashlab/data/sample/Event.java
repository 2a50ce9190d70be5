package dev.crashlab.data.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A stylised event of the sample: over the dates {@code from} to {@code to} (both inclusive)
 * some assets return exactly a given amount, the market may be more volatile, and US spot-bitcoin
 * ETFs may see outflows only.
 *
 * <p>The returns are exact because the generator first draws the noise of the whole window and
 * then spreads the difference to the target evenly over the window's bars: the path inside the
 * window stays random, only where it ends is fixed. A return is measured from the last close
 * before {@code from} to the last close on or before {@code to}.
 *
 * @param name          a short name for documentation and tests
 * @param from          the first date of the window
 * @param to            the last date of the window
 * @param returns       the simple return of each named asset over the window, as a fraction
 *                      ({@code -0.45} is a 45 % fall); assets not named move freely
 * @param volatility    the factor by which every shock's standard deviation is multiplied inside
 *                      the window; after it the excess decays with a time constant of
 *                      {@link #VOLATILITY_DECAY_DAYS} days. 1 for none.
 * @param outflowsUntil the last date on which ETF flows are forced negative (from {@code from}
 *                      on), or {@code null} for no forced outflows
 */
record Event(String name, LocalDate from, LocalDate to, Map<String, Double> returns, double volatility,
        LocalDate outflowsUntil) {

    /** How many days the excess volatility of an event takes to decay by a factor e after it ends. */
    static final double VOLATILITY_DECAY_DAYS = 15;

    Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        returns = Map.copyOf(returns);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(name + ": to " + to + " is before from " + from);
        }
        if (!(volatility >= 1)) {
            throw new IllegalArgumentException(name + ": volatility must be >= 1, got " + volatility);
        }
        returns.forEach((symbol, r) -> {
            if (!(r > -1)) {
                throw new IllegalArgumentException(name + ": return of " + symbol + " must be > -1, got " + r);
            }
        });
        if (outflowsUntil != null && outflowsUntil.isBefore(from)) {
            throw new IllegalArgumentException(name + ": outflowsUntil " + outflowsUntil + " is before from " + from);
        }
    }

    /** Returns whether {@code date} lies in the window. */
    boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Returns whether ETF flows are forced negative on {@code date}. */
    boolean forcesOutflow(LocalDate date) {
        return outflowsUntil != null && !date.isBefore(from) && !date.isAfter(outflowsUntil);
    }

    /**
     * Returns the multiplier of shock standard deviations on {@code date}: {@link #volatility}
     * inside the window, decaying exponentially towards 1 after it, 1 before it.
     */
    double volatilityOn(LocalDate date) {
        if (date.isBefore(from) || volatility == 1) {
            return 1;
        }
        if (!date.isAfter(to)) {
            return volatility;
        }
        long daysAfter = to.until(date, ChronoUnit.DAYS);
        return 1 + (volatility - 1) * StrictMath.exp(-daysAfter / VOLATILITY_DECAY_DAYS);
    }
}
