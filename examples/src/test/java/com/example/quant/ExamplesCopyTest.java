package com.example.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of this project elsewhere (README, "A project of your own") needs one line of
 * crashlab.yaml changed, {@code folder:} under {@code data}, and nothing else: no other line
 * reaches outside the project.
 */
class ExamplesCopyTest {

    private static final Path CONFIG = Path.of("crashlab.yaml");

    @TempDir
    Path elsewhere;

    @Test
    void onlyTheDataFolderLineReachesOutsideTheProject() throws IOException {
        List<String> outside = Files.readAllLines(CONFIG).stream()
                .filter(l -> !l.trim().startsWith("#") && l.contains("..")).toList();

        assertEquals(1, outside.size(), "lines reaching outside: " + outside);
        assertTrue(outside.getFirst().trim().startsWith("folder:"), outside.getFirst());
    }

    @Test
    void aCopyElsewhereRunsOnceItsFolderLinePointsAtTheData() throws IOException {
        CrashlabConfig here = ConfigLoader.load(CONFIG);
        Path data = here.runs().getFirst().prices().getFirst().file().getParent().toAbsolutePath().normalize();
        List<String> moved = Files.readAllLines(CONFIG).stream()
                .map(l -> l.trim().startsWith("folder:") ? "  folder: " + data : l).toList();
        Path copy = Files.write(elsewhere.resolve("crashlab.yaml"), moved);

        assertEquals(finalEquity(here, "buy-and-hold-btc"), finalEquity(ConfigLoader.load(copy), "buy-and-hold-btc"));
    }

    private double finalEquity(CrashlabConfig config, String run) {
        BacktestResult result = new RunPlanner(new StrategyFactory(getClass().getClassLoader()))
                .plan(config.run(run).orElseThrow()).run();
        return result.metrics().finalEquity();
    }
}
