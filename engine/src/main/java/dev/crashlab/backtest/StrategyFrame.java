package dev.crashlab.backtest;

import java.util.List;
import java.util.Optional;

/**
 * Where in a strategy's own code a failure arose, for the error message: without it a user sees
 * the exception but not the line of their strategy, unless Maven runs with {@code -e}.
 *
 * <p>The frame is the first one, counted from the throw outwards and from the innermost cause,
 * whose class is neither the JDK's, crashlab's engine's (the packages the engine and the strategy
 * API live in), nor ta4j's, Jackson's or Commons Math's, the libraries a strategy calls through
 * the engine. Seed strategies ({@code dev.crashlab.strategies}) and any user package count as the
 * strategy's own.
 */
final class StrategyFrame {

    private static final List<String> NOT_THE_STRATEGYS = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.ta4j.", "tools.jackson.", "com.fasterxml.", "org.apache.commons.math3.", "dev.crashlab.data.",
            "dev.crashlab.clock.", "dev.crashlab.strategy.", "dev.crashlab.indicator.", "dev.crashlab.signals.",
            "dev.crashlab.execution.", "dev.crashlab.portfolio.", "dev.crashlab.metrics.", "dev.crashlab.results.",
            "dev.crashlab.backtest.", "dev.crashlab.config.");

    private StrategyFrame() {
    }

    /** Returns the strategy's own frame of {@code failure}, or empty when none of its frames is the strategy's. */
    static Optional<StackTraceElement> of(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain.reversed()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (NOT_THE_STRATEGYS.stream().noneMatch(frame.getClassName()::startsWith)) {
                    return Optional.of(frame);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns " at Class.method(File.java:line)" for {@code failure}'s strategy frame, or "" without
     * one: class, method, file and line only (a frame's own toString may prefix a class loader).
     */
    static String suffix(Throwable failure) {
        return of(failure).map(f -> " at " + f.getClassName() + "." + f.getMethodName() + "("
                + (f.getFileName() == null ? "unknown source" : f.getFileName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : ""))
                + ")").orElse("");
    }
}
