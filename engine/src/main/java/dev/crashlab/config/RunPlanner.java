package dev.crashlab.config;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.SeriesLoader;
import dev.crashlab.execution.BridgeBars;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link RunConfig} into a {@link Backtest}: loads its data (each file once, however
 * many runs share it), finds and binds its strategy, wrappers, benchmark and regime classifier,
 * so that every problem is reported with its config path before anything runs.
 *
 * <p>A run's {@code end} date is inclusive: the backtest ends at the last instant of that day.
 * The benchmark is the engine's {@link BuyAndHold} of the named symbol, whatever strategies the
 * classpath holds.
 */
public final class RunPlanner {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The config echo as the results record keeps it: a JSON object as a map. */
    private static final TypeReference<Map<String, Object>> CONFIG_ECHO = new TypeReference<>() {
    };

    private record PriceKey(Path file, LoadOptions options) {
    }

    private record SeriesKey(Path file, String column, String name, dev.crashlab.data.PublicationRule rule, String unit) {
    }

    private final StrategyFactory factory;
    private final Map<PriceKey, OhlcvSeries> prices = new ConcurrentHashMap<>();
    private final Map<SeriesKey, NonPriceSeries> series = new ConcurrentHashMap<>();

    /** Creates a planner that finds strategies through {@code factory}. */
    public RunPlanner(StrategyFactory factory) {
        this.factory = factory;
    }

    /** Returns the factory strategies are made with. */
    public StrategyFactory factory() {
        return factory;
    }

    /** Returns the backtest of {@code run}. */
    public Backtest plan(RunConfig run) {
        return plan(run, run.name(), Map.of());
    }

    /**
     * Returns the backtest of {@code run} named {@code name}, with strategy parameters replaced by
     * {@code overrides}: a plain name sets a parameter of the strategy, {@code wrappers[i].name}
     * one of the i-th wrapper.
     */
    public Backtest plan(RunConfig run, String name, Map<String, JsonNode> overrides) {
        MarketData data = data(run);
        if (run.sensitivity() != null) {
            // Checked here, before anything runs, so that the error names the config field.
            int subBars = run.sensitivity().options().subBars();
            for (OhlcvSeries series : data.prices()) {
                try {
                    BridgeBars.requireCuttable(series, subBars);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(run.sensitivity().path() + ".subBars", e.getMessage()
                            + " (a bar's length in milliseconds must be a multiple of subBars)", e);
                }
            }
        }
        Bound bound = bind(run, overrides);
        String strategyPath = run.strategy().strategy().path();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("class", bound.coreType().getSimpleName());
        parameters.put("params", describe(bound.coreType(), bound.coreParams(), strategyPath));
        List<Map<String, Object>> wrappers = new ArrayList<>();
        for (int i = 0; i < bound.wrapperTypes().size(); i++) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("class", bound.wrapperTypes().get(i).getSimpleName());
            w.put("params", describe(bound.wrapperTypes().get(i), bound.wrapperParams().get(i),
                    run.strategy().wrappers().get(i).path()));
            wrappers.add(w);
        }
        parameters.put("wrappers", wrappers);
        Supplier<Strategy> strategy = bound.strategy();

