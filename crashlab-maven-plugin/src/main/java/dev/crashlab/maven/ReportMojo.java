package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.ReportJob;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Re-renders the reports of the output folder from the {@code results.json} files in it, without
 * running any backtest: each run's {@code report.html}, {@code comparison.html} and
 * {@code index.html}.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractCrashlabMojo {

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = output == null ? loadConfigIfPresent() : null;
        Path folder = outputFolder(loaded);
        ReportJob.run(folder, java.time.Clock.systemUTC(), jobLog());
    }

    private CrashlabConfig loadConfigIfPresent() {
        try {
            return loadConfig();
        } catch (org.apache.maven.plugin.MojoFailureException e) {
            return null;
        }
    }
}
