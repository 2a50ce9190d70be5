package dev.crashlab.jobs;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A plan of N independent units of work, numbered 0..N−1 (a sweep's variants, a stress set's
 * paths, a walk-forward's folds), as a {@link UnitExecutor} runs them. The plan is a small
 * serializable recipe, so that an executor may ship it to other JVMs (Spark) and open it there;
 * {@link #open} does the expensive part (reading the config and data, binding strategies) once
 * per JVM, and the {@link Units} it returns run any unit by its index.
 *
 * <p>A unit's result depends only on its index and the plan, never on which JVM, thread or
 * shard ran it or in which order: executors may run units anywhere and return the same records.
 * Results are collected by index and aggregated by the job, in crashlab's code, never by the
 * executor (floating-point sums in another order would differ in the last bits).
 *
 * @param <R> a unit's result, a serializable record
 */
public interface UnitPlan<R extends Serializable> extends Serializable {

    /** Returns what the units are, for logs and errors: {@code sweep}, {@code stress}, {@code walk-forward}. */
    String kind();

    /** Returns the number of units, N. */
    int size();

    /**
     * Returns the files {@link #open} reads, as absolute file names on the machine that made the
     * plan: the config file and the data files. An executor whose workers cannot read them ships
     * them and passes their local copies to {@code open} through {@link Inputs}.
     */
    List<String> inputs();

    /**
     * Opens the plan in this JVM: reads its inputs through {@code files} and finds its classes in
     * {@code loader}. The returned units may be run from several threads at once.
     *
     * @throws RuntimeException with the config path or file of whatever is wrong
     */
    Units<R> open(Inputs files, ClassLoader loader);

    /** Where a JVM finds a plan's inputs. */
    @FunctionalInterface
    interface Inputs {

        /** The inputs where the plan's maker saw them: what a local executor passes. */
        Inputs IN_PLACE = Path::of;

        /** Returns the local file holding {@code input}, one of {@link UnitPlan#inputs()}. */
        Path local(String input);
    }
}
