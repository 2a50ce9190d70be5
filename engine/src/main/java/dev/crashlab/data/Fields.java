package dev.crashlab.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
        if (text.equalsIgnoreCase("nan") || text.matches("[+-]?(?i:inf|infinity)")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
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

    private static long dateMillis(String text, String pattern) {
        if (pattern == null) {
            return isoDateEpochDay(text) * DAY_MILLIS;
        }
        return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT)).toEpochDay() * DAY_MILLIS;
    }

    /** Parses {@code yyyy-MM-dd} without the general parser, which dominates load time otherwise. */
    private static long isoDateEpochDay(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                return LocalDate.of(year, month, day).toEpochDay();
            }
        }
        return LocalDate.parse(text).toEpochDay();
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

    private static long dateTimeMillis(String text, String pattern, ZoneId zone) {
        DateTimeFormatter formatter = pattern == null ? ISO_FLEXIBLE : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        TemporalAccessor parsed = formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
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
            .toFormatter(Locale.ROOT);

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
