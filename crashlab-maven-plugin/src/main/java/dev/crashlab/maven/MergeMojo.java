package dev.crashlab.maven;

import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.SweepJob;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Combines the parts of a sharded sweep ({@code crashlab:sweep -Dcrashlab.shard=i/n} for every i)
 * into the sweep's output, exactly what the unsharded sweep writes. Fails naming the files when a
 * part is missing, two parts overlap, or a part was run on another config or other data.
 *
 * @since 0.1.0
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractCrashlabMojo {

    /** The folder holding the parts; by default {@code <output>/sweep-<run>/parts}. */
    @Parameter(property = "crashlab.parts")
    private File parts;

    @Override
    protected void run() throws Exception {
        CrashlabConfig loaded = loadConfig();
        Path output = outputFolder(loaded);
        Path folder = parts != null ? parts.toPath() : SweepJob.partsFolder(loaded, output);
        SweepJob.merge(loaded, output, projectClassLoader(), folder, jobLog());
    }
}
