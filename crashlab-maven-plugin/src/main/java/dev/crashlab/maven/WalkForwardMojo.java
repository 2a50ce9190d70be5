package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.UnitExecutor;
import dev.crashlab.jobs.WalkForwardJob;
import java.time.Clock;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the config's walk-forward analysis: in each fold a sweep of the grid on the in-sample
 * window chooses the variant by the configured metric, which then trades the fold's
 * out-of-sample segment. Writes under {@code <output>/walkforward-<run>/} its results
 * ({@code walkforward.json}: the folds, the chosen parameters, the stitched out-of-sample equity
 * against the in-sample-optimised and fixed-parameter runs, the walk-forward efficiency, the
 * folds that meet a crisis regime) and its report; the output folder's index then links the
 * report. Binds to {@code verify} when configured in a pom. The whole-span sweep's variants and
 * the folds run on the executor {@code -Dcrashlab.executor} names (Spark with
 * {@code -Dcrashlab.executor=spark}), with the same numbers.
 *
 * @since 0.1.0
 */
@Mojo(name = "walkforward", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class WalkForwardMojo extends AbstractUnitMojo {

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        ClassLoader loader = projectClassLoader();
        try (UnitExecutor units = executor(loader)) {
            WalkForwardJob.run(loaded, outputFolder(loaded), loader, units, Clock.systemUTC(), jobLog());
        }
    }
}
