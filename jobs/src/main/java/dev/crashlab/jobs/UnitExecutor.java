package dev.crashlab.jobs;

import java.io.Serializable;
import java.util.List;

/**
 * Runs units of a {@link UnitPlan}, wherever it runs them: {@link LocalExecutor} on this JVM's
 * threads (the default), the Spark executor of {@code crashlab-spark} on a cluster. Jobs choose
 * the units (all, or a {@link Shard} of them), hand them over, and aggregate the results, which
 * come back in index order whatever ran them.
 *
 * <p>Executors other than the local one are found by name through {@link Provider} with
 * {@link java.util.ServiceLoader}, so that the jobs (and a quant's project) need none of their
 * dependencies unless they use them.
 */
public interface UnitExecutor extends AutoCloseable {

    /**
     * Runs the units {@code units} (ascending indices) of {@code plan} and returns their results,
     * in the order of {@code units}. {@code opened} is the plan already opened in this JVM (the
     * job's own, with its inputs in place), which an executor that runs here uses instead of
     * opening the plan again.
     *
     * @throws RuntimeException the failure of the lowest failing unit a local executor ran, or the
     *                          failure a remote executor reports
     */
    <R extends Serializable> List<R> run(UnitPlan<R> plan, Units<R> opened, int[] units, JobLog log);

    /** Returns where the units run, for the log: {@code 4 threads}, {@code Spark local[2]}. */
    String describe();

    /** Releases what the executor holds (threads, a Spark session). */
    @Override
    default void close() {
    }

    /**
     * An executor by name, registered in {@code META-INF/services/dev.crashlab.jobs.UnitExecutor$Provider}.
     */
    interface Provider {

        /** Returns the name {@code -Dcrashlab.executor} selects it by, such as {@code spark}. */
        String name();

        /**
         * Returns a new executor with {@code options} (the {@code crashlab.<name>.*} settings
         * without the prefix, such as {@code master}).
         */
        UnitExecutor create(java.util.Map<String, String> options, JobLog log);
    }
}
