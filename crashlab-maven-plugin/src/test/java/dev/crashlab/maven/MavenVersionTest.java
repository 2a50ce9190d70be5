package dev.crashlab.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"3.8.7", "3.6.3", "3.8.9"})
    void anOlderMavenFailsNamingItsVersionTheOneNeededAndTheWrapper(String running) {
        assertThatThrownBy(() -> MavenVersion.require(running, "/usr/share/maven"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("crashlab-maven-plugin needs Maven 3.9.0 or newer, but this build runs Maven "
                        + running + " (/usr/share/maven). Run ./mvnw instead of mvn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.9.0", "3.9.16", "3.10.0", "4.0.0-rc-4", "4.0.0"})
    void maven39AndLaterRunTheGoals(String running) {
        assertThatCode(() -> MavenVersion.require(running, null)).doesNotThrowAnyException();
    }
}
