package dev.crashlab.data.io;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How a file writes its timestamps.
 *
 * @param kind    date, date-time, or epoch number
 * @param pattern the {@link DateTimeFormatter} pattern for dates and date-times, or {@code null}
 *                for ISO-8601
 */
public record TimeFormat(Kind kind, String pattern) {

    /** The kinds of timestamp. */
    public enum Kind {
        /** A calendar date; the bar is stamped 00:00 UTC of that date. */
        DATE,
        /** A local date-time in the file's zone, or with its own offset. */
        DATETIME,
        /** Seconds since 1970-01-01T00:00Z. */
        EPOCH_SECONDS,
        /** Milliseconds since 1970-01-01T00:00Z. */
        EPOCH_MILLIS,
        /** Milliseconds, or microseconds when the number is too large for milliseconds (Binance dumps since 2025). */
        EPOCH_MILLIS_OR_MICROS
    }

    /** ISO dates, {@code 2025-11-21}. */
    public static final TimeFormat ISO_DATE = new TimeFormat(Kind.DATE, null);

    public TimeFormat {
        Objects.requireNonNull(kind, "kind");
        if (pattern != null) {
            if (kind != Kind.DATE && kind != Kind.DATETIME) {
                throw new IllegalArgumentException("only date and datetime formats take a pattern");
            }
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT); // fails early on a bad pattern
        }
    }

    /**
     * Returns the format written as {@code date}, {@code date:dd.MM.yyyy}, {@code datetime},
     * {@code datetime:yyyy-MM-dd HH:mm}, {@code epoch-seconds} or {@code epoch-millis}.
     */
    public static TimeFormat parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String head = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
        String pattern = colon < 0 ? null : trimmed.substring(colon + 1);
        return switch (head) {
            case "date" -> new TimeFormat(Kind.DATE, pattern);
            case "datetime" -> new TimeFormat(Kind.DATETIME, pattern);
            case "epoch-seconds", "epoch_seconds", "seconds" -> new TimeFormat(Kind.EPOCH_SECONDS, null);
            case "epoch-millis", "epoch_millis", "millis" -> new TimeFormat(Kind.EPOCH_MILLIS, null);
            default -> throw new IllegalArgumentException("unknown time format \"" + text
                    + "\": expected date[:pattern], datetime[:pattern], epoch-seconds or epoch-millis");
        };
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return pattern == null ? name : name + ":" + pattern;
    }
}
