package dev.crashlab.strategy;

/**
 * A parameter record refused by {@link Parameters#check}: it names the parameter, as a path
 * inside the record ({@code threshold}, {@code tiers[1].drawdown}), and the problem
 * ({@code expected a number in [0, 1), got 1.5}), so that config binding can prefix the config
 * path ({@code runs[0].strategy.params.threshold}).
 */
public final class ParameterException extends IllegalArgumentException {

    private final String parameter;
    private final String problem;

    /** Creates the exception for {@code parameter} of the record named {@code record}. */
    public ParameterException(String record, String parameter, String problem) {
        super(record + "." + parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** Returns the parameter's path inside its record, such as {@code tiers[1].drawdown}. */
    public String parameter() {
        return parameter;
    }

    /** Returns what is wrong with its value. */
    public String problem() {
        return problem;
    }
}
