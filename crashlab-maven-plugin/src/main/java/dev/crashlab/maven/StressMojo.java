package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.StressJob;
import dev.crashlab.jobs.UnitExecutor;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Re-runs the runs of the config's {@code stress} section on many seeded, resampled histories
 * (stationary block bootstrap and crisis replay), with progress and the wall time in the log, and
 * writes {@code <output>/stress-<run>/stress.json} and {@code stress.html} (equity fan, histograms,
 * probabilities, quantiles), linked from the output folder's index. Binds to {@code verify} when
 * configured in a pom, before {@code crashlab:check} so that risk limits can read the paths.
 * With {@code -Dcrashlab.executor=spark} the paths run on Spark at {@code -Dcrashlab.spark.master},
 * with the same numbers.
 *
 * @since 0.1.0
 */
@Mojo(name = "stress", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class StressMojo extends AbstractUnitMojo {

    /** The stressed runs to run, by name; all of the stress section's when empty. */
    @Parameter(property = "crashlab.runs")
    private List<String> runs;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        if (loaded.stress() == null) {
            // Bound to verify for every config a project runs: one without a stress section has nothing to stress.
            getLog().info("crashlab: no stress section in " + loaded.file() + "; nothing to stress (README, \"Stress paths\")");
            return;
        }
        Set<String> only = runs == null ? Set.of() : new LinkedHashSet<>(runs);
        ClassLoader loader = projectClassLoader();
        try (UnitExecutor paths = executor(loader)) {
            StressJob.run(loaded, outputFolder(loaded), loader, only, paths, Clock.systemUTC(), jobLog());
        }
    }
}
