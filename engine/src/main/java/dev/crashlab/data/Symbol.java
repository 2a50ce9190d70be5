package dev.crashlab.data;

import java.util.Objects;

/**
 * A symbol is the name under which an instrument's data is loaded and its orders are placed,
 * such as {@code BTC-USD} or {@code QQQ}.
 *
 * <p>Symbols are compared exactly (case-sensitive). They may hold any printable characters,
 * so reports escape them; blank symbols and control characters are refused.
 *
 * @param value the symbol text
 */
public record Symbol(String value) implements Comparable<Symbol> {

    public Symbol {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a symbol must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("a symbol must not contain control characters: " + value.strip());
            }
        }
    }

    /** Returns the symbol for the given text. */
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
