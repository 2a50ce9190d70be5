package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * An order the strategy placed.
 *
 * @param id     its id, unique within the run
 * @param time   when it was placed
 * @param symbol the instrument
 * @param type   {@code market}, {@code limit} or {@code stop}
 * @param sizing how {@code amount} sizes it: {@code quantity}, {@code value}, {@code weight} or {@code close}
 * @param side   {@code buy} or {@code sell}; null when the position decides (a close)
 * @param amount the quantity, cash value or weight, by {@code sizing}
 * @param price  the limit or stop price; NaN for market orders
 * @param tag    the strategy's free text, possibly empty
 */
public record OrderRow(long id, Instant time, String symbol, String type, String sizing,
        @JsonSetter(nulls = Nulls.SET) String side, double amount, double price, String tag) {
}
