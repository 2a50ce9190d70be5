package dev.crashlab.data.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.crashlab.data.BarCollector;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.function.Supplier;

/**
 * Reads the two formats big files come in, crashlab's CSV ({@code date,...} or {@code time,...}
 * with {@code yyyy-MM-ddTHH:mm:ssZ}) and Binance kline dumps (epoch milliseconds or
 * microseconds, with or without a header), straight from the file's bytes: numbers are parsed
 * from the bytes (FastDoubleParser, correctly rounded, the same doubles as
 * {@link Double#parseDouble}) and no String is made per line or field, so a million rows cost
 * their columns and little more.
 *
 * <h2>Only the plain case</h2>
 * It accepts a strict subset of what {@link CsvPriceReader} accepts: plain numbers
 * ({@code -12.5e3}), ISO dates, the one instant form, no blanks or quotes inside fields. At the
 * first row outside that subset, or the first error, it gives up ({@code null}) and the caller
 * reads the file with {@link CsvPriceReader}, so that every message and every odd but valid row
 * is exactly as that reader has it. Rules, duplicates, sorting and gaps are
 * {@link BarCollector}'s in both.
 */
final class FastCsvReader {

    private static final long DAY_MILLIS = 86_400_000L;

    private final ByteBuffer bytes;
    private final int end;
    private int position;
    private long lineNumber;
    private boolean synthetic;
    private byte[] line = new byte[256];
    private int lineLength;
    // Where the current line starts in the bytes.
    private int lastLineStart;

    private FastCsvReader(ByteBuffer bytes) {
        this.bytes = bytes;
        this.end = bytes.limit();
        this.position = bytes.position();
        // A UTF-8 byte order mark before the header.
        if (end - position >= 3 && bytes.get(position) == (byte) 0xEF && bytes.get(position + 1) == (byte) 0xBB
                && bytes.get(position + 2) == (byte) 0xBF) {
            position += 3;
        }
    }

    /**
     * Returns the series in {@code bytes} read as {@code format} (crashlab CSV or Binance CSV), or
     * {@code null} when the file holds anything this reader leaves to {@link CsvPriceReader}.
     * {@code sha256} supplies the digest of the bytes when the series is built.
     */
    static OhlcvSeries read(String name, ByteBuffer bytes, PriceFormat format, Instrument instrument, boolean lenient,
            Supplier<String> sha256) {
        try {
            return new FastCsvReader(bytes.duplicate()).read(name, format, instrument, lenient, sha256);
        } catch (DataFileException e) {
            // The other reader raises it again, with the message it has always had.
            return null;
        }
    }

    private OhlcvSeries read(String name, PriceFormat format, Instrument instrument, boolean lenient,
            Supplier<String> sha256) {
        if (!nextLine()) {
            return null;
        }
        boolean binance = format == PriceFormat.BINANCE_CSV;
        boolean instants;
        String[] names;
        boolean headerRead;
        if (binance) {
            headerRead = !startsWithDigit();
            if (headerRead && !headerStartsWith("open_time,open,high,low,close,volume")) {
                return null;
            }
            instants = true;
            names = headerRead ? new String[] {"open_time", "open", "high", "low", "close", "volume"}
                    : new String[] {"time", "open", "high", "low", "close", "volume"};
        } else if (headerIs("date,open,high,low,close,volume")) {
            headerRead = true;
            instants = false;
            names = new String[] {"date", "open", "high", "low", "close", "volume"};
        } else if (headerIs("time,open,high,low,close,volume")) {
            headerRead = true;
            instants = true;
            names = new String[] {"time", "open", "high", "low", "close", "volume"};
        } else {
            return null;
        }
        BarCollector bars = new BarCollector(name, instrument, lenient, names);
        int rows = countRows(headerRead ? position : lastLineStart);
        bars.expect(rows);
        if (!headerRead && !parseRow(bars, binance, instants)) {
            return null;
        }
        while (nextLine()) {
            if (!parseRow(bars, binance, instants)) {
                return null;
            }
        }
        return bars.finish(new DataSource(name, sha256.get(), format.label(), synthetic));
    }

