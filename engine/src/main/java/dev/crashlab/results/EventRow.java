package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * Something that happened in a run besides fills: a note, a held-back, rejected or cancelled
 * order, a liquidation.
 *
 * @param time    the step it happened at
 * @param kind    {@code note}, {@code held_back}, {@code rejected}, {@code cancelled} or {@code liquidation}
 * @param symbol  the instrument concerned, or null
 * @param message what happened, in words
 * @param value   a figure that goes with it (such as a liquidation's loss), or NaN
 */
public record EventRow(Instant time, String kind, @JsonSetter(nulls = Nulls.SET) String symbol, String message,
        double value) {
}
