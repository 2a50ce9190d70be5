package dev.crashlab.strategy;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An event is something worth reading next to the numbers: an order rejected, an order held
 * back by a filter, a liquidation, or a note a strategy recorded.
 *
 * @param time    the step it happened at
 * @param kind    what happened
 * @param symbol  the symbol of the instrument concerned, or {@code null}
 * @param message what happened, in words
 * @param value   a figure that goes with it (the flow sum that held an order back, the loss of
 *                a liquidation), or NaN
 */
public record Event(Instant time, Kind kind, String symbol, String message, double value) {

    /** The kinds of event. */
    public enum Kind {
        /** A note recorded by a strategy. */
        NOTE,
        /** An order a filter held back or deferred. */
        HELD_BACK,
        /** An order the engine refused: unknown symbol, quantity not positive, not enough cash or margin. */
        REJECTED,
        /** An order the strategy cancelled. */
        CANCELLED,
        /** Positions closed by force at the liquidation price. */
        LIQUIDATION;

        /** Returns the lower-case name used in results. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return time + " " + kind.label() + (symbol == null ? "" : " " + symbol) + ": " + message;
    }
}
