package dev.crashlab.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.rtinfo.RuntimeInformation;

/** What every goal shares: it first checks that the Maven running it is one the plugin supports. */
abstract class CrashlabMojo extends AbstractMojo {

    /** The running Maven, whose version {@link #requireMaven()} checks (injected by Maven's JSR-330 container). */
    @Inject
    private RuntimeInformation runtime;

    /** Fails naming the versions and the fix ({@code ./mvnw}) when Maven is older than 3.9. */
    protected void requireMaven() throws MojoFailureException {
        MavenVersion.require(runtime.getMavenVersion(), System.getProperty("maven.home"));
    }
}
