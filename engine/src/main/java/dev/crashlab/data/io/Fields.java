package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parses the text of one field, naming file, line and field when it cannot: numbers (with an
 * optional decimal comma) and timestamps in each {@link TimeFormat}.
 */
final class Fields {

    private static final long DAY_MILLIS = 86_400_000L;

    private final String file;
    private final boolean decimalComma;
    private String cachedPattern;
    private DateTimeFormatter cachedFormatter;

    Fields(String file, boolean decimalComma) {
        this.file = file;
        this.decimalComma = decimalComma;
    }

    DataFileException error(long line, String field, String problem) {
        return new DataFileException(file, line, field, problem);
    }

    /** Returns the finite number written in {@code raw}. */
    double number(String raw, long line, String field) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw error(line, field, "missing value: expected a number");
        }
        if (decimalComma) {
            text = text.replace(',', '.');
        }
        if (!looksNumeric(text)) {
            throw error(line, field, "expected a number, got \"" + raw + "\"");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(line, field, "expected a number, got \"" + raw + "\"");
        }
        if (!Double.isFinite(value)) {
            throw error(line, field, "expected a finite number, got \"" + raw + "\"");
        }
        return value;
    }

    /** Returns a number, or NaN for a blank field. */
    double optionalNumber(String raw, long line, String field) {
        return raw.isBlank() ? Double.NaN : number(raw, line, field);
    }

    /** Accepts digits, sign, decimal point and exponent, plus the words NaN and Infinity so they get their own message. */
    private static boolean looksNumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
            if (!ok) {
                return isNonFiniteWord(text);
            }
        }
        return true;
    }

    /** Returns whether {@code text} is NaN or an infinity, which parse but are refused as not finite. */
    private static boolean isNonFiniteWord(String text) {
        String word = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        return text.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    /**
     * Returns the instant written in {@code raw} as UTC epoch milliseconds. With
     * {@code dailyBars}, a date-time is reduced to its date in {@code zone}, stamped 00:00 UTC.
     */
    long time(String raw, TimeFormat format, ZoneId zone, boolean dailyBars, long line, String field) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw error(line, field, "missing value: expected a " + describe(format));
        }
        try {
            long millis = switch (format.kind()) {
                case DATE -> dateMillis(text, format.pattern());
                case DATETIME -> dateTimeMillis(text, format.pattern(), zone);
                case EPOCH_SECONDS -> Math.multiplyExact(Long.parseLong(text), 1000L);
                case EPOCH_MILLIS -> Long.parseLong(text);
                case EPOCH_MILLIS_OR_MICROS -> epochMillisOrMicros(text);
            };
            if (dailyBars && format.kind() != TimeFormat.Kind.DATE) {
                LocalDate date = java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
                millis = date.toEpochDay() * DAY_MILLIS;
            }
            return millis;
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw error(line, field, "expected a " + describe(format) + ", got \"" + raw + "\"");
        }
    }

    private static long epochMillisOrMicros(String text) {
        long value = Long.parseLong(text);
        // Binance spot dumps switched from milliseconds to microseconds on 2025-01-01; a
        // millisecond stamp stays below 1e14 until the year 5138.
        return Math.abs(value) >= 100_000_000_000_000L ? value / 1000 : value;
    }

    private long dateMillis(String text, String pattern) {
        if (pattern == null) {
            return isoDateEpochDay(text) * DAY_MILLIS;
        }
        return LocalDate.parse(text, formatter(pattern)).toEpochDay() * DAY_MILLIS;
    }

    /** Parses {@code yyyy-MM-dd} without the general parser, which dominates load time otherwise. */
    private static long isoDateEpochDay(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (isCalendarDate(year, month, day)) {
                return LocalDate.of(year, month, day).toEpochDay();
            }
        }
        return LocalDate.parse(text).toEpochDay();
    }

    /** Anything else, such as 30 February, is left to the general parser so it fails with a parse error. */
    private static boolean isCalendarDate(int year, int month, int day) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1
                && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private long dateTimeMillis(String text, String pattern, ZoneId zone) {
        if (pattern == null) {
            long instant = isoInstantMillis(text);
            if (instant != Long.MIN_VALUE) {
                return instant;
            }
        }
        TemporalAccessor parsed = formatter(pattern).parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
    }

    /** Returns the formatter of {@code pattern} (ISO when null), built once per pattern and load. */
    private DateTimeFormatter formatter(String pattern) {
        if (pattern == null) {
            return ISO_FLEXIBLE;
        }
        if (!pattern.equals(cachedPattern)) {
            cachedFormatter = DateTimeFormatter.ofPattern(prolepticYears(pattern), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
            cachedPattern = pattern;
        }
        return cachedFormatter;
    }

    /**
     * Rewrites year-of-era {@code y} to proleptic year {@code u} outside quoted literals: the
     * strict resolver, which refuses 31 April where the default one quietly makes it 30 April,
     * cannot resolve a year-of-era without an era. Both read the same for years after 0.
     */
    private static String prolepticYears(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && ch == 'y' ? 'u' : ch);
        }
        return out.toString();
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ssZ}, the form {@code Instant.toString} and crashlab's own
     * CSV write, without the general parser; returns {@code Long.MIN_VALUE} for any other form.
     */
    private static long isoInstantMillis(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (!isCalendarDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return Long.MIN_VALUE;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return (days * 86_400L + hour * 3_600L + minute * 60L + second) * 1000L;
    }

    /** ISO date-times with {@code T} or a space, optional seconds and fraction, optional offset or {@code Z}. */
    private static final DateTimeFormatter ISO_FLEXIBLE = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static String describe(TimeFormat format) {
        return switch (format.kind()) {
            case DATE -> format.pattern() == null ? "date (yyyy-MM-dd)" : "date (" + format.pattern() + ")";
            case DATETIME -> format.pattern() == null ? "date-time (ISO-8601)" : "date-time (" + format.pattern() + ")";
            case EPOCH_SECONDS -> "time in epoch seconds";
            case EPOCH_MILLIS -> "time in epoch milliseconds";
            case EPOCH_MILLIS_OR_MICROS -> "time in epoch milliseconds or microseconds";
        };
    }
}
