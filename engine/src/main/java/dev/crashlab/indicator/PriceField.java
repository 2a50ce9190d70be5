package dev.crashlab.indicator;

/** A price field is the one price of a bar that an indicator reads: its open, high, low or close. */
public enum PriceField {
    /** The first traded price of the bar. */
    OPEN,
    /** The highest traded price of the bar. */
    HIGH,
    /** The lowest traded price of the bar. */
    LOW,
    /** The last traded price of the bar. */
    CLOSE;

    /** Returns this field of the bar with the given prices. */
    public double of(double open, double high, double low, double close) {
        return switch (this) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
        };
    }
}
