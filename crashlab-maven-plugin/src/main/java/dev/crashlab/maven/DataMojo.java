package dev.crashlab.maven;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.io.DataFolder;
import dev.crashlab.data.io.DataSummary;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads every price and non-price file of a data folder strictly and prints what it holds: per
 * price file the symbol, asset class, calendar, first and last date, bars, gaps and warnings.
 *
 * @since 0.1.0
 */
@Mojo(name = "data", requiresProject = false, threadSafe = true)
public class DataMojo extends CrashlabMojo {

    /** The folder to summarise; data/sample under the base directory by default. */
    @Parameter(property = "crashlab.data", defaultValue = "${basedir}/data/sample")
    private File folder;

    @Override
    public void execute() throws MojoFailureException {
        requireMaven();
        try {
            for (String line : DataSummary.format(DataFolder.load(folder.toPath())).split("\n")) {
                getLog().info(line);
            }
        } catch (DataFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
