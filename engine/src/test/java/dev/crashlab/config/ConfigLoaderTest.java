package dev.crashlab.config;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.GapPolicy;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.execution.FillMode;
import dev.crashlab.execution.MaintenanceTiers;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.MarginMode;
import dev.crashlab.execution.PathRule;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.stress.StressMethod;
import dev.crashlab.stress.StressOptions;
import dev.crashlab.testing.TestStrategies;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String DIP = TestStrategies.Dip.class.getName();

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        write(dir, "data/BTC-USD.csv", "date,open,high,low,close,volume",
                "2024-01-01,10,12,9,11,1", "2024-01-02,11,13,10,12,1", "2024-01-03,12,13,11,12.5,1");
        write(dir, "data/flows.csv", "date,total", "2024-01-01,5", "2024-01-02,-3");
    }

    private Path yaml(String... lines) {
        return write(dir, "crashlab.yaml", lines);
    }

    @Test
    void readsMarginModesMaintenanceTiersThePathRuleAndPartialData() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "runs:",
                "  - name: defaults",
                "  - name: tiers",
                "    allowPartialData: true",
                "    costs: {pathRule: low-first}",
                "    margin: {mode: isolated, initial: 0.1, maintenance: [{rate: 0.01}, {floor: 1000, rate: 0.02}]}",
                "  - name: flat",
                "    margin: {initial: 0.5, maintenance: 0.05}"));

        RunConfig defaults = config.run("defaults").orElseThrow();
        assertThat(defaults.margin()).isEqualTo(Margin.NONE);
        assertThat(defaults.margin().maintenance()).isSameAs(MaintenanceTiers.BINANCE_BTCUSDT);
        assertThat(defaults.costs().pathRule()).isEqualTo(PathRule.NEAREST_EXTREME_FIRST);
        assertThat(defaults.allowPartialData()).isFalse();
        RunConfig tiers = config.run("tiers").orElseThrow();
        assertThat(tiers.margin().mode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(tiers.margin().maintenance().tiers()).containsExactly(new MaintenanceTiers.Tier(0, 0.01),
                new MaintenanceTiers.Tier(1000, 0.02));
        assertThat(tiers.margin().maintenance().requirement(2000)).isEqualTo(2000 * 0.02 - 1000 * 0.01);
        assertThat(tiers.costs().pathRule()).isEqualTo(PathRule.LOW_FIRST);
        assertThat(tiers.allowPartialData()).isTrue();
        assertThat(config.run("flat").orElseThrow().margin().maintenance()).isEqualTo(MaintenanceTiers.flat(0.05));
    }

    @Test
    void readsDetailBarsOfAPriceSymbolAndRefusesThemForAnyOther() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}, detail: {BTC-USD: {file: data/BTC-USD-5m.csv}}}",
                "strategy: {class: " + DIP + "}"));
        assertThat(config.runs().getFirst().detail()).singleElement().satisfies(d -> {
            assertThat(d.symbol().value()).isEqualTo("BTC-USD");
            assertThat(d.file().getFileName().toString()).isEqualTo("BTC-USD-5m.csv");
        });

        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}, detail: {ETH-USD: {file: data/ETH-USD-5m.csv}}}",
                "strategy: {class: " + DIP + "}")))
                .hasMessageContaining("detail.ETH-USD: detail bars need the price file they detail: \"ETH-USD\" is not"
                        + " among the run's price symbols [BTC-USD] (crashlab.yaml:1:");
    }

    @Test
    void refusesMaintenanceTiersThatAreNotATableNamingTheField() {
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "margin: {initial: 0.1, maintenance: [{rate: 0.01}, {floor: 1000, rate: 0.005}]}")))
                .hasMessageStartingWith("margin.maintenance: maintenance tier 1: rate 0.005 must not be below the previous tier's 0.01 (crashlab.yaml:");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "margin: {initial: 0.1, maintenance: [{rate: 0.01}, {rate: 0.02}]}")))
                .hasMessage("margin.maintenance[1]: a tier needs a floor (the notional it starts at; 0 may be left out for"
                        + " the first) and a rate, got {\"rate\":0.02} (crashlab.yaml:3:52)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "margin: {initial: 0.004}")))
                .hasMessage("margin.maintenance: expected a maintenance rate below the initial margin 0.004, got 0.004 (crashlab.yaml:3:1)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "costs: {pathRule: random}")))
                .hasMessage("costs.pathRule: expected one of nearest_extreme_first, high_first, low_first, got \"random\" (crashlab.yaml:3:9)");
    }

    @Test
    void theReadmesConfigurationExampleIsAValidConfig() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Configuration");
        int from = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = readme.substring(from, readme.indexOf("```", from));

        CrashlabConfig config = ConfigLoader.load(write(dir, "readme.yaml", example));

        assertThat(config.runs()).extracting(RunConfig::name).containsExactly("dca-etf-filter", "hold");
        assertThat(config.runs().getFirst().margin()).isEqualTo(Margin.NONE);
    }

    @Test
    void readsAYamlConfigWithDefaultsMergedIntoEachRun() {
        Path file = yaml(
                "data:",
                "  prices:",
                "    BTC-USD: {file: data/BTC-USD.csv}",
                "  series:",
                "    etf_flows: {file: data/flows.csv, column: total, publication: D+1, unit: US$ millions per day}",
                "start: 2024-01-01",
                "end: 2024-01-03",
                "initialCash: 1000",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001, slippageBps: 5, fillMode: next_open}",
                "runs:",
                "  - name: dip",
                "    strategy: {class: " + DIP + ", params: {threshold: 0.3}}",
                "  - name: dip-costly",
                "    costs: {feeRate: 0.01}",
                "    strategy: {class: " + DIP + "}");

        CrashlabConfig config = ConfigLoader.load(file);

        assertThat(config.runs()).extracting(RunConfig::name).containsExactly("dip", "dip-costly");
        RunConfig costly = config.runs().get(1);
        assertThat(costly.costs().feeRate()).isEqualTo(0.01);
        assertThat(costly.costs().slippageBps()).isEqualTo(5); // merged from the defaults
        assertThat(costly.costs().fillMode()).isEqualTo(FillMode.NEXT_OPEN);
        assertThat(costly.contributions().schedule()).isEqualTo(Schedule.WEEKLY);
        assertThat(costly.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(costly.prices().getFirst().file()).isEqualTo(dir.resolve("data/BTC-USD.csv").toAbsolutePath());
        assertThat(costly.prices().getFirst().options().instrument().assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(costly.series().getFirst().name()).isEqualTo("etf_flows");
        assertThat(costly.series().getFirst().unit()).isEqualTo("US$ millions per day");
    }

    @Test
    void readsASingleRunJsonConfigAndPlansARunnableBacktest() {
        Path file = write(dir, "crashlab.json", "{\"name\": \"solo\", \"data\": {\"prices\": {\"BTC-USD\": {\"file\":"
                + " \"data/BTC-USD.csv\"}}}, \"strategy\": {\"class\": \"" + DIP + "\"}}");

        CrashlabConfig config = ConfigLoader.load(file);
        Backtest backtest = new RunPlanner(new StrategyFactory(getClass().getClassLoader())).plan(config.runs().getFirst());
        BacktestResult result = backtest.run();

        assertThat(result.name()).isEqualTo("solo");
        assertThat(result.size()).isEqualTo(3);
        assertThat(backtest.parameters()).containsEntry("class", "Dip");
    }

    @Test
    void aBenchmarkIsTheEnginesBuyAndHoldWithNoSeedStrategiesOnTheClasspath() {
        // The engine's tests have no crashlab-strategies: the benchmark must not be looked up by name.
        Path file = yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "initialCash: 1100",
                "benchmark: BTC-USD",
                "strategy: {class: Dip}");
        BacktestResult result = new RunPlanner(new StrategyFactory(getClass().getClassLoader()))
                .plan(ConfigLoader.load(file).runs().getFirst()).run();

        assertThat(result.benchmark()).hasValueSatisfying(b -> {
            assertThat(b.name()).isEqualTo("buy-and-hold BTC-USD");
            assertThat(b.equity()).hasSize(3).startsWith(1100.0);
            assertThat(b.equity()[2]).isGreaterThan(1100); // all in at the second open, 12, marked at 12.5
        });
    }

    @Test
    void namesTheRunAndParameterOfABadStrategyValue() {
        Path file = yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs:",
                "  - name: a",
                "    strategy: {class: " + DIP + "}",
                "  - name: b",
                "    strategy: {class: " + DIP + ", params: {threshold: abc}}");
        CrashlabConfig config = ConfigLoader.load(file);
        RunPlanner planner = new RunPlanner(new StrategyFactory(getClass().getClassLoader()));

        assertThatThrownBy(() -> planner.plan(config.runs().get(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("runs[1].strategy.params.threshold: expected a number in [0, 1], got \"abc\"");
    }

    @Test
    void dataCacheIsTheBarCacheOfEveryPriceAndDetailFileThatNamesNoneBothBesideTheConfigNotTheDataFolder() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data:",
                "  folder: data",
                "  cache: target/bars",
                "  prices: {BTC-USD: {file: BTC-USD.csv}, ETH-USD: {file: BTC-USD.csv, cache: elsewhere}}",
                "  detail: {BTC-USD: {file: BTC-USD-5m.csv}}",
                "strategy: {class: X}"));

        RunConfig run = config.runs().getFirst();
        Path beside = dir.resolve("target/bars").toAbsolutePath();
        assertThat(run.prices().get(0).file()).isEqualTo(dir.resolve("data/BTC-USD.csv").toAbsolutePath());
        assertThat(run.prices().get(0).options().cacheFolder()).isEqualTo(beside);
        assertThat(run.prices().get(1).options().cacheFolder()).as("a file's own cache wins")
                .isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
        assertThat(run.detail().getFirst().options().cacheFolder()).isEqualTo(beside);
        assertThat(ConfigLoader.load(yaml("data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}", "strategy: {class: X}"))
                .runs().getFirst().prices().getFirst().options().cacheFolder()).as("none by default").isNull();
        CrashlabConfig cached = ConfigLoader.load(yaml("data: {folder: data, cache: target/bars, prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}"));
        new RunPlanner(new StrategyFactory(getClass().getClassLoader())).plan(cached.runs().getFirst());
        assertThat(beside.toFile().list((folder, name) -> name.endsWith(".bars"))).as("planning the run filled the cache")
                .hasSize(1);
        assertThatThrownBy(() -> ConfigLoader.load(yaml("data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}, cahce: x}",
                "strategy: {class: X}"))).hasMessageStartingWith("data.cahce: unknown field; did you mean cache?");
    }

    @Test
    void readsTheGapPolicyAndCacheFolderOfAPriceFileAndSuggestsTheGapPolicyMeant() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv, gaps: fill, cache: target/bars}}}",
                "strategy: {class: X}"));

        LoadOptions options = config.runs().getFirst().prices().getFirst().options();
        assertThat(options.gaps()).isEqualTo(GapPolicy.FILL);
        assertThat(options.cacheFolder()).isEqualTo(dir.resolve("target/bars").toAbsolutePath());
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv, gaps: fil}}}",
                "strategy: {class: X}")))
                .hasMessage("data.prices.BTC-USD.gaps: expected one of refuse, keep, fill, got \"fil\"; did you mean"
                        + " fill? (crashlab.yaml:1:51)");
    }

    @Test
    void namesTheFieldPathOfBadRunValues() {
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "costs: {feeRate: abc}")))
                .hasMessage("costs.feeRate: expected a number in [0, 0.5], got \"abc\" (crashlab.yaml:3:9)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs:",
                "  - {name: a, strategy: {class: X}, contributions: {amount: 100, period: fortnightly}}")))
                .hasMessage("runs[0].contributions.period: expected one of daily, weekly, monthly, got \"fortnightly\""
                        + " (crashlab.yaml:3:66)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "costz: {}")))
                .hasMessageStartingWith("costz: unknown field; did you mean costs?; expected one of name, data, start");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {FOO: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}")))
                .hasMessage("data.prices.FOO.assetClass: missing: crashlab does not know \"FOO\"; say its asset class"
                        + " (crypto, equity, etf, index, commodity or fx) (crashlab.yaml:1:17)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "start: 2024-02-30")))
                .hasMessage("start: expected a date (yyyy-MM-dd), got \"2024-02-30\" (crashlab.yaml:3:1)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "benchmark: ETH-USD")))
                .hasMessage("benchmark: \"ETH-USD\" is not among the run's price symbols [BTC-USD] (crashlab.yaml:3:1)");
    }

    @Test
    void listsTheFieldsAnUnknownFieldCouldBeInTheirDocumentedOrder() {
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "costz: {}")))
                .hasMessage("costz: unknown field; did you mean costs?; expected one of name, data, start, end, initialCash, contributions,"
                        + " costs, margin, periodsPerYear, riskFreeRate, benchmark, regime, strategy, allowPartialData, crises, candles, path,"
                        + " runs, sweep, walkforward, checks, output, stress (crashlab.yaml:3:1)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs:",
                "  - {name: a, strategy: {class: X}, costz: {}}")))
                .hasMessage("runs[0].costz: unknown field; did you mean costs?; expected one of name, data, start, end,"
                        + " initialCash, contributions, costs, margin, periodsPerYear, riskFreeRate, benchmark, regime, strategy,"
                        + " allowPartialData, crises, candles, path (crashlab.yaml:3:37)");
    }

    @Test
    void suggestsTheFieldOrValueMeantAndPointsAtItsLineAndColumn() {
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: X}",
                "intialCash: 100")))
                .hasMessageStartingWith("intialCash: unknown field; did you mean initialCash?; expected one of name, data,")
                .hasMessageEndingWith(" (crashlab.yaml:3:1)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs:",
                "  - name: a",
                "    strategy: {class: X}",
                "    costs:",
                "      feeRate: 0.001",
                "      fillMode: next_opn")))
                .hasMessage("runs[0].costs.fillMode: expected one of next_open, close, got \"next_opn\"; did you mean next_open?"
                        + " (crashlab.yaml:7:7)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "costs: {feeRate: abc}",
                "runs: [{name: a, strategy: {class: X}}]")))
                .as("a run's field inherited from the defaults is placed where the defaults spell it")
                .hasMessage("runs[0].costs.feeRate: expected a number in [0, 0.5], got \"abc\" (crashlab.yaml:2:9)");
    }

    @Test
    void readsRiskLimitsForOneRunOrEveryRun() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}]",
                "checks:",
                "  - rules: [liquidations == 0]",
                "  - run: b",
                "    rules:",
                "      - maxDrawdown > -50%",
                "      - regimes[\"CRASH\"].totalReturn >= -0.3"));

        assertThat(config.checks()).extracting(CheckConfig::run, c -> c.rule().text(), CheckConfig::path).containsExactly(
                tuple(null, "liquidations == 0", "checks[0].rules[0]"),
                tuple("b", "maxDrawdown > -50%", "checks[1].rules[0]"),
                tuple("b", "regimes[\"CRASH\"].totalReturn >= -0.3", "checks[1].rules[1]"));
        assertThat(config.checks().getFirst().appliesTo("a")).isTrue();
        assertThat(config.checks().getLast().appliesTo("a")).isFalse();
    }

    @Test
    void refusesBrokenRiskLimitsNamingTheirPlace() {
        String data = "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}";
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "name: a", "strategy: {class: X}",
                "checks: [{run: c, rules: [sharpe > 1]}]")))
                .hasMessage("checks[0].run: no run is called \"c\"; the runs are [a] (crashlab.yaml:4:11)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "checks: [{run: backtest}]")))
                .hasMessage("checks[0].rules: missing: list at least one rule, such as maxDrawdown > -0.5 (crashlab.yaml:3:10)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "checks: [{rules: [1]}]")))
                .hasMessage("checks[0].rules[0]: expected a rule as text, such as \"maxDrawdown > -0.5\", got 1 (crashlab.yaml:3:19)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "checks: [{rule: sharpe > 1}]")))
                .hasMessage("checks[0].rule: unknown field; did you mean rules?; expected one of run, rules (crashlab.yaml:3:11)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "checks: [{rules: [sharpe >> 1]}]")))
                .hasMessage("checks[0].rules[0]: \"sharpe >> 1\" at 9: expected a number such as -0.5, 12 or 30%, got \"> 1\" (crashlab.yaml:3:19)");
    }

    @Test
    void readsTheStressSectionWithDefaultsItsCrisisWindowsAreEachRunsOwn() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}, {name: c, strategy: {class: X}}]",
                "crises:",
                "  - {name: covid, from: 2020-03-09, to: 2020-03-20, description: the March 2020 crash}",
                "  - {name: ftx, from: 2022-11-06, to: 2022-11-21}",
                "stress: {run: [c, a], paths: 250, seed: 7, method: both, meanBlockDays: 30, drawdownThresholds: [-0.4]}"));

        StressConfig stress = config.stress();
        assertThat(stress.runs()).containsExactly("a", "c");
        assertThat(stress.path()).isEqualTo("stress");
        StressOptions options = stress.options();
        assertThat(options.paths()).isEqualTo(250);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.methods()).containsExactly(StressMethod.BOOTSTRAP, StressMethod.CRISIS_REPLAY);
        assertThat(options.meanBlockDays()).isEqualTo(30);
        assertThat(options.drawdownThresholds()).containsExactly(-0.4);
        // One crises concept: crisis replay splices the run's windows (built-in, then its own), as its scorecard scores them.
        assertThat(config.run("c").orElseThrow().crises()).extracting(CrisisWindow::name).endsWith("covid", "ftx");

        StressConfig defaults = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}", "strategy: {class: X}", "stress: {}")).stress();
        assertThat(defaults.runs()).isEmpty();
        assertThat(defaults.options()).isEqualTo(StressOptions.DEFAULTS);
    }

    @Test
    void refusesABrokenStressSectionNamingTheField() {
        String data = "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}";
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "name: a", "strategy: {class: X}", "stress: {run: b}")))
                .isInstanceOf(ConfigException.class).hasMessage("stress.run: no run is called \"b\"; did you mean a?; the runs are [a]"
                        + " (crashlab.yaml:4:10)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {paths: 0}")))
                .hasMessageStartingWith("stress.paths: expected a whole number");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {paths: 2.5}")))
                .hasMessageStartingWith("stress.paths: expected a whole number");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {method: monte-carlo}")))
                .hasMessageStartingWith("stress.method: expected bootstrap, crisis-replay or both, got \"monte-carlo\"");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {method: bootstrp}")))
                .hasMessage("stress.method: expected bootstrap, crisis-replay or both, got \"bootstrp\"; did you mean bootstrap?"
                        + " (crashlab.yaml:3:10)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {drawdownThresholds: [0.5]}")))
                .hasMessageStartingWith("stress.drawdownThresholds[0]: expected a drawdown as a fraction in (-1, 0)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}", "stress: {meanBlockDays: 0.5}")))
                .hasMessageStartingWith("stress.meanBlockDays: expected a number");
    }

    @Test
    void readsTheCandleWindowAsARunFieldAndRefusesOneThatEndsBeforeItStarts() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "candles: {from: 2022-11-01, to: 2022-11-30}",
                "runs: [{name: a}, {name: b, candles: {from: 2020-03-01, to: 2020-03-31}}]"));

        assertThat(config.run("a").orElseThrow().candles())
                .isEqualTo(new Backtest.Window(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 30)));
        assertThat(config.run("b").orElseThrow().candles())
                .isEqualTo(new Backtest.Window(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31)));
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "candles: {from: 2022-11-30, to: 2022-11-01}")))
                .hasMessage("candles.to: expected a date on or after from (2022-11-30), got 2022-11-01 (crashlab.yaml:3:29)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "candles: {form: 2022-11-30, to: 2022-12-01}")))
                .hasMessageStartingWith("candles.form: unknown field; did you mean from?");
    }

    @Test
    void readsThePathSensitivityWithDefaultsAndARunMaySwitchItOff() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivity: {bridges: 8, seed: 42}}",
                "runs:",
                "  - name: top",
                "  - name: own",
                "    path: {sensitivity: {subBars: 24}}",
                "  - name: defaults",
                "    path: {sensitivity: true}",
                "  - name: off",
                "    path: {sensitivity: false}"));

        assertThat(config.run("top").orElseThrow().sensitivity())
                .isEqualTo(new RunConfig.Sensitivity(new PathSensitivity.Options(8, 96, 42), "runs[0].path.sensitivity"));
        assertThat(config.run("own").orElseThrow().sensitivity().options())
                .as("a run's object is merged over the top level's, field by field").isEqualTo(new PathSensitivity.Options(8, 24, 42));
        assertThat(config.run("defaults").orElseThrow().sensitivity().options()).isEqualTo(PathSensitivity.Options.DEFAULTS);
        assertThat(config.run("off").orElseThrow().sensitivity()).isNull();
        assertThat(ConfigLoader.load(yaml("data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}", "strategy: {class: " + DIP + "}"))
                .runs().getFirst().sensitivity()).as("left out: none").isNull();
    }

    @Test
    void aRiskRuleOnThePathSensitivityOfARunWithoutItIsAConfigError() {
        String[] lines = {
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "runs: [{name: plain}, {name: paths, path: {sensitivity: true}}]",
                "checks:",
                "  - run: paths",
                "    rules: [path.liquidatedShare < 0.05, path.ambiguousBars < 10]",
                "  - rules: [path.finalEquity.min > 0]"};

        assertThatThrownBy(() -> ConfigLoader.load(yaml(lines)))
                .hasMessage("checks[1].rules[0]: \"path.finalEquity.min > 0\": run 'plain' has no path sensitivity for"
                        + " path.finalEquity.min to read; give the run path: {sensitivity: {bridges, subBars, seed}}, or the rule"
                        + " a run that has it (crashlab.yaml:7:13)");
        lines[6] = "  - rules: [path.ambiguousBars == 0]";
        assertThat(ConfigLoader.load(yaml(lines)).checks()).as("the bar counts are every run's").hasSize(3);
    }

    @Test
    void refusesABadPathSensitivityNamingTheFieldAndItsPlaceInTheFile() {
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivity: {bridges: 0}}")))
                .hasMessage("path.sensitivity.bridges: expected a whole number in [1, 10000], got 0 (crashlab.yaml:3:22)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivity: {bridge: 10}}")))
                .hasMessageStartingWith("path.sensitivity.bridge: unknown field; did you mean bridges?; expected one of bridges,"
                        + " subBars, seed");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivty: true}")))
                .hasMessageStartingWith("path.sensitivty: unknown field; did you mean sensitivity?");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivity: 20}")))
                .hasMessageStartingWith("path.sensitivity: expected {bridges, subBars, seed}, true or false, got 20");
        CrashlabConfig sevenSubBars = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "path: {sensitivity: {subBars: 7}}"));
        RunPlanner planner = new RunPlanner(new StrategyFactory(getClass().getClassLoader()));
        assertThatThrownBy(() -> planner.plan(sevenSubBars.runs().getFirst()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("path.sensitivity.subBars: cannot cut 1d bars of BTC-USD into 7 sub-bars of whole milliseconds"
                        + " (a bar's length in milliseconds must be a multiple of subBars)");
    }

    @Test
    void everyRunScoresTheBuiltInCrisesThenItsOwnAndARunsListReplacesTheTopLevelOne() {
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "crises:",
                "  - {name: New year, from: 2024-01-01, to: 2024-01-02, description: the first days}",
                "runs:",
                "  - name: a",
                "  - name: b",
                "    crises: [{name: Day three, from: 2024-01-03, to: 2024-01-03}]"));

        List<CrisisWindow> a = config.run("a").orElseThrow().crises();
        assertThat(a.subList(0, CrisisWindow.BUILT_IN.size())).isEqualTo(CrisisWindow.BUILT_IN);
        assertThat(a.getLast()).isEqualTo(new CrisisWindow("New year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
                "the first days"));
        assertThat(config.run("b").orElseThrow().crises()).extracting(CrisisWindow::name).endsWith("FTX collapse",
                "10 October 2025 liquidations", "November 2025 drawdown", "Day three").doesNotContain("New year");
        Backtest planned = new RunPlanner(new StrategyFactory(getClass().getClassLoader())).plan(config.run("a").orElseThrow());
        assertThat(planned.crises()).isEqualTo(a);
    }

    @Test
    void refusesABrokenCrisisWindowNamingItsPlace() {
        String data = "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}";
        String strategy = "strategy: {class: " + DIP + "}";
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy,
                "crises: [{name: Late, from: 2024-01-03, to: 2024-01-01}]")))
                .hasMessage("crises[0].to: expected a date on or after from (2024-01-03), got 2024-01-01"
                        + " (crashlab.yaml:3:41)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: [{name: Bad, from: 2024-13-01, to: 2024-12-01}]")))
                .hasMessage("crises[0].from: expected a date (yyyy-MM-dd), got \"2024-13-01\""
                        + " (crashlab.yaml:3:22)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: [{name: Open, from: 2024-01-01}]")))
                .hasMessage("crises[0].to: missing: a date (yyyy-MM-dd) is required here"
                        + " (crashlab.yaml:3:10)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: [{from: 2024-01-01, to: 2024-01-02}]")))
                .hasMessage("crises[0].name: missing: a string is required here"
                        + " (crashlab.yaml:3:10)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy,
                "crises: [{name: A, from: 2024-01-01, to: 2024-01-02}, {name: A, from: 2024-01-02, to: 2024-01-03}]")))
                .hasMessage("crises[1].name: a second crisis window called \"A\""
                        + " (crashlab.yaml:3:56)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy,
                "crises: [{name: FTX collapse, from: 2022-11-01, to: 2022-11-30}]")))
                .hasMessage("crises[0].name: \"FTX collapse\" is a built-in window (2022-11-06 .. 2022-11-11), scored for"
                        + " every run; give yours another name"
                        + " (crashlab.yaml:3:11)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: [{name: A, from: 2024-01-01, to: 2024-01-02,"
                + " what: crash}]")))
                .hasMessage("crises[0].what: unknown field; expected one of name, from, to, description"
                        + " (crashlab.yaml:3:54)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: {name: A}")))
                .hasMessage("crises: expected a list, got {\"name\":\"A\"}"
                        + " (crashlab.yaml:3:1)");
        // The top level's windows are checked where they are written, not in the runs that inherit them.
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy, "crises: [{name: A, from: 2024-01-02, to: 2024-01-01}]",
                "runs: [{name: a}]")))
                .hasMessage("crises[0].to: expected a date on or after from (2024-01-02), got 2024-01-01"
                        + " (crashlab.yaml:3:38)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, strategy,
                "runs: [{name: a, crises: [{name: B, from: 2024-01-02, to: 2024-01-01}]}]")))
                .hasMessage("runs[0].crises[0].to: expected a date on or after from (2024-01-02), got 2024-01-01"
                        + " (crashlab.yaml:3:55)");
    }

    @Test
    void aRiskLimitOnACrisisWindowTheRunDoesNotScoreIsAConfigError() {
        String data = "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}";
        CrashlabConfig config = ConfigLoader.load(yaml(data,
                "runs: [{name: a, strategy: {class: X}, crises: [{name: Mine, from: 2024-01-01, to: 2024-01-02}]}]",
                "checks: [{rules: ['crises[\"Mine\"].return > -0.1', 'crises[\"FTX collapse\"].tail.cvar95 > -0.2']}]"));
        assertThat(config.checks()).hasSize(2);

        assertThatThrownBy(() -> ConfigLoader.load(yaml(data,
                "runs: [{name: a, strategy: {class: X}, crises: [{name: Mine, from: 2024-01-01, to: 2024-01-02}]},"
                        + " {name: b, strategy: {class: X}}]",
                "checks: [{rules: ['crises[\"Mine\"].return > -0.1']}]")))
                .hasMessageStartingWith("checks[0].rules[0]: \"crises[\"Mine\"].return > -0.1\": run 'b' scores no crisis"
                        + " window \"Mine\"; it scores COVID crash, LUNA/UST collapse,")
                .hasMessageEndingWith(", November 2025 drawdown (crashlab.yaml:3:19)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml(data, "strategy: {class: X}",
                "checks: [{rules: ['crises[\"FTX colapse\"].return > -0.3']}]")))
                .hasMessage("checks[0].rules[0]: \"crises[\"FTX colapse\"].return > -0.3\": run 'backtest' scores no crisis"
                        + " window \"FTX colapse\"; did you mean FTX collapse?; it scores COVID crash, LUNA/UST collapse,"
                        + " Celsius and 3AC, FTX collapse, 10 October 2025 liquidations, November 2025 drawdown"
                        + " (crashlab.yaml:3:19)");
    }

    @Test
    void resolvesDataFilesInTheDataFolderThatARunMayOverride() {
        write(dir, "real/BTC-USD.csv", "date,open,high,low,close,volume", "2024-01-01,10,12,9,11,1");
        CrashlabConfig config = ConfigLoader.load(yaml(
                "data:",
                "  folder: data",
                "  prices: {BTC-USD: {file: BTC-USD.csv}}",
                "  series: {flows: {file: flows.csv, column: total}}",
                "strategy: {class: " + DIP + "}",
                "runs:",
                "  - name: sample",
                "  - name: real",
                "    data: {folder: real}"));

        RunConfig sample = config.run("sample").orElseThrow();
        assertThat(sample.prices().getFirst().file()).isEqualTo(dir.resolve("data/BTC-USD.csv").toAbsolutePath());
        assertThat(sample.series().getFirst().file()).isEqualTo(dir.resolve("data/flows.csv").toAbsolutePath());
        assertThat(config.run("real").orElseThrow().prices().getFirst().file())
                .isEqualTo(dir.resolve("real/BTC-USD.csv").toAbsolutePath());
    }

    @Test
    void reportsAMissingDataFileWithItsPath() {
        Path file = yaml(
                "data: {prices: {BTC-USD: {file: data/missing.csv}}}",
                "strategy: {class: " + DIP + "}");
        RunConfig run = ConfigLoader.load(file).runs().getFirst();

        assertThatThrownBy(() -> new RunPlanner(new StrategyFactory(getClass().getClassLoader())).plan(run))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("data.prices.BTC-USD.file: " + dir.resolve("data/missing.csv").toAbsolutePath()
                        + ": file not found");
    }

    @Test
    void reportsUnparseableYamlWithItsLine() {
        Path file = yaml("data:", "  prices: [unclosed");

        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot parse " + file + " at line");
    }

    @Test
    void expandsSweepRangesWithExactDecimalSteps() {
        Path file = yaml(
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "sweep:",
                "  metric: sharpe",
                "  params:",
                "    threshold: {from: 0.1, to: 0.3, step: 0.1}",
                "    lookbackDays: [30, 90]");

        SweepConfig sweep = ConfigLoader.load(file).sweep();

        assertThat(sweep.run()).isEqualTo("backtest");
        assertThat(sweep.size()).isEqualTo(6);
        assertThat(sweep.axes().getFirst().values()).extracting(v -> v.asDouble()).containsExactly(0.1, 0.2, 0.3);
        assertThat(sweep.variants().get(1)).hasToString("{threshold=0.1, lookbackDays=90}");
        assertThat(sweep.pboBlocks()).as("the paper's S").isEqualTo(16);
    }

    @Test
    void readsTheBlocksOfTheProbabilityOfBacktestOverfittingAndRefusesAnOddNumber() {
        String[] sweep = {
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "sweep:",
                "  params: {threshold: [0.1, 0.2]}",
                "  pbo: {blocks: 8}"};

        assertThat(ConfigLoader.load(yaml(sweep)).sweep().pboBlocks()).isEqualTo(8);
        sweep[4] = "  pbo: {blocks: 15}";
        assertThatThrownBy(() -> ConfigLoader.load(yaml(sweep))).isInstanceOf(ConfigException.class)
                .hasMessage("sweep.pbo.blocks: expected an even whole number from 2 to 24 (16 by default), got 15 (crashlab.yaml:5:9)");
        sweep[4] = "  pbo: {block: 8}";
        assertThatThrownBy(() -> ConfigLoader.load(yaml(sweep))).isInstanceOf(ConfigException.class)
                .hasMessage("sweep.pbo.block: unknown field; did you mean blocks?; expected one of blocks (crashlab.yaml:5:9)");
    }

    @Test
    void aWalkForwardReusesTheSweepsRunMetricAndGridUnlessItGivesItsOwn() {
        String[] lines = {
                "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}",
                "strategy: {class: " + DIP + "}",
                "sweep: {metric: calmar, params: {threshold: [0.1, 0.2], lookbackDays: [30, 90, 365]}}",
                "walkforward: {mode: rolling, inSample: 2y, outOfSample: 180, purgeDays: 7}"};

        WalkForwardConfig wf = ConfigLoader.load(yaml(lines)).walkForward();

        assertThat(wf.run()).isEqualTo("backtest");
        assertThat(wf.metric()).isEqualTo("calmar");
        assertThat(wf.variants()).hasSize(6);
        assertThat(wf.mode()).isEqualTo(WalkForwardConfig.Mode.ROLLING);
        assertThat(wf.inSample()).hasToString("2y");
        assertThat(wf.outOfSample()).hasToString("180d");
        assertThat(wf.purgeDays()).isEqualTo(7);
        assertThat(wf.path()).isEqualTo("walkforward");
        lines[3] = "walkforward: {metric: sharpe, params: {threshold: [0.3]}, inSample: 365, outOfSample: 3m}";
        WalkForwardConfig own = ConfigLoader.load(yaml(lines)).walkForward();
        assertThat(own.variants()).hasToString("[{threshold=0.3}]");
        assertThat(own.mode()).as("by default").isEqualTo(WalkForwardConfig.Mode.ANCHORED);
        assertThat(own.purgeDays()).isZero();
    }

    @Test
    void aWalkForwardConfigErrorNamesTheFieldAndWhatIsExpected() {
        String head = "data: {prices: {BTC-USD: {file: data/BTC-USD.csv}}}\nstrategy: {class: " + DIP + "}\n";
        List<String[]> cases = List.of(
                new String[] {"walkforward: {inSample: 2y, outOfSample: 6m}", "walkforward.params: missing: give the grid to"
                        + " choose from, or a sweep section to reuse its params"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, outOfSample: 6m}",
                        "walkforward.inSample: missing: a span such as 730 (days), 730d, 26w, 6m or 2y"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2 years, outOfSample: 6m}",
                        "walkforward.inSample: expected a span such as 730 (days), 730d, 26w, 6m or 2y, got \"2 years\""},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, mode: expanding}",
                        "walkforward.mode: expected one of anchored, rolling, got \"expanding\""},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, metric: exposure}",
                        "walkforward.metric: expected a metric with a better direction, such as sharpe, cagr, totalReturn,"
                                + " maxDrawdown or calmar, got \"exposure\""},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, purgeDays: 1.5}",
                        "walkforward.purgeDays: expected a whole number of days >= 0, got 1.5"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, run: other}",
                        "walkforward.run: no run is called \"other\"; the runs are [backtest]"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, step: 1m}",
                        "walkforward.step: a walk-forward steps by outOfSample, so that every out-of-sample day is traded"
                                + " once, by the variant chosen just before it; set outOfSample"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, embargoDays: 5}",
                        "walkforward.embargoDays: a walk-forward has no embargo: an embargo removes training data that follows"
                                + " a test set, and every in-sample window precedes its out-of-sample segment; purgeDays leaves"
                                + " days out between them"},
                new String[] {"walkforward: {params: {threshold: [0.1]}, inSample: 2y, outOfSample: 6m, window: 3}",
                        "walkforward.window: unknown field; expected one of run, metric, params, mode, inSample, outOfSample,"
                                + " purgeDays"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> ConfigLoader.load(yaml((head + c[0]).split("\n")))).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).path() + ": " + ((ConfigException) e).problem())
                            .isEqualTo(c[1]))
                    .satisfies(e -> assertThat(((ConfigException) e).location()).startsWith("crashlab.yaml:3:"));
        }
    }
}
