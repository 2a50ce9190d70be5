package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the dip-buyer of crashlab.yaml on its data, as `mvn verify` does, and checks what it promises. */
class DipBuyerTest {

    @Test
    void buysInDipsWithTheSavingsAndNeverBorrows() {
        var run = ConfigLoader.load(Path.of("crashlab.yaml")).run("dip-buyer").orElseThrow();
        BacktestResult result = new RunPlanner(new StrategyFactory(getClass().getClassLoader())).plan(run).run();

        assertTrue(result.fills().size() > 0, "bought in no dip");
        assertEquals(0, result.metrics().liquidations());
        assertTrue(result.metrics().maxDrawdown() > -1, "lost everything");
    }
}
