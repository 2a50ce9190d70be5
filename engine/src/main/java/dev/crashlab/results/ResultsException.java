package dev.crashlab.results;

import java.nio.file.Path;

/**
 * A results document could not be read, or its fields do not fit together: a field of
 * {@code results.json} is missing, of the wrong type or inconsistent with another. The message
 * names the input and the field's path, such as
 * {@code results.json of run 'dca-btc': field 'equity[12].time': expected an ISO-8601 instant...}.
 */
public class ResultsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String problem;

    /** Creates an exception about {@code field} of a results.json. */
    public ResultsException(String field, String problem) {
        this("results.json", field, problem, null);
    }

    private ResultsException(String source, String field, String problem, Throwable cause) {
        super(source + ": field '" + field + "': " + problem, cause);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** Returns the same exception, naming the run whose results.json is at fault. */
    public ResultsException inRun(String name) {
        return new ResultsException("results.json of run '" + name + "'", field, problem, this);
    }

    /** Returns the same exception about the document {@code name}, such as {@code sweep.json}, read from memory. */
    public ResultsException inDocument(String name) {
        return source.equals("results.json") ? new ResultsException(name, field, problem, this) : this;
    }

    /** Returns the same exception, naming the file at fault. */
    public ResultsException inFile(Path file) {
        return new ResultsException(file.toString(), field, problem, this);
    }

    /** Returns the same exception about the field at {@code parent} + its path, as seen from an enclosing object. */
    ResultsException under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new ResultsException(source, field.startsWith("[") ? parent + field : parent + "." + field, problem, this);
    }

    /** Returns the input at fault, such as {@code results.json of run 'dca-btc'}. */
    public String source() {
        return source;
    }

    /** Returns the path of the field at fault, such as {@code equity[12].time}. */
    public String field() {
        return field;
    }

    /** Returns what is wrong with the field. */
    public String problem() {
        return problem;
    }
}
