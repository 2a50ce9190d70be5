package dev.crashlab.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A crisis window is a named stretch of calendar days of a well-known market event, such as the
 * FTX collapse: reports mark it on every time chart, and the crisis scorecard of results says how
 * a run did over it. Days are UTC dates, both ends included.
 *
 * @param name        a short name, such as {@code FTX collapse}
 * @param from        the first day, inclusive
 * @param to          the last day, inclusive
 * @param description what happened, in a sentence (may be empty)
 */
public record CrisisWindow(String name, LocalDate from, LocalDate to, String description) {

    /**
     * The named crisis windows of crypto's 2020–2025 history, in time order: what
     * {@code CrashRegime} marks on charts, and what every run configured from a file scores
     * beside its own {@code crises} (strategies/README.md says what happened in each).
     */
    public static final List<CrisisWindow> BUILT_IN = List.of(
            new CrisisWindow("COVID crash", LocalDate.of(2020, 3, 12), LocalDate.of(2020, 3, 16),
                    "Black Thursday: BTC fell 38% on 12 March 2020 as stocks and gold sold off together"),
            new CrisisWindow("LUNA/UST collapse", LocalDate.of(2022, 5, 7), LocalDate.of(2022, 5, 13),
                    "UST lost its dollar peg from 7 May 2022 and LUNA went to nearly zero by 13 May"),
            new CrisisWindow("Celsius and 3AC", LocalDate.of(2022, 6, 12), LocalDate.of(2022, 6, 18),
                    "Celsius froze withdrawals on 12 June 2022, Three Arrows Capital failed, BTC fell below 20k"),
            new CrisisWindow("FTX collapse", LocalDate.of(2022, 11, 6), LocalDate.of(2022, 11, 11),
                    "A run on FTX from 6 November 2022; withdrawals halted on the 8th, bankruptcy on the 11th"),
            new CrisisWindow("10 October 2025 liquidations", LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 11),
                    "A tariff threat set off the largest liquidation of leveraged crypto positions on record"),
            new CrisisWindow("November 2025 drawdown", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 21),
                    "BTC fell from its October high of about 125k to 85k as tech, gold and Asian stocks sold off "
                            + "and spot-BTC ETFs bled"));

    public CrisisWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a crisis window needs a name");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(name + ": window ends " + to + " before it starts " + from);
        }
    }

    /** Returns whether this is one of the {@link #BUILT_IN} windows. */
    public boolean builtIn() {
        return BUILT_IN.contains(this);
    }

    /** Returns the built-in window called {@code name}, or {@code null}. */
    public static CrisisWindow builtInNamed(String name) {
        return BUILT_IN.stream().filter(w -> w.name().equals(name)).findFirst().orElse(null);
    }

    /** Returns the window as a rule or a message names it: {@code FTX collapse (2022-11-06 .. 2022-11-11)}. */
    @Override
    public String toString() {
        return name + " (" + from + " .. " + to + ")";
    }
}
