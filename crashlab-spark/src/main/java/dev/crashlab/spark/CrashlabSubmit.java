package dev.crashlab.spark;

import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.Shard;
import dev.crashlab.jobs.SweepJob;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The {@code spark-submit} entry point: runs the sweep of a config file on the cluster and writes
 * the same output folder as {@code crashlab:sweep}, on the driver.
 *
 * <pre>
 * spark-submit --class dev.crashlab.spark.CrashlabSubmit --master spark://host:7077 \
 *   --jars crashlab-engine.jar,crashlab-jobs.jar,...,my-strategies.jar crashlab-spark.jar \
 *   crashlab.yaml [--output DIR] [--shard i/n]
 * </pre>
 *
 * <p>The config and its data files are read on the driver and shipped to the executors; the output
 * folder is the {@code --output} argument, else the config's {@code output}, else
 * {@code target/crashlab} beside the config, as the Maven goal has it.
 */
public final class CrashlabSubmit {

    private CrashlabSubmit() {
    }

    /** Runs {@code args}: a config file, then optionally {@code --output DIR} and {@code --shard i/n}. */
    public static void main(String[] args) {
        JobLog log = JobLog.console();
        try {
            run(args, log);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("crashlab: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs {@code args} as {@link #main} does, throwing instead of exiting. */
    static void run(String[] args, JobLog log) {
        if (args.length == 0 || args.length % 2 == 0) {
            throw new IllegalArgumentException("usage: CrashlabSubmit CONFIG [--output DIR] [--shard i/n]");
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Path output = null;
        Shard shard = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--output" -> output = Path.of(args[i + 1]).toAbsolutePath();
                case "--shard" -> shard = Shard.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: CrashlabSubmit CONFIG [--output DIR] [--shard i/n]");
            }
        }
        CrashlabConfig config = ConfigLoader.load(file);
        if (output == null) {
            output = config.output() != null ? config.output() : file.getParent().resolve("target/crashlab");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (SparkExecutor spark = SparkExecutor.start("local[*]", Map.of(), loader)) {
            try {
                if (shard == null) {
                    SweepJob.run(config, output, loader, spark, Clock.systemUTC(), log);
                } else {
                    SweepJob.runShard(config, output, loader, spark, shard, Clock.systemUTC(), log);
                }
            } catch (ConfigException e) {
                throw config.locate(e);
            }
        }
    }
}
