package dev.crashlab.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The Maven the goals are built and tested with, 3.9 or newer, checked as each goal starts.
 *
 * <p>The plugin's descriptor asks only for 3.6.3, the oldest Maven that loads it, so that an older
 * Maven (Debian's 3.8.7, say) reaches this check and fails naming the running version, the one
 * needed and the fix, instead of Maven's own "requires Maven version 3.9", which names neither
 * the running version nor a remedy.
 */
final class MavenVersion {

    /** The oldest Maven the goals run on. */
    static final String REQUIRED = "3.9.0";

    private MavenVersion() {
    }

    /**
     * Fails when {@code running} (the version of the Maven running the build, installed in
     * {@code mavenHome}) is older than {@link #REQUIRED}, saying how to get a Maven that is not.
     */
    static void require(String running, String mavenHome) throws MojoFailureException {
        if (new ComparableVersion(running).compareTo(new ComparableVersion(REQUIRED)) < 0) {
            throw new MojoFailureException("crashlab-maven-plugin needs Maven " + REQUIRED + " or newer, but this build runs Maven "
                    + running + (mavenHome == null ? "" : " (" + mavenHome + ")") + ". Run ./mvnw instead of mvn: the Maven"
                    + " Wrapper downloads the Maven the project pins (a project from crashlab-archetype has it; add it to"
                    + " another with `mvn wrapper:wrapper -Dmaven=3.9.16`), or install Maven 3.9 or newer.");
        }
    }
}
