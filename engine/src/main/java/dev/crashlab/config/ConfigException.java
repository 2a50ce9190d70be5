package dev.crashlab.config;

import java.util.Objects;

/**
 * Thrown for a configuration that cannot be used, naming the field's path and what was expected:
 * {@code runs[1].strategy.params.threshold: expected a number in [0, 1], got "abc"}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;
    private final String location;

    /** Creates the exception for the field at {@code path} (dotted, with [index] for lists). */
    public ConfigException(String path, String problem) {
        this(path, problem, null);
    }

    /** Creates the exception with the low-level cause. */
    public ConfigException(String path, String problem, Throwable cause) {
        this(path, problem, null, cause);
    }

    private ConfigException(String path, String problem, String location, Throwable cause) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + problem + (location == null ? "" : " (" + location + ")"),
                cause);
        this.path = path == null ? "" : path;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.location = location;
    }

    /** Returns where the field stands in the config file, {@code crashlab.yaml:14:9} (line, column), or {@code null}. */
    public String location() {
        return location;
    }

    /** Returns this problem with its place in the file, {@code file:line:column}. */
    public ConfigException at(String fileLineColumn) {
        ConfigException located = new ConfigException(path, problem, fileLineColumn, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** Returns the path of the field at fault, such as {@code runs[1].strategy.params.threshold}. */
    public String path() {
        return path;
    }

    /** Returns what is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /** Returns this problem placed under {@code prefix}, for errors found inside a nested part. */
    public ConfigException under(String prefix) {
        String full = path.isEmpty() ? prefix : (path.startsWith("[") ? prefix + path : prefix + "." + path);
        return new ConfigException(full, problem, location, getCause());
    }
}
