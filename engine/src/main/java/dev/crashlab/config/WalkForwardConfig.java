package dev.crashlab.config;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A walk-forward analysis of one run: the history is cut into folds; in each, a sweep of the
 * grid on the in-sample window picks the variant with the best metric, and that variant then
 * trades the fold's out-of-sample segment, which follows the window. The segments follow each
 * other without gap or overlap, so that every day from the first segment's start to the run's end
 * is traded once, by the variant chosen just before it.
 *
 * <h2>Folds</h2>
 * With S the run's first date, E its last (inclusive), I the in-sample span, O the out-of-sample
 * span and P the purge in days, fold k's out-of-sample segment begins at T<sub>k</sub> = T<sub>0</sub>
 * + k·O with T<sub>0</sub> = S + I + P, and ends the day before T<sub>k+1</sub>, or at E for the
 * last fold (which may be shorter). Its in-sample window ends P days before T<sub>k</sub>, the
 * day before T<sub>k</sub> − P, and begins at S ({@link Mode#ANCHORED}: it grows fold by fold) or
 * at T<sub>k</sub> − P − I, but not before S ({@link Mode#ROLLING}: it keeps its length). Spans
 * are calendar spans ({@code 730d}, {@code 26w}, {@code 6m}, {@code 2y}), added to dates as
 * {@link LocalDate#plus(long, java.time.temporal.TemporalUnit)} does, each T<sub>k</sub> from T<sub>0</sub>
 * (so that monthly segments do not drift at month ends): boundaries do not depend on which
 * instruments trade on which day.
 *
 * <h2>Purge, and why there is no embargo</h2>
 * The purge leaves the P days before each segment out of its in-sample window: no variant is
 * chosen on returns that share their last days with the segment's first (positions opened just
 * before the boundary, serially correlated returns). An embargo (López de Prado 2018, §7.4.2)
 * removes training data that <i>follows</i> a test set; every in-sample window here precedes its
 * segment, so there is none to remove.
 *
 * <h2>Step</h2>
 * The walk-forward steps by O: a step shorter than the segment would trade some days twice, a
 * longer one would leave days untraded, and the stitched out-of-sample equity needs each day once.
 *
 * @param run         the run whose strategy parameters vary
 * @param metric      the metric that picks the variant in each window, one with a better direction
 * @param axes        the grid: the parameters and their values, in config order (the sweep's when
 *                    the section reuses them)
 * @param mode        anchored or rolling in-sample windows
 * @param inSample    I
 * @param outOfSample O
 * @param purgeDays   P, at least 0
 * @param path        the section's place in the config
 */
public record WalkForwardConfig(String run, String metric, List<SweepConfig.Axis> axes, Mode mode, Span inSample,
        Span outOfSample, int purgeDays, String path) {

    /** The most folds a walk-forward may have: each runs a sweep of the grid. */
    public static final int MAX_FOLDS = 1_000;

    /** How the in-sample window moves from fold to fold. */
    public enum Mode {
        /** From the run's first date to the fold's boundary: the window grows. */
        ANCHORED,
        /** The span before the fold's boundary: the window keeps its length and rolls forward. */
        ROLLING;

        /** Returns the name as configs and results write it: {@code anchored}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A calendar span: a number of days, weeks, months or years.
     *
     * @param amount at least 1
     * @param unit   {@link ChronoUnit#DAYS}, {@link ChronoUnit#WEEKS}, {@link ChronoUnit#MONTHS} or
     *               {@link ChronoUnit#YEARS}
     */
    public record Span(int amount, ChronoUnit unit) {

        private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*([dwmy])\\s*");

        public Span {
            if (amount < 1) {
                throw new IllegalArgumentException("a span must be at least 1, got " + amount);
            }
            if (!List.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS).contains(unit)) {
                throw new IllegalArgumentException("a span is in days, weeks, months or years, got " + unit);
            }
        }

        /**
         * Returns the span of {@code text}: a whole number of days ({@code 730}), or a whole
         * number followed by {@code d}, {@code w}, {@code m} or {@code y} ({@code 26w}, {@code 6m}).
         */
        public static Span parse(String text) {
            Matcher m = TEXT.matcher(text.toLowerCase(Locale.ROOT));
            if (text.strip().matches("\\d+")) {
                return of(text.strip(), ChronoUnit.DAYS);
            }
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a span such as 730 (days), 730d, 26w, 6m or 2y, got \"" + text + "\"");
            }
            ChronoUnit unit = switch (m.group(2)) {
                case "d" -> ChronoUnit.DAYS;
                case "w" -> ChronoUnit.WEEKS;
                case "m" -> ChronoUnit.MONTHS;
                default -> ChronoUnit.YEARS;
            };
            return of(m.group(1), unit);
        }

        private static Span of(String digits, ChronoUnit unit) {
            try {
                return new Span(Integer.parseInt(digits), unit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a span of at most " + Integer.MAX_VALUE + ", got " + digits, e);
            }
        }

        /** Returns {@code date} moved forward by {@code times} of this span. */
        public LocalDate after(LocalDate date, long times) {
            return date.plus(amount * times, unit);
        }

        /** Returns {@code date} moved back by this span. */
        public LocalDate before(LocalDate date) {
            return date.minus(amount, unit);
        }

        /** Returns the span as configs write it: {@code 730d}, {@code 6m}. */
        @Override
        public String toString() {
            return amount + switch (unit) {
                case DAYS -> "d";
                case WEEKS -> "w";
                case MONTHS -> "m";
                default -> "y";
            };
        }
    }

    /**
     * One fold: an in-sample window and the out-of-sample segment after it, dates inclusive (UTC days).
     *
     * @param index            the fold's number, from 0
     * @param inSampleFrom     the window's first day
     * @param inSampleTo       its last day
     * @param outOfSampleFrom  the segment's first day, T<sub>k</sub>
     * @param outOfSampleTo    its last day
     */
    public record Fold(int index, LocalDate inSampleFrom, LocalDate inSampleTo, LocalDate outOfSampleFrom,
            LocalDate outOfSampleTo) implements java.io.Serializable {
    }

    public WalkForwardConfig {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(inSample, "inSample");
        Objects.requireNonNull(outOfSample, "outOfSample");
        axes = List.copyOf(axes);
        if (purgeDays < 0) {
            throw new IllegalArgumentException("purgeDays must be at least 0, got " + purgeDays);
        }
    }

    /** Returns every combination of the grid's values, the last axis varying fastest, as a sweep's. */
    public List<Map<String, JsonNode>> variants() {
        return new SweepConfig(run, metric, axes, SweepConfig.DEFAULT_PBO_BLOCKS, path).variants();
    }

    /**
     * Returns the folds of a run from {@code first} to {@code last} (inclusive), in time order.
     *
     * @throws ConfigException when the in-sample span and the purge leave no out-of-sample day,
     *                         or there are more than {@value #MAX_FOLDS} folds
     */
    public List<Fold> folds(LocalDate first, LocalDate last) {
        LocalDate start = inSample.after(first, 1).plusDays(purgeDays);
        if (start.isAfter(last)) {
            throw new ConfigException(path + ".inSample", "the run covers " + first + " to " + last + "; an in-sample span of "
                    + inSample + " and a purge of " + purgeDays + " days leave no out-of-sample day (the first would be "
                    + start + ")");
        }
        List<Fold> folds = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate from = outOfSample.after(start, k);
            if (from.isAfter(last)) {
                return folds;
            }
            if (k == MAX_FOLDS) {
                throw new ConfigException(path + ".outOfSample", "more than " + MAX_FOLDS + " folds of " + outOfSample
                        + " from " + start + " to " + last + "; each runs a sweep of the grid, so use a longer outOfSample");
            }
            LocalDate next = outOfSample.after(start, k + 1);
            LocalDate to = next.isAfter(last) ? last : next.minusDays(1);
            LocalDate inSampleTo = from.minusDays(purgeDays + 1L);
            LocalDate rollingFrom = inSample.before(from.minusDays(purgeDays));
            LocalDate inSampleFrom = mode == Mode.ANCHORED || rollingFrom.isBefore(first) ? first : rollingFrom;
            folds.add(new Fold(k, inSampleFrom, inSampleTo, from, to));
        }
    }
}
