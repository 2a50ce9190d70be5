package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.SweepJob;
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
