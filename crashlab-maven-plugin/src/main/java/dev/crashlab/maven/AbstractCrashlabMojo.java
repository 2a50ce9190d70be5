package dev.crashlab.maven;

import dev.crashlab.backtest.BacktestException;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.data.DataFileException;
import dev.crashlab.jobs.JobLog;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the config-driven goals share: finding the config file and the output folder, the
 * project's classpath (where user strategies live), the log, and turning failures into Maven's
 * two kinds: bad input ({@link MojoFailureException}) and our fault ({@link MojoExecutionException}).
 */
abstract class AbstractCrashlabMojo extends CrashlabMojo {

    private static final List<String> DEFAULT_CONFIGS = List.of("crashlab.yaml", "crashlab.yml", "crashlab.json");

    /** The project whose classes and dependencies hold the strategies. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The config file; by default crashlab.yaml, crashlab.yml or crashlab.json in the project's base directory. */
    @Parameter(property = "crashlab.config")
    protected File config;

    /** The output folder; by default the config's {@code output}, else target/crashlab. */
    @Parameter(property = "crashlab.output")
    protected File output;

    /** Skips the goal. */
    @Parameter(property = "crashlab.skip", defaultValue = "false")
    protected boolean skip;

    /** The config the goal loaded, to place errors found after loading in its file. */
    private CrashlabConfig loaded;

    /** Does the goal's work; failures are mapped by {@link #execute()}. */
    protected abstract void run() throws Exception;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("crashlab: skipped (crashlab.skip is true)");
            return;
        }
        requireMaven();
        try {
            run();
        } catch (ConfigException e) {
            ConfigException located = loaded == null ? e : loaded.locate(e);
            throw new MojoFailureException(located.getMessage(), located);
        } catch (DataFileException | IllegalArgumentException | BacktestException e) {
            // A strategy that throws is the project's code failing, as a failing test is: a failure.
            throw new MojoFailureException(e.getMessage(), e);
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new MojoExecutionException("crashlab failed: " + e, e);
        }
    }

    /** Returns the config file to use, or fails saying where it looked. */
    protected Path configFile() throws MojoFailureException {
        if (config != null) {
            return config.toPath();
        }
        Path base = project.getBasedir().toPath();
        for (String name : DEFAULT_CONFIGS) {
            if (Files.isRegularFile(base.resolve(name))) {
                return base.resolve(name);
            }
        }
        throw new MojoFailureException("no crashlab.yaml, crashlab.yml or crashlab.json in " + base
                + ": add one, or give -Dcrashlab.config=PATH");
    }

    /** Reads and checks the config file. */
    protected CrashlabConfig loadConfig() throws MojoFailureException {
        Path file = configFile();
        getLog().info("crashlab: config " + file);
        loaded = ConfigLoader.load(file);
        return loaded;
    }

    /** Returns the output folder: the crashlab.output parameter, else the config's, else target/crashlab. */
    protected Path outputFolder(CrashlabConfig loaded) {
        if (output != null) {
            return output.toPath();
        }
        if (loaded != null && loaded.output() != null) {
            return loaded.output();
        }
        return Path.of(project.getBuild().getDirectory(), "crashlab");
    }

    /** Returns a class loader over the project's runtime classpath, in front of the plugin's own classes. */
    protected ClassLoader projectClassLoader() throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("cannot build the project's classpath: " + e.getMessage(), e);
        }
    }

    /** Returns the job log writing to Maven's log. */
    protected JobLog jobLog() {
        return new JobLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }
}
