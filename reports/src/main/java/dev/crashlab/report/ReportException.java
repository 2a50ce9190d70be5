package dev.crashlab.report;

/**
 * A report could not be made from its input: a field of {@code results.json} is missing or of the
 * wrong type. The message names the input and the field's path, such as
 * {@code results.json of run 'dca-btc': field 'equity[12].time': expected an ISO-8601 instant...}.
 */
public class ReportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String problem;

    /** Creates an exception about {@code field} of a results.json. */
    public ReportException(String field, String problem) {
        this("results.json", field, problem);
    }

    private ReportException(String source, String field, String problem) {
        super(source + ": field '" + field + "': " + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** Returns the same exception, naming the run whose results.json is at fault. */
    public ReportException inRun(String name) {
        ReportException e = new ReportException("results.json of run '" + name + "'", field, problem);
        e.initCause(this);
        return e;
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
