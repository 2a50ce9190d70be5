package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.Shard;
import dev.crashlab.jobs.SweepJob;
import dev.crashlab.jobs.UnitExecutor;
import java.time.Clock;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the config's parameter sweep in parallel with progress in the log, and writes under
 * {@code <output>/sweep-<run>/} the sweep's results ({@code sweep.json}: every variant, and the
 * chosen one's probabilistic and deflated Sharpe ratios, probability of backtest overfitting and
 * parameter stability), the sweep report, {@code variants.csv} and the chosen variant's results
 * and report; the output folder's index then links the report. Binds to {@code verify} when
 * configured in a pom.
 *
 * <p>With {@code -Dcrashlab.shard=i/n} it runs only shard i of n of the variants and writes that
 * part under {@code <output>/sweep-<run>/parts/}; {@code crashlab:merge} then writes the sweep's
 * output from all n parts. With {@code -Dcrashlab.executor=spark} the variants run on Spark
 * ({@code crashlab-spark} and Spark on the project's dependencies) at
 * {@code -Dcrashlab.spark.master}.
 *
 * @since 0.1.0
 */
@Mojo(name = "sweep", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class SweepMojo extends AbstractUnitMojo {

    /** Runs only this shard of the variants, {@code i/n}, and writes it as a part for {@code crashlab:merge}. */
    @Parameter(property = "crashlab.shard")
    private String shard;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        ClassLoader loader = projectClassLoader();
        try (UnitExecutor units = executor(loader)) {
            if (shard == null || shard.isBlank()) {
                SweepJob.run(loaded, outputFolder(loaded), loader, units, Clock.systemUTC(), jobLog());
            } else {
                SweepJob.runShard(loaded, outputFolder(loaded), loader, units, Shard.parse(shard), Clock.systemUTC(), jobLog());
            }
        }
    }
}
