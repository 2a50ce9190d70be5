package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Executors are chosen by name; a name no provider on the classpath has is refused saying what to add. */
class UnitExecutorTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void localIsTheDefault() {
        try (UnitExecutor executor = UnitExecutor.named("local", 3, Map.of(), loader, new CollectedLog())) {
            assertThat(executor).isInstanceOf(LocalExecutor.class);
            assertThat(executor.describe()).isEqualTo("3 threads");
        }
    }

    @Test
    void sparkWithoutCrashlabSparkOnTheClasspathSaysWhatToAdd() {
        assertThatThrownBy(() -> UnitExecutor.named("spark", 2, Map.of(), loader, new CollectedLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crashlab.executor: no executor \"spark\" on the classpath; there are [local]. The spark executor"
                        + " needs dev.crashlab:crashlab-spark and Spark (org.apache.spark:spark-core_2.13)"
                        + " in the project's dependencies");
    }
}
