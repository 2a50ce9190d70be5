package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.BacktestJob;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the backtests of the config file and writes, per run, {@code <output>/<run>/results.json}
 * and {@code report.html}, plus {@code comparison.html} and {@code index.html}; logs a one-line
 * summary per run. Binds to {@code verify} by default.
 *
 * @since 0.1.0
 */
@Mojo(name = "backtest", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BacktestMojo extends AbstractCrashlabMojo {

    /** The runs to run, by name; all of them when empty. */
    @Parameter(property = "crashlab.runs")
    private List<String> runs;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        BacktestJob.run(loaded, outputFolder(loaded), projectClassLoader(),
                runs == null ? java.util.Set.of() : new LinkedHashSet<>(runs), Clock.systemUTC(), jobLog());
    }
}