        Backtest.Builder builder = Backtest.builder(data)
                .name(name)
                .strategy(strategy)
                .parameters(parameters)
                .config(JSON.convertValue(run.echo(), CONFIG_ECHO))
                .initialCash(run.initialCash())
                .contributions(run.contributions())
                .costs(run.costs())
                .margin(run.margin())
                .periodsPerYear(run.periodsPerYear())
                .riskFreeRate(run.riskFreeRate())
                .allowPartialData(run.allowPartialData())
                .crises(run.crises())
                .candles(run.candles());
        if (run.start() != null) {
            builder.start(run.start().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (run.end() != null) {
            builder.end(run.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
        }
        if (run.benchmark() != null) {
            BuyAndHold.Params benchmark = new BuyAndHold.Params(List.of(run.benchmark()));
            builder.benchmark("buy-and-hold " + run.benchmark(), () -> new BuyAndHold(benchmark));
        }
        if (run.regime() != null) {
            Class<? extends RegimeClassifier> type = factory.findRegime(run.regime().className(), run.regime().path() + ".class");
            Supplier<RegimeClassifier> regime = () -> factory.createRegime(type, run.regime().params(), run.regime().path());
            regime.get();
            builder.regime(regime);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(run.path(), e.getMessage(), e);
        }
    }

    /**
     * Returns what makes the strategy of {@code run}, wrappers included, with parameters replaced
     * by {@code overrides} as {@link #plan(RunConfig, String, Map)} reads them: bound and checked
     * now, and one strategy made, so that a bad value fails here with its config path. Each call
     * of the supplier makes a fresh strategy without binding again: what a sweep asks for its
     * variants, which share everything else.
     */
    public Supplier<Strategy> strategy(RunConfig run, Map<String, JsonNode> overrides) {
        return bind(run, overrides).strategy();
    }

    /**
     * Returns the values the strategy of {@code run} binds, defaults included, to each of
     * {@code names}, written as a sweep names parameters: {@code threshold} for the strategy's,
     * {@code wrappers[0].leverage} for a wrapper's; in the order of {@code names}.
     *
     * @throws ConfigException when a name is not a parameter of the strategy or its wrapper
     */
    public Map<String, JsonNode> boundValues(RunConfig run, List<String> names) {
        Bound bound = bind(run, Map.of());
        String strategyPath = run.strategy().strategy().path();
        JsonNode core = JSON.valueToTree(describe(bound.coreType(), bound.coreParams(), strategyPath));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode params = core;
            String field = name;
            if (name.startsWith("wrappers[") && name.contains("].")) {
                int index = Integer.parseInt(name.substring(9, name.indexOf(']')));
                if (index >= bound.wrapperTypes().size()) {
                    throw new ConfigException(strategyPath, name + " names wrapper " + index + ", but the strategy has "
                            + bound.wrapperTypes().size() + " wrappers");
                }
                params = JSON.valueToTree(describe(bound.wrapperTypes().get(index), bound.wrapperParams().get(index),
                        run.strategy().wrappers().get(index).path()));
                field = name.substring(name.indexOf("].") + 2);
            }
            if (!params.has(field)) {
                throw new ConfigException(strategyPath, name + " is not a parameter of the strategy; it has "
                        + params.propertyNames());
            }
            out.put(name, params.get(field));
        }
        return out;
    }

    /** A run's strategy classes and parameters as bound, and what makes the strategy from them. */
    private record Bound(Class<? extends Strategy> coreType, JsonNode coreParams, List<Class<? extends Strategy>> wrapperTypes,
            List<JsonNode> wrapperParams, Supplier<Strategy> strategy) {
    }

    private Bound bind(RunConfig run, Map<String, JsonNode> overrides) {
        RunConfig.StrategySpec spec = run.strategy();
        String strategyPath = spec.strategy().path();
        Class<? extends Strategy> coreType = factory.find(spec.strategy().className(), strategyPath + ".class");
        JsonNode coreParams = override(spec.strategy().params(), overrides, null, strategyPath);
        List<Class<? extends Strategy>> wrapperTypes = new ArrayList<>();
        List<JsonNode> wrapperParams = new ArrayList<>();
        for (int i = 0; i < spec.wrappers().size(); i++) {
            RunConfig.Component w = spec.wrappers().get(i);
            wrapperTypes.add(factory.find(w.className(), w.path() + ".class"));
            wrapperParams.add(override(w.params(), overrides, i, w.path()));
        }
        for (String key : overrides.keySet()) {
            if (key.startsWith("wrappers[")) {
                int index = Integer.parseInt(key.substring(9, key.indexOf(']')));
                if (index >= spec.wrappers().size()) {
                    throw new ConfigException(strategyPath, "swept parameter " + key + " names wrapper " + index
                            + ", but the strategy has " + spec.wrappers().size() + " wrappers");
                }
            }
        }
        Function<Strategy, Strategy> core = factory.maker(coreType, coreParams, false, strategyPath);
        List<Function<Strategy, Strategy>> wrappers = new ArrayList<>();
        for (int i = 0; i < wrapperTypes.size(); i++) {
            wrappers.add(factory.maker(wrapperTypes.get(i), wrapperParams.get(i), true, spec.wrappers().get(i).path()));
        }
        Supplier<Strategy> strategy = () -> {
            Strategy s = core.apply(null);
            for (Function<Strategy, Strategy> wrapper : wrappers) {
                s = wrapper.apply(s);
            }
            return s;
        };
        strategy.get(); // makes one now, so that a constructor's refusal surfaces before any run
        return new Bound(coreType, coreParams, List.copyOf(wrapperTypes), List.copyOf(wrapperParams), strategy);
    }

    private Map<String, Object> describe(Class<? extends Strategy> type, JsonNode params, String path) {
        Class<? extends Record> paramsType = StrategyFactory.paramsType(type);
        return paramsType == null ? Map.of() : StrategyFactory.describe(StrategyFactory.bind(paramsType, params, path + ".params"));
    }

    private static JsonNode override(JsonNode params, Map<String, JsonNode> overrides, Integer wrapper, String path) {
        if (overrides.isEmpty()) {
            return params;
        }
        ObjectNode copy = params.isObject() ? ((ObjectNode) params).deepCopy() : JSON.createObjectNode();
        String prefix = wrapper == null ? null : "wrappers[" + wrapper + "].";
        for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
            String key = e.getKey();
            if (prefix == null && !key.startsWith("wrappers[")) {
                copy.set(key, e.getValue());
            } else if (prefix != null && key.startsWith(prefix)) {
                copy.set(key.substring(prefix.length()), e.getValue());
            }
        }
        return copy;
    }

    /** Returns the bars of {@code file}, loaded at most once per planner. */
    private OhlcvSeries prices(RunConfig.PriceFile file) {
        try {
            return prices.computeIfAbsent(new PriceKey(file.file(), file.options()), k -> PriceLoader.load(k.file(), k.options()));
        } catch (DataFileException e) {
            throw new ConfigException(file.path() + ".file", e.getMessage(), e);
        }
    }

    /** Returns the universe of {@code run}, loading each file at most once per planner. */
    public MarketData data(RunConfig run) {
        MarketData.Builder data = MarketData.builder();
        for (RunConfig.PriceFile p : run.prices()) {
            data.add(prices(p));
        }
        for (RunConfig.PriceFile p : run.detail()) {
            try {
                data.detail(prices(p));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(p.path(), e.getMessage(), e);
            }
        }
        for (RunConfig.SeriesFile s : run.series()) {
            try {
                data.add(series.computeIfAbsent(new SeriesKey(s.file(), s.column(), s.name(), s.publication(), s.unit()),
                        k -> SeriesLoader.load(k.file(), k.column(), k.name(), k.rule()).withUnit(k.unit())));
            } catch (DataFileException e) {
                throw new ConfigException(s.path() + ".file", e.getMessage(), e);
            }
        }
        return data.build();
    }

}
