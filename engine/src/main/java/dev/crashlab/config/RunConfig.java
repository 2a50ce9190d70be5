package dev.crashlab.config;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategy.CrisisWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One backtest as a config file describes it, every path resolved against the config file's
 * folder and every value checked. {@link RunPlanner} turns it into a runnable backtest.
 *
 * @param name           the run's name (also its output folder)
 * @param path           where it stands in the config file, such as {@code runs[1]}
 * @param prices         the price files
 * @param series         the non-price series files
 * @param detail         the detail bar files (finer bars that resolve fills and liquidations inside
 *                       the bars of the price file of the same symbol), empty for none
 * @param start          the first date, or {@code null} for the data's first bar
 * @param end            the last date (inclusive), or {@code null} for the data's last bar
 * @param initialCash    starting cash
 * @param contributions  external cash flows
 * @param costs          cost assumptions
 * @param margin         margin terms
 * @param periodsPerYear 0 for the default (365 with crypto, else 252)
 * @param riskFreeRate   annual risk-free rate of the Sharpe ratio
 * @param benchmark      the symbol of the buy-and-hold benchmark, or {@code null}
 * @param regime         the regime classifier, or {@code null}
 * @param strategy       the strategy and its wrappers
 * @param allowPartialData whether the strategy may trade an instrument outside its data (with a
 *                       warning) instead of the run being refused
 * @param echo           the run's configuration as written (defaults merged), echoed in results
 * @param crises         the crisis windows the run scores: {@link CrisisWindow#BUILT_IN}, then those of
 *                       its {@code crises}
 * @param candles        the window of the report's candlestick chart ({@code candles: {from, to}}),
 *                       or {@code null} for the default around the deepest drawdown
 * @param sensitivity    the path sensitivity the backtest job runs beside the run
 *                       ({@code path: {sensitivity: ...}}), or {@code null} for none
 */
public record RunConfig(String name, String path, List<PriceFile> prices, List<SeriesFile> series, List<PriceFile> detail,
        LocalDate start,
        LocalDate end, double initialCash, Contributions contributions, Costs costs, Margin margin, double periodsPerYear,
        double riskFreeRate, String benchmark, Component regime, StrategySpec strategy, boolean allowPartialData,
        JsonNode echo, List<CrisisWindow> crises, Backtest.Window candles, Sensitivity sensitivity) {

    public RunConfig {
        prices = List.copyOf(prices);
        series = List.copyOf(series);
        crises = List.copyOf(crises);
        detail = List.copyOf(detail);
    }

    /**
     * Returns this run reading its data from other files, every other term the same: a run opened
     * where its files were shipped (another JVM, another machine).
     */
    public RunConfig withFiles(List<PriceFile> prices, List<SeriesFile> series, List<PriceFile> detail) {
        return new RunConfig(name, path, prices, series, detail, start, end, initialCash, contributions, costs, margin,
                periodsPerYear, riskFreeRate, benchmark, regime, strategy, allowPartialData, echo, crises, candles, sensitivity);
    }

    /**
     * The path sensitivity of a run: what to try, and where the config says so.
     *
     * @param options the bridge paths, sub-bars and seed
     * @param path    its place in the config, such as {@code runs[2].path.sensitivity}
     */
    public record Sensitivity(PathSensitivity.Options options, String path) {
    }

    /**
     * A price file of the run.
     *
     * @param symbol  the symbol its bars are known by
     * @param file    the file
     * @param options how to read it (format, instrument, lenient, adjusted)
     * @param path    its place in the config, such as {@code runs[0].data.prices.BTC-USD}
     */
    public record PriceFile(Symbol symbol, Path file, LoadOptions options, String path) {
    }

    /**
     * A non-price series of the run.
     *
     * @param name        the name strategies ask for, such as {@code etf_flows}
     * @param file        the file
     * @param column      the value column
     * @param publication when a value dated D becomes visible
     * @param unit        the unit of the values, such as {@code US$ millions per day}, or empty
     * @param path        its place in the config
     */
    public record SeriesFile(String name, Path file, String column, PublicationRule publication, String unit,
            String path) {
    }

    /**
     * A class named in the config with its parameters.
     *
     * @param className a registered short name or a fully qualified class name
     * @param params    the parameters as written (may be empty)
     * @param path      its place in the config
     */
    public record Component(String className, JsonNode params, String path) {
    }

    /**
     * The strategy of a run and the wrappers around it, innermost first.
     *
     * @param strategy the strategy
     * @param wrappers wrappers applied in order: the first wraps the strategy, the next wraps that
     */
    public record StrategySpec(Component strategy, List<Component> wrappers) {
        public StrategySpec {
            wrappers = List.copyOf(wrappers);
        }
    }
}
