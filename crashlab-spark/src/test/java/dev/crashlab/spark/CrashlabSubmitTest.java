package dev.crashlab.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.jobs.JobLog;
import dev.crashlab.testing.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CrashlabSubmit's arguments: the goals it runs, what only a sweep takes, and the master it needs from spark-submit. */
class CrashlabSubmitTest {

    @TempDir
    Path dir;

    private final JobLog log = JobLog.console();

    @Test
    void anUnknownGoalIsRefusedNamingTheGoalsThereAre() {
        assertThatThrownBy(() -> CrashlabSubmit.run(new String[] {"crashlab.yaml", "--goal", "backtest"}, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--goal: expected sweep, stress or walkforward, got \"backtest\"");
    }

    @Test
    void onlyASweepIsCutIntoShards() {
        assertThatThrownBy(() -> CrashlabSubmit.run(new String[] {"crashlab.yaml", "--goal", "stress", "--shard", "1/2"}, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--shard: only a sweep is cut into shards, not the stress goal");
    }

    @Test
    void withoutSparkSubmitsMasterItSaysHowToRunIt() {
        Path config = TestFiles.write(dir, "crashlab.yaml", "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "strategy: {class: DcaOnDrawdown}", "stress: {paths: 2}");
        assertThatThrownBy(() -> CrashlabSubmit.run(new String[] {config.toString(), "--goal", "stress"}, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no Spark master: run CrashlabSubmit with spark-submit --master");
    }
}
