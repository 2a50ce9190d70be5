package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.SweepJob;
import java.time.Clock;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the config's parameter sweep in parallel with progress in the log, and writes the sweep
 * report (heatmap, table of all variants, the best variant, a selection-bias warning),
 * {@code variants.csv} and the best variant's results and report under
 * {@code <output>/sweep-<run>/}. Binds to {@code verify} when configured in a pom.
 *
 * @since 0.1.0
 */
@Mojo(name = "sweep", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class SweepMojo extends AbstractCrashlabMojo {

    /** The number of variants run at once; 0 for one per core. */
    @Parameter(property = "crashlab.threads", defaultValue = "0")
    private int threads;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SweepJob.run(loaded, outputFolder(loaded), projectClassLoader(), n, Clock.systemUTC(), jobLog());
    }
}