    /**
     * Returns how many data rows start at or after {@code from}: lines that are neither blank nor
     * a comment, counted as {@link #nextLine} counts them. One pass over bytes already mapped
     * costs far less than growing six columns and cutting them to size at the end.
     */
    private int countRows(int from) {
        long rows = 0;
        int start = from;
        for (int i = from; i <= end; i++) {
            if (i == end || bytes.get(i) == '\n') {
                int last = i > start && bytes.get(i - 1) == '\r' ? i - 1 : i;
                if (last > start && bytes.get(start) != '#') {
                    rows++;
                }
                start = i + 1;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, rows);
    }

    /**
     * Moves to the next line that is neither blank nor a comment, copying it into {@link #line};
     * returns false at the end of the file. Comments are read for the word "synthetic".
     */
    private boolean nextLine() {
        while (position < end) {
            int start = position;
            int stop = start;
            while (stop < end && bytes.get(stop) != '\n') {
                stop++;
            }
            position = stop + 1;
            lineNumber++;
            int last = stop > start && bytes.get(stop - 1) == '\r' ? stop - 1 : stop;
            if (last == start) {
                continue;
            }
            if (bytes.get(start) == '#') {
                synthetic |= containsIgnoreCase(start, last, "synthetic");
                continue;
            }
            int length = last - start;
            if (length > line.length) {
                line = new byte[Math.max(length, line.length * 2)];
            }
            bytes.get(start, line, 0, length);
            lineLength = length;
            lastLineStart = start;
            return true;
        }
        return false;
    }

    private boolean containsIgnoreCase(int from, int to, String word) {
        outer:
        for (int i = from; i + word.length() <= to; i++) {
            for (int k = 0; k < word.length(); k++) {
                if (Character.toLowerCase((char) bytes.get(i + k)) != word.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private boolean startsWithDigit() {
        return lineLength > 0 && (line[0] >= '0' && line[0] <= '9' || line[0] == '-');
    }

    /** Returns whether the current line is exactly {@code header}, ignoring case. */
    private boolean headerIs(String header) {
        return lineLength == header.length() && headerStartsWith(header);
    }

    private boolean headerStartsWith(String header) {
        if (lineLength < header.length()) {
            return false;
        }
        for (int k = 0; k < header.length(); k++) {
            if (Character.toLowerCase((char) line[k]) != header.charAt(k)) {
                return false;
            }
        }
        return lineLength == header.length() || line[header.length()] == ',';
    }

    /** Parses the current line as a bar into {@code bars}; returns false for a row this reader leaves to the other. */
    private boolean parseRow(BarCollector bars, boolean binance, boolean instants) {
        int[] starts = fieldStarts;
        int fields = 0;
        starts[fields++] = 0;
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b == ',') {
                if (fields == starts.length) {
                    if (!binance) {
                        return false;
                    }
                    break;
                }
                starts[fields++] = i + 1;
            } else if (b == ' ' || b == '"' || b == '\t') {
                return false;
            }
        }
        if (fields < 6 || !binance && fields > 6) {
            return false;
        }
        int[] ends = fieldEnds;
        for (int k = 0; k < 6; k++) {
            ends[k] = k + 1 < fields ? starts[k + 1] - 1 : lineLength;
            if (ends[k] == starts[k]) {
                return false;
            }
        }
        if (binance && fields > 6) {
            // The dump's further columns are not read: the sixth ends at its comma.
            ends[5] = starts[6] - 1;
        }
        long time = binance ? epochMillisOrMicros(starts[0], ends[0])
                : instants ? instantMillis(starts[0], ends[0]) : dateMillis(starts[0], ends[0]);
        if (time == Long.MIN_VALUE) {
            return false;
        }
        double[] values = this.values;
        for (int k = 1; k < 6; k++) {
            if (!plainNumber(starts[k], ends[k])) {
                return false;
            }
            values[k] = JavaDoubleParser.parseDouble(line, starts[k], ends[k] - starts[k]);
        }
        bars.add(lineNumber, time, values[1], values[2], values[3], values[4], values[5]);
        return true;
    }

    private final int[] fieldStarts = new int[7];
    private final int[] fieldEnds = new int[7];
    private final double[] values = new double[6];

    /** Returns whether {@code line[from, to)} is {@code [+-]digits[.digits][(e|E)[+-]digits]} with a digit somewhere before any exponent. */
    private boolean plainNumber(int from, int to) {
        int i = from;
        if (line[i] == '-' || line[i] == '+') {
            i++;
        }
        int digits = 0;
        while (i < to && line[i] >= '0' && line[i] <= '9') {
            i++;
            digits++;
        }
        if (i < to && line[i] == '.') {
            i++;
            while (i < to && line[i] >= '0' && line[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (line[i] == 'e' || line[i] == 'E')) {
            i++;
            if (i < to && (line[i] == '-' || line[i] == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < to && line[i] >= '0' && line[i] <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == to;
    }

    /** Returns {@code yyyy-MM-dd} as 00:00 UTC of that date, or {@code Long.MIN_VALUE}. */
    private long dateMillis(int from, int to) {
        if (to - from != 10 || line[from + 4] != '-' || line[from + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(from, from + 4);
        int month = digits(from + 5, from + 7);
        int day = digits(from + 8, from + 10);
        if (!isCalendarDate(year, month, day)) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, month, day).toEpochDay() * DAY_MILLIS;
    }

    /** Returns {@code yyyy-MM-ddTHH:mm:ssZ} in UTC epoch milliseconds, or {@code Long.MIN_VALUE}. */
    private long instantMillis(int from, int to) {
        if (to - from != 20 || line[from + 10] != 'T' || line[from + 13] != ':' || line[from + 16] != ':'
                || line[from + 19] != 'Z') {
            return Long.MIN_VALUE;
        }
        long date = dateMillis(from, from + 10);
        int hour = digits(from + 11, from + 13);
        int minute = digits(from + 14, from + 16);
        int second = digits(from + 17, from + 19);
        if (date == Long.MIN_VALUE || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        return date + (hour * 3_600L + minute * 60L + second) * 1000L;
    }

    /**
     * Returns an integer time in epoch milliseconds, or in microseconds when it is at least 1e14
     * (Binance's spot dumps from 2025 on, as {@code Fields} reads them), or {@code Long.MIN_VALUE}.
     */
    private long epochMillisOrMicros(int from, int to) {
        int i = from;
        boolean negative = line[i] == '-';
        if (negative) {
            i++;
        }
        if (to - i == 0 || to - i > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (line[i] - '0');
        }
        value = negative ? -value : value;
        return Math.abs(value) >= 100_000_000_000_000L ? value / 1000 : value;
    }

    /** Returns the decimal number in {@code line[from, to)}, or -1 when it holds anything but digits. */
    private int digits(int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return -1;
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private static boolean isCalendarDate(int year, int month, int day) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1
                && day <= Month.of(month).length(Year.isLeap(year));
    }
}
