package dev.crashlab.spark;

import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.UnitExecutor;
import dev.crashlab.jobs.UnitPlan;
import dev.crashlab.jobs.Units;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs units on Apache Spark: the unit indices are cut into partitions, the plan and the bytes of
 * its inputs (config and data files) are broadcast, so that every executor JVM receives them once,
 * writes them to a local folder, opens the plan once and runs its partitions' units with the same
 * engine code as the local executor. The results come back to the driver keyed by unit index and
 * are sorted there; nothing is aggregated in Spark (a floating-point sum in Spark's order would
 * differ from run to run in the last bits), so the job's output is the local executor's to the byte.
 *
 * <p>Workers need the crashlab jars and the strategies' classes on their classpath
 * ({@code spark-submit --jars}, or the application jar), and memory for one copy of the data and
 * one run per task slot; they need not reach the driver's files.
 */
public final class SparkExecutor implements UnitExecutor {

    private final JavaSparkContext spark;
    private final boolean owned;
    private final ClassLoader loader;

    /**
     * Creates an executor on {@code spark} that finds Spark's and the plans' classes in
     * {@code loader} (in a Maven goal, the project's classpath); when {@code owned},
     * {@link #close()} stops it.
     */
    public SparkExecutor(JavaSparkContext spark, boolean owned, ClassLoader loader) {
        this.spark = spark;
        this.owned = owned;
        this.loader = loader;
    }

    /**
     * Returns an executor on a new Spark context at {@code master} (such as {@code local[2]} or
     * {@code spark://host:7077}), unless this JVM's Spark settings name a master
     * ({@code -Dspark.master}), which wins, with {@code conf} added; it finds classes in
     * {@code loader}. A context already running in this JVM is used instead of a new one.
     */
    public static SparkExecutor start(String master, Map<String, String> conf, ClassLoader loader) {
        return start(new SparkConf().setIfMissing("spark.master", master), conf, loader);
    }

    /**
     * Returns an executor on the master {@code spark-submit} gives ({@code --master}, which it
     * passes as {@code spark.master}); it finds classes in {@code loader}.
     *
     * @throws IllegalArgumentException when no master is set: the caller was not started by spark-submit
     */
    public static SparkExecutor submitted(ClassLoader loader) {
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: run CrashlabSubmit with spark-submit --master ...,"
                    + " or give -Dspark.master=...");
        }
        return start(conf, Map.of(), loader);
    }

    private static SparkExecutor start(SparkConf sparkConf, Map<String, String> conf, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            sparkConf.setIfMissing("spark.app.name", "crashlab");
            conf.forEach(sparkConf::set);
            return new SparkExecutor(JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(sparkConf)), true,
                    loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Returns the Spark context the units run on. */
    public JavaSparkContext context() {
        return spark;
    }

    @Override
    public <R extends Serializable> List<R> run(UnitPlan<R> plan, Units<R> opened, int[] units, JobLog log) {
        // Spark finds its codecs and serializers through the context class loader, which a Maven goal does not set.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return runHere(plan, units, log);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private <R extends Serializable> List<R> runHere(UnitPlan<R> plan, int[] units, JobLog log) {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        long bytes = 0;
        for (String input : plan.inputs()) {
            try {
                byte[] content = Files.readAllBytes(Path.of(input));
                inputs.put(input, content);
                bytes += content.length;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + input + " to ship it to the Spark executors: " + e.getMessage(), e);
            }
        }
        Broadcast<Shipment> shipment = spark.broadcast(new Shipment(UUID.randomUUID().toString(), plan, inputs));
        int slices = Math.max(1, Math.min(units.length, spark.defaultParallelism() * 4));
        log.info(String.format(java.util.Locale.ROOT, "%s: %d units in %d partitions on Spark %s, %d input files (%.1f MB)"
                + " broadcast once per executor", plan.kind(), units.length, slices, spark.master(), inputs.size(), bytes / 1e6));
        List<Integer> indices = Arrays.stream(units).boxed().toList();
        List<Keyed<R>> collected;
        try {
            collected = new ArrayList<>(spark.parallelize(indices, slices)
                    .mapPartitions(partition -> Worker.<R>run(shipment.value(), partition))
                    .collect());
        } finally {
            shipment.destroy();
        }
        collected.sort(Comparator.comparingInt(Keyed::index));
        if (collected.size() != units.length) {
            throw new IllegalStateException("Spark returned " + collected.size() + " results for " + units.length + " units");
        }
        List<R> results = new ArrayList<>(units.length);
        for (int i = 0; i < units.length; i++) {
            if (collected.get(i).index() != units[i]) {
                throw new IllegalStateException("Spark returned unit " + collected.get(i).index() + " where unit " + units[i]
                        + " was expected");
            }
            results.add(collected.get(i).result());
        }
        return results;
    }

    @Override
    public String describe() {
        return "Spark " + spark.master() + " (" + spark.defaultParallelism() + " task slots)";
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    /**
     * What the driver broadcasts: the plan and the content of its inputs.
     *
     * @param id     unique per run, so that an executor JVM that outlives a run does not reuse its units
     * @param plan   the plan
     * @param inputs each input's content by its name in the plan
     */
    record Shipment(String id, UnitPlan<?> plan, Map<String, byte[]> inputs) implements Serializable {
    }

    /**
     * A unit's result with its index, as a task returns it.
     *
     * @param index  the unit
     * @param result its result
     */
    record Keyed<R>(int index, R result) implements Serializable {
    }
}
