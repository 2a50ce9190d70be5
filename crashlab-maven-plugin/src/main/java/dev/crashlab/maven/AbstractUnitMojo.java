package dev.crashlab.maven;

import dev.crashlab.jobs.UnitExecutor;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that run independent units share (sweep variants, stress paths, walk-forward
 * folds): the executor that runs them, the local executor's thread count and the Spark master.
 * The numbers written do not depend on any of them.
 */
abstract class AbstractUnitMojo extends AbstractCrashlabMojo {

    /** The number of units (variants, paths, folds) the local executor runs at once; 0 for one per core. */
    @Parameter(property = "crashlab.threads", defaultValue = "0")
    private int threads;

    /**
     * What runs the units: {@code local} (this JVM's threads) or {@code spark} ({@code crashlab-spark}
     * and Spark on the project's dependencies).
     */
    @Parameter(property = "crashlab.executor", defaultValue = "local")
    private String executor;

    /** The Spark master with {@code crashlab.executor=spark}, such as {@code local[4]} or {@code spark://host:7077}. */
    @Parameter(property = "crashlab.spark.master", defaultValue = "local[*]")
    private String sparkMaster;

    /** Returns a new executor as the parameters choose it, finding plans' classes in {@code loader}; the caller closes it. */
    protected UnitExecutor executor(ClassLoader loader) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return UnitExecutor.named(executor, n, Map.of("master", sparkMaster), loader, jobLog());
    }
}
