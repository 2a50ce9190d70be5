package dev.crashlab.spark;

import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.UnitExecutor;
import java.util.Map;

/**
 * The {@code spark} executor for {@code -Dcrashlab.executor=spark}: option {@code master} (from
 * {@code -Dcrashlab.spark.master}, default {@code local[*]}) is the Spark master; the driver is
 * this JVM.
 */
public final class SparkExecutorProvider implements UnitExecutor.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public UnitExecutor create(Map<String, String> options, ClassLoader loader, JobLog log) {
        String master = options.getOrDefault("master", "local[*]");
        log.info("crashlab: starting Spark at " + master);
        return SparkExecutor.start(master, Map.of(), loader);
    }
}
