package com.example.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.strategy.Order;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run of crashlab.yaml is a pinned regression test (LEAN's idea): its key figures and a
 * hash of its order list on the synthetic sample are written below. A changed number is a
 * deliberate, explained edit: run the test, read the failure's actual values, and update the
 * line together with the change that moved it.
 */
class ExamplesRegressionTest {

    /**
     * Pinned: total return, Sharpe, max drawdown, closed trades, fills, first 12 hex of SHA-256 of
     * the orders. The four DCA-like runs moved in the 5th significant digit when slippage stopped
     * taking a fill above its bar's high (6, 4, 6 and 1 buys at an open that was the day's high).
     */
    private static final Map<String, String> PINNED = Map.of(
            "buy-and-hold-btc", "4.7585085631 0.7691426276 -0.8136859257 0 1 c3f70162f110",
            "weekly-dca", "5.2350749985 0.7891632884 -0.8135628237 0 313 02b0cfe0d4a5",
            "dca-on-drawdown", "0.1927129343 0.2923557873 -0.7782250979 0 203 104556fbcc6e",
            "dca-etf-filter", "5.2456926062 0.7896168792 -0.8132926374 0 303 981e96c6c305",
            "december-rebound-short", "0.1361717345 0.4274454357 -0.0836255222 10 15 42a1bedb60fb",
            "buy-and-hold-3x", "13.0435468756 0.9335826365 -0.8687172534 0 1 0fe211318e99",
            "oversold-buyer", "0.2205574857 0.7754255981 -0.0329440675 11 86 38344f6bb717",
            "dca-when-liquidity-returns", "4.5486472193 0.7602561073 -0.8111979977 0 283 50b266a105ed");

    private static final CrashlabConfig CONFIG = ConfigLoader.load(Path.of("crashlab.yaml"));

    static Stream<String> runs() {
        return CONFIG.runs().stream().map(RunConfig::name);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void runReproducesItsPinnedFigures(String name) throws Exception {
        RunPlanner planner = new RunPlanner(new StrategyFactory(getClass().getClassLoader()));
        BacktestResult result = planner.plan(CONFIG.run(name).orElseThrow()).run();

        assertEquals(PINNED.get(name), fingerprint(result), name + " moved; if on purpose, pin the actual value");
    }

    static String fingerprint(BacktestResult result) throws Exception {
        Metrics m = result.metrics();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Order order : result.orders()) {
            sha.update(order.toString().getBytes(StandardCharsets.UTF_8));
        }
        return String.format(Locale.ROOT, "%.10f %.10f %.10f %d %d %s", m.totalReturn(), m.sharpe(), m.maxDrawdown(),
                m.trades(), result.fills().size(), HexFormat.of().formatHex(sha.digest()).substring(0, 12));
    }
}
