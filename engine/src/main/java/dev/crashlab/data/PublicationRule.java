package dev.crashlab.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication rule says when a value dated D becomes known: {@code daysAfter} days later, at
 * the local time {@code at} in {@code zone}. The default for daily data is {@code D+1 00:00 UTC}:
 * a flow dated Monday is visible from the start of Tuesday, UTC.
 *
 * <p>Written in configs as {@code "D+1"}, {@code "D+1 00:00 UTC"} or
 * {@code "D+1 09:30 America/New_York"}.
 *
 * @param daysAfter how many days after its date a value is published, {@code >= 0}
 * @param at        the local time of publication
 * @param zone      the zone of {@code at}
 */
public record PublicationRule(int daysAfter, LocalTime at, ZoneId zone) {

    /** Published at the start of the next day, UTC: the default for daily data. */
    public static final PublicationRule NEXT_DAY_UTC = new PublicationRule(1, LocalTime.MIDNIGHT, ZoneOffset.UTC);

    private static final Pattern SYNTAX =
            Pattern.compile("D\\s*\\+\\s*(\\d+)(?:\\s+(\\d{1,2}:\\d{2}))?(?:\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    public PublicationRule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        if (daysAfter < 0) {
            throw new IllegalArgumentException("daysAfter must be >= 0, got " + daysAfter);
        }
    }

    /** Returns the rule written as {@code D+n [HH:mm [zone]]}. */
    public static PublicationRule parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a publication rule such as \"D+1\" or \"D+1 09:30 America/New_York\", got \""
                    + text + "\"");
        }
        try {
            LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(pad(m.group(2)));
            ZoneId zone = m.group(3) == null ? ZoneOffset.UTC : ZoneId.of(m.group(3));
            return new PublicationRule(Integer.parseInt(m.group(1)), time, zone);
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a publication rule such as \"D+1 09:30 America/New_York\", got \""
                    + text + "\": " + e.getMessage(), e);
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    /** Returns the instant at which a value dated {@code date} is published. */
    public Instant publishedAt(LocalDate date) {
        return date.plusDays(daysAfter).atTime(at).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return "D+" + daysAfter + " " + at + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }
}
