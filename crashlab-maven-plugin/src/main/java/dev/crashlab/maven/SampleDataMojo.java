package dev.crashlab.maven;

import dev.crashlab.data.sample.SampleDataGenerator;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Regenerates the synthetic sample data (daily bars of BTC, two altcoins, two equities and gold,
 * and a daily ETF-flow series, with a stylised crash) with a fixed seed, so that the same seed
 * always writes the same bytes.
 *
 * @since 0.1.0
 */
@Mojo(name = "sample-data", requiresProject = false, threadSafe = true)
public class SampleDataMojo extends CrashlabMojo {

    /** The folder to write; data/sample under the base directory by default. */
    @Parameter(property = "crashlab.sampleOutput", defaultValue = "${basedir}/data/sample")
    private File folder;

    /** The random seed. */
    @Parameter(property = "crashlab.seed", defaultValue = "20200101")
    private long seed;

    @Override
    public void execute() throws MojoFailureException {
        requireMaven();
        List<Path> files = new SampleDataGenerator(SampleDataGenerator.Options.DEFAULTS.withSeed(seed)).writeTo(folder.toPath());
        files.forEach(f -> getLog().info("crashlab: wrote " + f));
    }
}
