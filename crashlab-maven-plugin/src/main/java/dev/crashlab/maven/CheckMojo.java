package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.CheckJob;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Holds the results of the config's runs to its risk limits ({@code checks}) and fails the build,
 * like a failing test, when one does not hold, naming the run, the rule and the value. Reads the
 * {@code results.json} files {@code crashlab:backtest} wrote; bind it to {@code verify} after
 * that goal.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCrashlabMojo {

    /** The runs to check, by name; all of them when empty. */
    @Parameter(property = "crashlab.runs")
    private List<String> runs;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        Set<String> only = runs == null ? Set.of() : new LinkedHashSet<>(runs);
        CheckJob.Outcome outcome = CheckJob.run(loaded, outputFolder(loaded), only, jobLog());
        if (!outcome.failures().isEmpty()) {
            throw new MojoFailureException(outcome.failures().size() + " of " + outcome.results().size()
                    + " risk limits do not hold:\n" + outcome.failures().stream().map(CheckJob.Result::line)
                            .collect(Collectors.joining("\n")));
        }
    }
}
