package dev.crashlab.data.io;

import java.util.Objects;

/**
 * Which columns of a delimited file hold the time and the prices, by header name or by
 * zero-based index. {@code open}, {@code high} and {@code low} may all be left out for
 * close-only data (each bar then opens, peaks and bottoms at its close); {@code volume} may be
 * left out (volume 0).
 *
 * @param time   the timestamp column
 * @param open   the open column, or {@code null} for close-only data
 * @param high   the high column, or {@code null} for close-only data
 * @param low    the low column, or {@code null} for close-only data
 * @param close  the close column
 * @param volume the volume column, or {@code null}
 */
public record ColumnMapping(Column time, Column open, Column high, Column low, Column close, Column volume) {

    public ColumnMapping {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(close, "close");
        int given = (open == null ? 0 : 1) + (high == null ? 0 : 1) + (low == null ? 0 : 1);
        if (given != 0 && given != 3) {
            throw new IllegalArgumentException("map all of open, high and low, or none of them for close-only data");
        }
    }

    /** Returns a mapping by header names, in the order time, open, high, low, close, volume. */
    public static ColumnMapping byName(String time, String open, String high, String low, String close, String volume) {
        return new ColumnMapping(Column.named(time), Column.named(open), Column.named(high), Column.named(low),
                Column.named(close), Column.named(volume));
    }

    /** Returns a mapping by zero-based indexes, in the order time, open, high, low, close, volume. */
    public static ColumnMapping byIndex(int time, int open, int high, int low, int close, int volume) {
        return new ColumnMapping(Column.at(time), Column.at(open), Column.at(high), Column.at(low), Column.at(close),
                Column.at(volume));
    }

    /** Returns whether the data holds only closes. */
    public boolean closeOnly() {
        return open == null;
    }

    /**
     * A column named in a header, or at a zero-based index.
     *
     * @param name  the header name, or {@code null} when given by index
     * @param index the zero-based index, or -1 when given by name
     */
    public record Column(String name, int index) {

        public Column {
            if ((name == null) == (index < 0)) {
                throw new IllegalArgumentException("a column is given by a name or by an index >= 0, not both");
            }
        }

        /** Returns the column with this header name, or {@code null} for a null name. */
        public static Column named(String name) {
            return name == null ? null : new Column(name, -1);
        }

        /** Returns the column at this zero-based index, or {@code null} for a negative index. */
        public static Column at(int index) {
            return index < 0 ? null : new Column(null, index);
        }

        @Override
        public String toString() {
            return name != null ? name : "#" + index;
        }
    }
}
