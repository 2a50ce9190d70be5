package dev.crashlab.data;

import java.util.Objects;

/**
 * Thrown when a data file cannot be used as it is: it names the file, the line (of the file,
 * header and comment lines counted, starting at 1; 0 when the file as a whole is at fault) and
 * the field, in the form {@code BTC-USD.csv:1843: field 'close': expected a positive number, got "-0.5"}.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file    the file's path as the user gave it
     * @param line    the line number, from 1; 0 for the whole file
     * @param field   the field (column) name, or {@code null} when no single field is at fault
     * @param problem what is wrong, in words
     */
    public DataFileException(String file, long line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    /** Creates the exception with the low-level cause. */
    public DataFileException(String file, long line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.field = field;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(problem).toString();
    }

    /** Returns the file's path as the user gave it. */
    public String file() {
        return file;
    }

    /** Returns the line number (from 1), or 0 when the whole file is at fault. */
    public long line() {
        return line;
    }

    /** Returns the field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** Returns what is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
