package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a delimited text file, with their line numbers: comment lines (starting with
 * {@code #}) and blank lines are skipped but counted, a UTF-8 byte-order mark is dropped, and
 * quoted fields ({@code "a,b"}, {@code ""} for a quote) are unquoted. A quoted field may not
 * span lines.
 *
 * <p>Small on purpose: crashlab needs the line number of every row for its error messages,
 * which general CSV readers do not report.
 */
final class TextTable {

    private final String file;
    private final String text;
    private final char delimiter;
    private int position;
    private long lineNumber;
    private final List<String> comments = new ArrayList<>();

    /**
     * Reads text decoded by {@link #decode}: a loader decodes a file once and hands the text to
     * every table it opens on it (to detect the format, then to read the rows).
     */
    TextTable(String file, String text, char delimiter) {
        this.file = file;
        this.text = text;
        this.delimiter = delimiter;
    }

    /** Returns {@code bytes} as UTF-8 text without a leading byte-order mark, as a table reads it. */
    static String decode(byte[] bytes) {
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    /** Returns whether any comment read so far says the data is synthetic. */
    boolean declaresSynthetic() {
        return comments.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("synthetic"));
    }

    /** Returns the line number of the row last returned by {@link #next}. */
    long lineNumber() {
        return lineNumber;
    }

    /** Returns the next line that is neither blank nor a comment, or {@code null} at the end. */
    String nextLine() {
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > position && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(position, stop);
            position = end + 1;
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) == '#') {
                comments.add(line.substring(1).strip());
                continue;
            }
            return line;
        }
        return null;
    }

    /** Reads the next row into {@code fields}; returns false at the end of the file. */
    boolean next(List<String> fields) {
        String line = nextLine();
        if (line == null) {
            return false;
        }
        split(line, fields);
        return true;
    }

    /** Splits one line into fields. */
    void split(String line, List<String> fields) {
        fields.clear();
        if (line.indexOf('"') < 0) {
            int start = 0;
            while (true) {
                int cut = line.indexOf(delimiter, start);
                if (cut < 0) {
                    fields.add(line.substring(start));
                    return;
                }
                fields.add(line.substring(start, cut));
                start = cut + 1;
            }
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new DataFileException(file, lineNumber, null, "unterminated quoted field");
        }
        fields.add(field.toString());
    }
}
