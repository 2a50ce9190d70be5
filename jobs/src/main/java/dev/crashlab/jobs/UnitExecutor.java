package dev.crashlab.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

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
     * Returns the executor called {@code name}: {@code local} (a {@link LocalExecutor} on
     * {@code threads} threads), or one a {@link Provider} in {@code loader} registers, created with
     * {@code options}.
     *
     * @throws IllegalArgumentException naming the executors there are, when none is called so
     */
    static UnitExecutor named(String name, int threads, Map<String, String> options, ClassLoader loader, JobLog log) {
        if (name == null || name.isBlank() || name.equals("local")) {
            return new LocalExecutor(threads, loader);
        }
        List<String> known = new ArrayList<>(List.of("local"));
        for (Provider provider : ServiceLoader.load(Provider.class, loader)) {
            if (provider.name().equals(name)) {
                return provider.create(options, loader, log);
            }
            known.add(provider.name());
        }
        throw new IllegalArgumentException("crashlab.executor: no executor \"" + name + "\" on the classpath; there are "
                + known + (name.equals("spark") ? ". The spark executor needs dev.crashlab:crashlab-spark and Spark"
                + " (org.apache.spark:spark-core_2.13) in the project's dependencies" : ""));
    }

    /**
     * An executor by name, registered in {@code META-INF/services/dev.crashlab.jobs.UnitExecutor$Provider}.
     */
    interface Provider {

        /** Returns the name {@code -Dcrashlab.executor} selects it by, such as {@code spark}. */
        String name();

        /**
         * Returns a new executor with {@code options} (the {@code crashlab.<name>.*} settings
         * without the prefix, such as {@code master}); plans are opened with classes from
         * {@code loader} where it runs them in this JVM.
         */
        UnitExecutor create(Map<String, String> options, ClassLoader loader, JobLog log);
    }
}
