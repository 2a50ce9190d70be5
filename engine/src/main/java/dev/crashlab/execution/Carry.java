package dev.crashlab.execution;

/**
 * Carry is what holding a position or a debt costs over time, charged at every step for the
 * time since the previous step on what was held over it, valued at the previous step's marks:
 * a crypto short pays funding per 8 hours of its notional (a negative rate pays the short), any
 * other short pays a borrow rate per 365-day year of its notional, and borrowed cash (a negative
 * balance) pays the borrow rate per 365-day year.
 */
public final class Carry {

    private static final double YEAR_MILLIS = 365 * 86_400_000.0;
    private static final double EIGHT_HOURS_MILLIS = 8 * 3_600_000.0;

    private Carry() {
    }

    /** Returns what a crypto short of {@code notional} pays over {@code elapsedMillis} at {@code ratePer8Hours}. */
    public static double funding(double notional, double ratePer8Hours, long elapsedMillis) {
        return notional * ratePer8Hours * (elapsedMillis / EIGHT_HOURS_MILLIS);
    }

    /** Returns what {@code notional} borrowed (shares or cash) pays over {@code elapsedMillis} at {@code annualRate}. */
    public static double borrow(double notional, double annualRate, long elapsedMillis) {
        return notional * annualRate * (elapsedMillis / YEAR_MILLIS);
    }
}
