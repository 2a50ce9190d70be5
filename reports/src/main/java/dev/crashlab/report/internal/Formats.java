package dev.crashlab.report.internal;

import dev.crashlab.results.MetricKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats figures for reports, the same way everywhere: percent with two decimals ({@code 12.34 %}),
 * small rates such as funding per 8 hours as percent with four ({@code 0.0100 %}), money with
 * thousands separators and two decimals ({@code 12,345.67}), days as whole numbers, ratios with
 * two decimals. A missing or undefined figure (NaN, {@code null} in results.json) is
 * shown as {@link #MISSING}. Numbers use a plain hyphen for the minus sign and no currency symbol.
 */
public final class Formats {

    /** What a missing or undefined figure is shown as. */
    public static final String MISSING = "—";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Returns a fraction as percent with two decimals: {@code 0.1234} gives {@code 12.34 %}. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.2f %%", clean(fraction * 100));
    }

    /**
     * Returns a small rate as percent with four decimals: {@code 0.0001} gives {@code 0.0100 %}.
     * Rates per fill or per 8 hours need them: with two, {@code 0.0001} and {@code 0.00005} would
     * both read {@code 0.01 %}.
     */
    public static String ratePercent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return MISSING;
        }
        double percent = fraction * 100;
        return String.format(Locale.ROOT, "%.4f %%", Math.abs(percent) < 0.00005 ? 0.0 : percent);
    }

    /** Returns an amount with thousands separators and two decimals: {@code 12,345.67}. */
    public static String money(double amount) {
        if (!Double.isFinite(amount)) {
            return MISSING;
        }
        return String.format(Locale.US, "%,.2f", clean(amount));
    }

    /** Returns a number of days, rounded to a whole number. */
    public static String days(double days) {
        return count(days);
    }

    /** Returns a ratio with two decimals: {@code 1.2345} gives {@code 1.23}. */
    public static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.2f", clean(value));
    }

    /**
     * Returns a probability with three decimals: {@code 0.9487} gives {@code 0.949}, so that one
     * just below a threshold such as 0.95 does not read as the threshold.
     */
    public static String probability(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Returns a count, a whole number with thousands separators. */
    public static String count(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return String.format(Locale.US, "%,d", Math.round(value));
    }

    /** Returns a quantity with up to eight decimals and no trailing zeros. */
    public static String quantity(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        String s = new java.math.BigDecimal(value).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
        return "-0".equals(s) ? "0" : s;
    }

    /** Returns a price: two decimals from 1 up, else up to six significant digits. */
    public static String price(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        if (Math.abs(value) >= 1) {
            return money(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns a figure of any unit, such as one a strategy tracked, as a price is shown: two
     * decimals from 1 up, else up to six significant digits ({@code -312.50}, {@code 0.0123}).
     */
    public static String figure(double value) {
        return price(value);
    }

    /** Returns an instant as its UTC date when it is midnight, else as date and minutes, UTC. */
    public static String time(Instant instant) {
        if (instant == null) {
            return MISSING;
        }
        if (instant.getEpochSecond() % 86_400 == 0 && instant.getNano() == 0) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        return MINUTES.format(instant);
    }

    /** Returns a figure of the given kind. */
    public static String of(MetricKind kind, double value) {
        return switch (kind) {
            case PERCENT -> percent(value);
            case MONEY -> money(value);
            case DAYS -> days(value);
            case RATIO -> ratio(value);
            case COUNT -> count(value);
        };
    }

    /** Turns a rounded negative zero into zero, so that -0.001 % is shown as 0.00 %, not -0.00 %. */
    private static double clean(double value) {
        return Math.abs(value) < 0.005 ? 0.0 : value;
    }
}
