package dev.crashlab.spark;

import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.Shard;
import dev.crashlab.jobs.StressJob;
import dev.crashlab.jobs.SweepJob;
import dev.crashlab.jobs.WalkForwardJob;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code spark-submit} entry point: runs a goal of a config file (its sweep, stress paths or
 * walk-forward) on the cluster spark-submit names ({@code --master}) and writes the same output
 * folder as the Maven goal, on the driver.
 *
 * <pre>
 * spark-submit --class dev.crashlab.spark.CrashlabSubmit --master spark://host:7077 \
 *   --jars crashlab-engine.jar,crashlab-jobs.jar,...,my-strategies.jar crashlab-spark.jar \
 *   crashlab.yaml [--goal sweep|stress|walkforward] [--output DIR] [--shard i/n]
 * </pre>
 *
 * <p>The goal is {@code sweep} by default; {@code --shard} cuts a sweep only. The config and its
 * data files are read on the driver and shipped to the executors; the output folder is the
 * {@code --output} argument, else the config's {@code output}, else {@code target/crashlab}
 * beside the config, as the Maven goal has it.
 */
public final class CrashlabSubmit {

    private static final String USAGE = "usage: CrashlabSubmit CONFIG [--goal sweep|stress|walkforward] [--output DIR]"
            + " [--shard i/n]";

    private CrashlabSubmit() {
    }

    /** Runs {@code args}: a config file, then optionally {@code --goal}, {@code --output DIR} and {@code --shard i/n}. */
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
            throw new IllegalArgumentException(USAGE);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        String goal = "sweep";
        Path output = null;
        Shard shard = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--goal" -> goal = args[i + 1];
                case "--output" -> output = Path.of(args[i + 1]).toAbsolutePath();
                case "--shard" -> shard = Shard.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (!List.of("sweep", "stress", "walkforward").contains(goal)) {
            throw new IllegalArgumentException("--goal: expected sweep, stress or walkforward, got \"" + goal + "\"");
        }
        if (shard != null && !goal.equals("sweep")) {
            throw new IllegalArgumentException("--shard: only a sweep is cut into shards, not the " + goal + " goal");
        }
        CrashlabConfig config = ConfigLoader.load(file);
        if (output == null) {
            output = config.output() != null ? config.output() : file.getParent().resolve("target/crashlab");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Clock clock = Clock.systemUTC();
        try (SparkExecutor spark = SparkExecutor.submitted(loader)) {
            try {
                switch (goal) {
                    case "stress" -> StressJob.run(config, output, loader, Set.of(), spark, clock, log);
                    case "walkforward" -> WalkForwardJob.run(config, output, loader, spark, clock, log);
                    default -> {
                        if (shard == null) {
                            SweepJob.run(config, output, loader, spark, clock, log);
                        } else {
                            SweepJob.runShard(config, output, loader, spark, shard, clock, log);
                        }
                    }
                }
            } catch (ConfigException e) {
                throw config.locate(e);
            }
        }
    }
}
