package dev.crashlab.config;

import dev.crashlab.Names;
import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.GapPolicy;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.ColumnMapping;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.TimeFormat;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.FillMode;
import dev.crashlab.execution.MaintenanceTiers;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.MarginMode;
import dev.crashlab.execution.PathRule;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.results.Metric;
import dev.crashlab.results.PathResolution;
import dev.crashlab.results.check.RiskRule;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.stress.StressMethod;
import dev.crashlab.stress.StressOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a crashlab configuration file (YAML when it ends in {@code .yaml}/{@code .yml}, else
 * JSON) and checks every field, so that a bad config fails before anything runs, naming the
 * field's path: {@code runs[1].strategy.params.threshold: expected a number in [0, 1], got "abc"}.
 *
 * <p>Top-level run fields ({@code data}, {@code start}, {@code costs}, ...) are defaults for every
 * entry of {@code runs}; a run's own objects are merged over them field by field, except
 * {@code strategy} and {@code regime}, which a run replaces whole. Without {@code runs}, the
 * top level is the single run. Relative paths are relative to the config file's folder, those of
 * data files to {@code data.folder} when it is given (itself relative to the config file). The full
 * layout is documented, with a commented example, in README.md ("Configuration").
 */
public final class ConfigLoader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    // The fields of a run, in the order "unknown field" messages list them; at the top level they
    // are the defaults of every run, beside the top's own fields.
    private static final List<String> RUN_FIELDS = List.of("name", "data", "start", "end", "initialCash", "contributions",
            "costs", "margin", "periodsPerYear", "riskFreeRate", "benchmark", "regime", "strategy", "allowPartialData",
            "crises", "candles", "path");
    private static final String[] TOP_FIELDS = Stream.concat(RUN_FIELDS.stream(), Stream.of("runs", "sweep", "walkforward", "checks",
            "output", "stress"))
            .toArray(String[]::new);
    private static final int MAX_VARIANTS = 100_000;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ConfigLoader() {
    }

    /**
     * Reads and checks {@code file}; an error names the field's path and, when the file spells
     * it, its line and column: {@code costs.feeRate: expected a number in [0, 0.5], got "abc"
     * (crashlab.yaml:12:3)}.
     */
    public static CrashlabConfig load(Path file) {
        byte[] bytes = read(file);
        ObjectMapper mapper = mapper(file);
        ConfigLocations locations = ConfigLocations.read(file, bytes, mapper);
        try {
            return load(file, parse(file, bytes, mapper), locations);
        } catch (ConfigException e) {
            throw locations.locate(e);
        }
    }

    private static CrashlabConfig load(Path file, JsonNode root, ConfigLocations locations) {
        Path base = file.toAbsolutePath().getParent();
        Node top = new Node(root, "");
        if (!root.isObject()) {
            throw new ConfigException("", "expected an object at the top of " + file + ", got " + root.getNodeType());
        }
        top.onlyFields(TOP_FIELDS);
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (RUN_FIELDS.contains(e.getKey())) {
                defaults.set(e.getKey(), e.getValue());
            }
        }
        List<RunConfig> runs = new ArrayList<>();
        List<Node> listed = top.list("runs");
        if (listed.isEmpty()) {
            if (!root.has("strategy")) {
                throw new ConfigException("strategy", "missing: give a strategy, or a list of runs");
            }
            runs.add(run(new Node(defaults, ""), base, "backtest"));
        } else {
            // The top level's windows are every run's default: checked here, so that an error names
            // them where they are written, not in the first run that inherits them.
            crises(top);
            Set<String> names = new HashSet<>();
            for (Node entry : listed) {
                if (!entry.json().isObject()) {
                    throw entry.error("expected a run object, got " + entry.json());
                }
                entry.onlyFields(RUN_FIELDS.toArray(String[]::new));
                JsonNode merged = merge(defaults, (ObjectNode) entry.json());
                RunConfig run = run(new Node(merged, entry.path()), base, null);
                if (!names.add(run.name())) {
                    throw new ConfigException(entry.childPath("name"), "duplicate run name \"" + run.name() + "\"");
                }
                runs.add(run);
            }
        }
        Path output = top.has("output") ? base.resolve(top.requireString("output")) : null;
        SweepConfig sweep = top.has("sweep") ? sweep(top.requireObject("sweep"), runs) : null;
        WalkForwardConfig walkForward = top.has("walkforward") ? walkForward(top.requireObject("walkforward"), runs, sweep)
                : null;
        StressConfig stress = top.has("stress") ? stress(top.requireObject("stress"), runs) : null;
        return new CrashlabConfig(file.toAbsolutePath(), output, runs, sweep, walkForward, checks(top, runs, sweep, walkForward),
                stress, locations);
    }

    private static ObjectMapper mapper(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file.toAbsolutePath().normalize(), e);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file, byte[] bytes, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException("", "the config file " + file + " is empty");
            }
            return root;
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException("", "cannot parse " + file + (line > 0 ? " at line " + line : "") + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Returns {@code over} merged onto {@code base}: objects field by field, except strategy and regime. */
    private static ObjectNode merge(ObjectNode base, ObjectNode over) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            JsonNode existing = out.get(e.getKey());
            boolean replaceWhole = e.getKey().equals("strategy") || e.getKey().equals("regime");
            if (!replaceWhole && existing != null && existing.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merge((ObjectNode) existing, (ObjectNode) e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static RunConfig run(Node run, Path base, String defaultName) {
        String name = defaultName == null ? run.requireString("name") : run.string("name", defaultName);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(run.childPath("name"), "expected a name of letters, digits, '.', '_' or '-'"
                    + " (it names the output folder), got \"" + name + "\"");
        }
        Node data = run.requireObject("data").onlyFields("folder", "prices", "series", "detail", "cache");
        // The data files' folder, so that one line moves a project from the bundled sample to real data.
        Path files = data.has("folder") ? base.resolve(data.requireString("folder")) : base;
        // The bar cache of every price and detail file that names none, beside the config (never
        // in the data folder, which may be shared and read-only).
        PriceFiles priceFiles = new PriceFiles(files, base, data.has("cache") ? base.resolve(data.requireString("cache")) : null);
        List<RunConfig.PriceFile> prices = new ArrayList<>();
        Node priceNodes = data.requireObject("prices");
        for (Map.Entry<String, Node> e : priceNodes.entries()) {
            prices.add(priceFiles.read(e.getKey(), e.getValue()));
        }
        if (prices.isEmpty()) {
            throw priceNodes.error("give at least one price file");
        }
        List<RunConfig.SeriesFile> series = new ArrayList<>();
        Node seriesNodes = data.object("series");
        if (seriesNodes != null) {
            for (Map.Entry<String, Node> e : seriesNodes.entries()) {
                Node s = e.getValue().onlyFields("file", "column", "publication", "unit");
                series.add(new RunConfig.SeriesFile(e.getKey(), files.resolve(s.requireString("file")),
                        s.requireString("column"), s.parsed("publication", PublicationRule.NEXT_DAY_UTC, PublicationRule::parse),
                        s.string("unit", ""), s.path()));
            }
        }
        List<RunConfig.PriceFile> detail = new ArrayList<>();
        Node detailNodes = data.object("detail");
        if (detailNodes != null) {
            for (Map.Entry<String, Node> e : detailNodes.entries()) {
                if (prices.stream().noneMatch(p -> p.symbol().value().equals(e.getKey()))) {
                    throw e.getValue().error("detail bars need the price file they detail: \"" + e.getKey()
                            + "\" is not among the run's price symbols " + prices.stream().map(p -> p.symbol().value()).toList());
                }
                detail.add(priceFiles.read(e.getKey(), e.getValue()));
            }
        }
        var start = run.date("start", null);
        var end = run.date("end", null);
        if (start != null && end != null && start.isAfter(end)) {
            throw new ConfigException(run.childPath("end"), "end " + end + " is before start " + start);
        }
        double initialCash = run.number("initialCash", 10_000, 0, Double.POSITIVE_INFINITY);
        Contributions contributions = Contributions.NONE;
        Node c = run.object("contributions");
        if (c != null) {
            c.onlyFields("amount", "period");
            contributions = new Contributions(c.number("amount", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                    c.choice("period", Schedule.WEEKLY, Schedule.class));
        }
        if (initialCash == 0 && contributions.amount() <= 0) {
            throw new ConfigException(run.childPath("initialCash"), "nothing to invest: initialCash is 0 and no contributions"
                    + " are configured");
        }
        Costs costs = costs(run.object("costs"));
        Margin margin = margin(run.object("margin"));
        double periods = run.number("periodsPerYear", 0, 0, 100_000);
        double riskFree = run.number("riskFreeRate", 0, -1, 1);
        String benchmark = run.string("benchmark", null);
        if (benchmark != null && prices.stream().noneMatch(p -> p.symbol().value().equals(benchmark))) {
            throw new ConfigException(run.childPath("benchmark"), "\"" + benchmark + "\" is not among the run's price symbols "
                    + prices.stream().map(p -> p.symbol().value()).toList());
        }
        RunConfig.Component regime = run.has("regime") ? component(run, "regime") : null;
        Node strategy = run.requireObject("strategy").onlyFields("class", "params", "wrappers");
        RunConfig.Component core = new RunConfig.Component(strategy.requireString("class"), params(strategy),
                strategy.path());
        List<RunConfig.Component> wrappers = new ArrayList<>();
        for (Node w : strategy.list("wrappers")) {
            if (w.json().isString()) {
                wrappers.add(new RunConfig.Component(w.json().asString(), JsonNodeFactory.instance.objectNode(), w.path()));
            } else {
                w.onlyFields("class", "params");
                wrappers.add(new RunConfig.Component(w.requireString("class"), params(w), w.path()));
            }
        }
        return new RunConfig(name, run.path(), prices, series, detail, start, end, initialCash, contributions, costs, margin, periods,
                riskFree, benchmark, regime, new RunConfig.StrategySpec(core, wrappers), run.bool("allowPartialData", false),
                run.json(), crises(run), candles(run), sensitivity(run));
    }

    /**
     * Returns the run's {@code path: {sensitivity: ...}}: {@code sensitivity} an object of
     * {@code bridges}, {@code subBars} and {@code seed} (each defaulting to
     * {@link PathSensitivity.Options#DEFAULTS}), or {@code true} for the defaults, {@code false} or
     * left out for none.
     */
    private static RunConfig.Sensitivity sensitivity(Node run) {
        Node path = run.object("path");
        if (path == null) {
            return null;
        }
        path.onlyFields("sensitivity");
        JsonNode value = path.json().get("sensitivity");
        String at = path.childPath("sensitivity");
        if (value == null || value.isNull() || value.isBoolean() && !value.asBoolean()) {
            return null;
        }
        PathSensitivity.Options defaults = PathSensitivity.Options.DEFAULTS;
        if (value.isBoolean()) {
            return new RunConfig.Sensitivity(defaults, at);
        }
        if (!value.isObject()) {
            throw new ConfigException(at, "expected {bridges, subBars, seed}, true or false, got " + value);
        }
        Node s = new Node(value, at).onlyFields("bridges", "subBars", "seed");
        return new RunConfig.Sensitivity(new PathSensitivity.Options((int) s.integer("bridges", defaults.bridges(), 1, 10_000),
                (int) s.integer("subBars", defaults.subBars(), 4, 100_000),
                s.integer("seed", defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE)), at);
    }

    /** Returns the run's {@code candles: {from, to}}, the report's candlestick window, or null for the default. */
    private static Backtest.Window candles(Node run) {
        Node window = run.object("candles");
        if (window == null) {
            return null;
        }
        window.onlyFields("from", "to");
        return days(window);
    }

    /** Returns the {@code from} and {@code to} dates of {@code window}, both required, {@code to} not before {@code from}. */
    private static Backtest.Window days(Node window) {
        LocalDate from = requireDate(window, "from");
        LocalDate to = requireDate(window, "to");
        if (to.isBefore(from)) {
            throw new ConfigException(window.childPath("to"), "expected a date on or after from (" + from + "), got " + to);
        }
        return new Backtest.Window(from, to);
    }

    /**
     * Returns the crisis windows a run scores: the built-in ones ({@link CrisisWindow#BUILT_IN}),
     * always, then those of its {@code crises}, a list of {@code {name, from, to, description}}
     * (description optional), each with a unique name that is not a built-in one and
     * {@code from <= to}.
     */
    private static List<CrisisWindow> crises(Node run) {
        List<CrisisWindow> out = new ArrayList<>(CrisisWindow.BUILT_IN);
        Set<String> names = new HashSet<>();
        for (Node window : run.list("crises")) {
            if (!window.json().isObject()) {
                throw window.error("expected a crisis window {name, from, to, description}, got " + window.json());
            }
            window.onlyFields("name", "from", "to", "description");
            String name = window.requireString("name").strip();
            CrisisWindow builtIn = CrisisWindow.builtInNamed(name);
            if (builtIn != null) {
                throw new ConfigException(window.childPath("name"), "\"" + name + "\" is a built-in window (" + builtIn.from()
                        + " .. " + builtIn.to() + "), scored for every run; give yours another name");
            }
            if (!names.add(name)) {
                throw new ConfigException(window.childPath("name"), "a second crisis window called \"" + name + "\"");
            }
            Backtest.Window days = days(window);
            out.add(new CrisisWindow(name, days.from(), days.to(), window.string("description", "")));
        }
        return out;
    }

    private static LocalDate requireDate(Node node, String field) {
        LocalDate date = node.date(field, null);
        if (date == null) {
            throw new ConfigException(node.childPath(field), "missing: a date (yyyy-MM-dd) is required here");
        }
        return date;
    }

    private static JsonNode params(Node node) {
        Node params = node.object("params");
        return params == null ? JsonNodeFactory.instance.objectNode() : params.json();
    }

    private static RunConfig.Component component(Node run, String field) {
        JsonNode raw = run.json().get(field);
        if (raw.isString()) {
            return new RunConfig.Component(raw.asString(), JsonNodeFactory.instance.objectNode(), run.childPath(field));
        }
        Node node = run.requireObject(field).onlyFields("class", "params");
        return new RunConfig.Component(node.requireString("class"), params(node), node.path());
    }

    /**
     * Where a run's price files are read from: the data folder {@code files}, the config's folder
     * {@code config} (a file's {@code cache} is relative to it), and the run's default bar cache
     * {@code cache} ({@code data.cache}), or null for none.
     */
    private record PriceFiles(Path files, Path config, Path cache) {

        RunConfig.PriceFile read(String symbol, Node node) {
            return priceFile(symbol, node, files, config, cache);
        }
    }

    private static RunConfig.PriceFile priceFile(String symbolText, Node node, Path base, Path config, Path defaultCache) {
        node.onlyFields("file", "format", "assetClass", "calendar", "quoteCurrency", "lenient", "adjusted", "columns",
                "timeFormat", "zone", "delimiter", "decimalComma", "header", "dailyBars", "gaps", "cache");
        Symbol symbol;
        try {
            symbol = Symbol.of(symbolText);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        InstrumentCatalog catalog = InstrumentCatalog.defaults();
        Instrument known = catalog.find(symbolText).orElse(null);
        AssetClass assetClass = node.parsed("assetClass", known == null ? null : known.assetClass(), AssetClass::parse);
        if (assetClass == null) {
            throw new ConfigException(node.childPath("assetClass"), "missing: crashlab does not know \"" + symbolText
                    + "\"; say its asset class (crypto, equity, etf, index, commodity or fx)");
        }
        TradingCalendar calendar = node.parsed("calendar",
                known != null && known.assetClass() == assetClass ? known.calendar() : TradingCalendar.defaultFor(assetClass),
                TradingCalendar::named);
        String quote = node.string("quoteCurrency", known == null ? "USD" : known.quoteCurrency());
        LoadOptions.Builder options = LoadOptions.builder()
                .instrument(new Instrument(symbol, assetClass, quote, calendar))
                .format(node.parsed("format", PriceFormat.AUTO, PriceFormat::parse))
                .lenient(node.bool("lenient", false))
                .adjusted(node.bool("adjusted", true))
                .header(node.bool("header", true))
                .dailyBars(node.bool("dailyBars", false))
                .decimalComma(node.bool("decimalComma", false))
                .timeFormat(node.parsed("timeFormat", TimeFormat.ISO_DATE, TimeFormat::parse))
                .zone(node.parsed("zone", ZoneId.of("UTC"), ZoneId::of))
                .gaps(node.choice("gaps", GapPolicy.KEEP, GapPolicy.class));
        String cache = node.string("cache", null);
        Path cacheFolder = cache != null ? config.resolve(cache) : defaultCache;
        if (cacheFolder != null) {
            options.cacheFolder(cacheFolder);
        }
        String delimiter = node.string("delimiter", ",");
        if (delimiter.length() != 1) {
            throw new ConfigException(node.childPath("delimiter"), "expected a single character, got \"" + delimiter + "\"");
        }
        options.delimiter(delimiter.charAt(0));
        Node columns = node.object("columns");
        if (columns != null) {
            columns.onlyFields("time", "open", "high", "low", "close", "volume");
            options.columns(new ColumnMapping(column(columns, "time", true), column(columns, "open", false),
                    column(columns, "high", false), column(columns, "low", false), column(columns, "close", true),
                    column(columns, "volume", false)));
        }
        try {
            return new RunConfig.PriceFile(symbol, base.resolve(node.requireString("file")), options.build(), node.path());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static ColumnMapping.Column column(Node columns, String field, boolean required) {
        JsonNode value = columns.json().get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ConfigException(columns.childPath(field), "missing: a column name or a zero-based index is required");
            }
            return null;
        }
        if (value.isIntegralNumber() && value.asInt() >= 0) {
            return ColumnMapping.Column.at(value.asInt());
        }
        if (value.isString()) {
            return ColumnMapping.Column.named(value.asString());
        }
        throw new ConfigException(columns.childPath(field), "expected a column name or a zero-based index, got " + value);
    }

    private static Costs costs(Node node) {
        if (node == null) {
            return Costs.DEFAULTS;
        }
        node.onlyFields("feeRate", "fixedFee", "slippageBps", "fillMode", "pathRule", "borrowRate", "fundingRate",
                "fundingSeries");
        Map<Symbol, Costs.FundingSeries> funding = new LinkedHashMap<>();
        Node fundingNodes = node.object("fundingSeries");
        if (fundingNodes != null) {
            for (Map.Entry<String, Node> e : fundingNodes.entries()) {
                Node f = e.getValue().onlyFields("series", "scale");
                funding.put(Symbol.of(e.getKey()), new Costs.FundingSeries(f.requireString("series"),
                        f.number("scale", 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
            }
        }
        return new Costs(node.number("feeRate", 0, 0, 0.5), node.number("fixedFee", 0, 0, Double.POSITIVE_INFINITY),
                node.number("slippageBps", 0, 0, 10_000), node.choice("fillMode", FillMode.NEXT_OPEN, FillMode.class),
                node.number("borrowRate", 0, 0, 10), node.number("fundingRate", 0, -1, 1), funding,
                node.choice("pathRule", Costs.DEFAULTS.pathRule(), PathRule.class));
    }

    private static Margin margin(Node node) {
        if (node == null) {
            return Margin.NONE;
        }
        node.onlyFields("mode", "initial", "maintenance", "liquidationFee");
        double initial = node.number("initial", Margin.NONE.initial(), 0.001, 1);
        MaintenanceTiers maintenance = maintenance(node);
        if (maintenance.firstRate() >= initial) {
            throw new ConfigException(node.childPath("maintenance"), "expected a maintenance rate below the initial margin "
                    + initial + ", got " + maintenance.firstRate());
        }
        return new Margin(initial, maintenance, node.number("liquidationFee", Margin.NONE.liquidationFee(), 0, 0.5),
                node.choice("mode", MarginMode.CROSS, MarginMode.class));
    }

    /**
     * Reads {@code maintenance}: absent or {@code binance-btcusdt} for the default tiers, a
     * number for one rate, or a list of tiers {@code [{floor, rate}, ...]} from notional 0.
     */
    private static MaintenanceTiers maintenance(Node margin) {
        JsonNode value = margin.json().get("maintenance");
        String path = margin.childPath("maintenance");
        if (value == null || value.isNull()
                || value.isString() && value.asString().strip().equalsIgnoreCase("binance-btcusdt")) {
            return MaintenanceTiers.BINANCE_BTCUSDT;
        }
        if (value.isNumber()) {
            return MaintenanceTiers.flat(margin.number("maintenance", 0, 0, 0.99));
        }
        if (!value.isArray()) {
            throw new ConfigException(path, "expected a rate (a number), binance-btcusdt, or a list of tiers"
                    + " [{floor: 0, rate: 0.004}, {floor: 50000, rate: 0.005}, ...], got " + value);
        }
        List<MaintenanceTiers.Tier> tiers = new ArrayList<>();
        for (Node tier : margin.list("maintenance")) {
            if (!tier.json().isObject()) {
                throw tier.error("expected a tier {floor, rate}, got " + tier.json());
            }
            tier.onlyFields("floor", "rate");
            if (!tier.has("rate") || !tiers.isEmpty() && !tier.has("floor")) {
                throw tier.error("a tier needs a floor (the notional it starts at; 0 may be left out for the first)"
                        + " and a rate, got " + tier.json());
            }
            tiers.add(new MaintenanceTiers.Tier(tier.number("floor", 0, 0, Double.MAX_VALUE),
                    tier.number("rate", 0, 0, 0.99)));
        }
        try {
            return MaintenanceTiers.of(tiers);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage(), e);
        }
    }

    /**
     * Reads {@code checks}: a list of {@code {run, rules}}, where {@code run} names one run (left
     * out: every run) and {@code rules} lists rules in {@link RiskRule}'s grammar. A rule on a
     * {@code sweep.} or {@code walkforward.} figure applies to the run the config sweeps or walks
     * forward, and needs that section.
     */
    private static List<CheckConfig> checks(Node top, List<RunConfig> runs, SweepConfig sweep, WalkForwardConfig walkForward) {
        List<CheckConfig> out = new ArrayList<>();
        List<String> names = runs.stream().map(RunConfig::name).toList();
        for (Node group : top.list("checks")) {
            if (!group.json().isObject()) {
                throw group.error("expected {run, rules}, got " + group.json());
            }
            group.onlyFields("run", "rules");
            String run = group.string("run", null);
            if (run != null && !names.contains(run)) {
                throw new ConfigException(group.childPath("run"), "no run is called \"" + run + "\"; the runs are " + names);
            }
            List<Node> rules = group.list("rules");
            if (rules.isEmpty()) {
                throw new ConfigException(group.childPath("rules"), "missing: list at least one rule, such as maxDrawdown > -0.5");
            }
            for (Node rule : rules) {
                if (!rule.json().isString()) {
                    throw rule.error("expected a rule as text, such as \"maxDrawdown > -0.5\", got " + rule.json());
                }
                RiskRule parsed;
                try {
                    parsed = RiskRule.parse(rule.json().asString());
                    // A window's name is known here, unlike a regime's label (the classifier's).
                    for (RunConfig checked : runs) {
                        if (run == null || run.equals(checked.name())) {
                            parsed.requireWindow(checked.name(), checked.crises().stream().map(CrisisWindow::name).toList());
                            requireSensitivity(parsed, checked, rule);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(rule.path(), e.getMessage(), e);
                }
                out.add(new CheckConfig(ruleRun(parsed, run, rule, sweep, walkForward), parsed, rule.path()));
            }
        }
        return out;
    }

    /** Fails when {@code rule} reads a figure of the path sensitivity and {@code run} does not run it. */
    private static void requireSensitivity(RiskRule rule, RunConfig run, Node at) {
        if (rule.figure().scope().equals("path") && PathResolution.needsSensitivity(rule.figure().field())
                && run.sensitivity() == null) {
            throw at.error("\"" + rule + "\": run '" + run.name() + "' has no path sensitivity for " + rule.figure()
                    + " to read; give the run path: {sensitivity: {bridges, subBars, seed}}, or the rule a run that has it");
        }
    }

    /** Returns the run a rule applies to: {@code run} (null: every run), or the swept or walked-forward run for their figures. */
    private static String ruleRun(RiskRule rule, String run, Node at, SweepConfig sweep, WalkForwardConfig walkForward) {
        String scope = rule.figure().scope();
        if (rule.figure().ofRun()) {
            return run;
        }
        String target = scope.equals("sweep") ? sweep == null ? null : sweep.run()
                : walkForward == null ? null : walkForward.run();
        if (target == null) {
            throw at.error(rule.figure() + " reads the " + scope + "'s results, but the config has no " + scope + " section");
        }
        if (run != null && !run.equals(target)) {
            throw at.error(rule.figure() + " reads the " + scope + " of run '" + target + "', but the rule is for run '"
                    + run + "'");
        }
        return target;
    }

    /**
     * Reads {@code stress}: {@code run} (a name or a list; left out: every run), {@code paths},
     * {@code seed}, {@code method} (bootstrap, crisis-replay or both), {@code meanBlockDays} and
     * {@code drawdownThresholds}, each with the default of {@link StressOptions#DEFAULTS}; crisis
     * replay splices each run's own {@link RunConfig#crises()}, the windows its scorecard scores.
     */
    private static StressConfig stress(Node stress, List<RunConfig> runs) {
        stress.onlyFields("run", "paths", "seed", "method", "meanBlockDays", "drawdownThresholds");
        List<String> names = runs.stream().map(RunConfig::name).toList();
        List<String> chosen = new ArrayList<>();
        JsonNode run = stress.json().get("run");
        List<Node> listed = run != null && run.isArray() ? stress.list("run")
                : run == null || run.isNull() ? List.of() : List.of(new Node(run, stress.childPath("run")));
        for (Node name : listed) {
            String text = name.json().isString() ? name.json().asString() : null;
            if (text == null || !names.contains(text)) {
                throw name.error("no run is called " + name.json() + (text == null ? "" : Names.didYouMean(text, names))
                        + "; the runs are " + names);
            }
            chosen.add(text);
        }
        // Config order, each once, whatever order the section lists them in: one folder per run.
        chosen = names.stream().filter(chosen::contains).toList();
        StressOptions defaults = StressOptions.DEFAULTS;
        String method = stress.string("method", "bootstrap").strip().toLowerCase(Locale.ROOT);
        List<StressMethod> methods = switch (method) {
            case "bootstrap" -> List.of(StressMethod.BOOTSTRAP);
            case "crisis-replay" -> List.of(StressMethod.CRISIS_REPLAY);
            case "both" -> List.of(StressMethod.BOOTSTRAP, StressMethod.CRISIS_REPLAY);
            default -> throw new ConfigException(stress.childPath("method"), "expected bootstrap, crisis-replay or both, got \""
                    + stress.string("method", "") + "\"" + Names.didYouMean(method, List.of("bootstrap", "crisis-replay", "both")));
        };
        List<Double> thresholds = new ArrayList<>();
        if (stress.has("drawdownThresholds")) {
            for (Node t : stress.list("drawdownThresholds")) {
                if (!t.json().isNumber() || !(t.json().asDouble() > -1 && t.json().asDouble() < 0)) {
                    throw t.error("expected a drawdown as a fraction in (-1, 0), such as -0.5, got " + t.json());
                }
                thresholds.add(t.json().asDouble());
            }
        } else {
            thresholds.addAll(defaults.drawdownThresholds());
        }
        StressOptions options = new StressOptions((int) stress.integer("paths", defaults.paths(), 1, MAX_VARIANTS),
                stress.integer("seed", defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE), methods,
                stress.number("meanBlockDays", Double.NaN, 1, 100_000), thresholds);
        return new StressConfig(chosen, options, stress.path());
    }

    private static SweepConfig sweep(Node sweep, List<RunConfig> runs) {
        sweep.onlyFields("run", "metric", "params", "pbo");
        String run = sweep.string("run", runs.size() == 1 ? runs.getFirst().name() : null);
        if (run == null) {
            throw new ConfigException(sweep.childPath("run"), "missing: name the run to sweep, one of "
                    + runs.stream().map(RunConfig::name).toList());
        }
        if (runs.stream().noneMatch(r -> r.name().equals(run))) {
            throw new ConfigException(sweep.childPath("run"), "no run is called \"" + run + "\"; the runs are "
                    + runs.stream().map(RunConfig::name).toList());
        }
        String metric = sweep.string("metric", "sharpe");
        Node params = sweep.requireObject("params");
        return new SweepConfig(run, metric, axes(params), pboBlocks(sweep.object("pbo")), sweep.path());
    }

    /** Reads a grid's {@code params}: each parameter's values; at least one, at most {@value #MAX_VARIANTS} combinations. */
    private static List<SweepConfig.Axis> axes(Node params) {
        List<SweepConfig.Axis> axes = new ArrayList<>();
        long size = 1;
        for (Map.Entry<String, Node> e : params.entries()) {
            axes.add(new SweepConfig.Axis(e.getKey(), values(e.getValue())));
            size = Math.min(Integer.MAX_VALUE, size * axes.getLast().values().size());
        }
        if (axes.isEmpty()) {
            throw params.error("give at least one parameter to sweep");
        }
        if (size > MAX_VARIANTS) {
            throw params.error("the grid has " + size + " variants; at most " + MAX_VARIANTS + " are allowed");
        }
        return axes;
    }

    /**
     * Reads {@code walkforward}: its run and metric (by default the sweep's, when the sweep is of
     * the same run, else the only run and sharpe), its grid ({@code params}; by default the
     * sweep's), the windows' mode, spans and purge.
     */
    private static WalkForwardConfig walkForward(Node wf, List<RunConfig> runs, SweepConfig sweep) {
        if (wf.has("embargoDays")) {
            throw new ConfigException(wf.childPath("embargoDays"), "a walk-forward has no embargo: an embargo removes"
                    + " training data that follows a test set, and every in-sample window precedes its out-of-sample"
                    + " segment; purgeDays leaves days out between them");
        }
        if (wf.has("step")) {
            throw new ConfigException(wf.childPath("step"), "a walk-forward steps by outOfSample, so that every"
                    + " out-of-sample day is traded once, by the variant chosen just before it; set outOfSample");
        }
        wf.onlyFields("run", "metric", "params", "mode", "inSample", "outOfSample", "purgeDays");
        List<String> names = runs.stream().map(RunConfig::name).toList();
        String fallback = sweep != null ? sweep.run() : runs.size() == 1 ? runs.getFirst().name() : null;
        String run = wf.string("run", fallback);
        if (run == null) {
            throw new ConfigException(wf.childPath("run"), "missing: name the run to walk forward, one of " + names);
        }
        if (!names.contains(run)) {
            throw new ConfigException(wf.childPath("run"), "no run is called \"" + run + "\"; the runs are " + names);
        }
        boolean sweepsRun = sweep != null && sweep.run().equals(run);
        String metric = wf.string("metric", sweepsRun ? sweep.metric() : "sharpe");
        if (Metric.of(metric).filter(m -> m.better() != 0).isEmpty()) {
            throw new ConfigException(wf.childPath("metric"), "expected a metric with a better direction, such as sharpe,"
                    + " cagr, totalReturn, maxDrawdown or calmar, got \"" + metric + "\"");
        }
        List<SweepConfig.Axis> axes;
        if (wf.has("params")) {
            axes = axes(wf.requireObject("params"));
        } else if (sweepsRun) {
            axes = sweep.axes();
        } else {
            throw new ConfigException(wf.childPath("params"), "missing: give the grid to choose from"
                    + (sweep == null ? ", or a sweep section to reuse its params" : " (the sweep's params are for run '"
                    + sweep.run() + "')"));
        }
        WalkForwardConfig.Span inSample = span(wf, "inSample");
        WalkForwardConfig.Span outOfSample = span(wf, "outOfSample");
        double purge = wf.number("purgeDays", 0, 0, 36_500);
        if (purge != Math.rint(purge)) {
            throw new ConfigException(wf.childPath("purgeDays"), "expected a whole number of days >= 0, got "
                    + wf.json().get("purgeDays"));
        }
        return new WalkForwardConfig(run, metric, axes, wf.choice("mode", WalkForwardConfig.Mode.ANCHORED,
                WalkForwardConfig.Mode.class), inSample, outOfSample, (int) purge, wf.path());
    }

    private static WalkForwardConfig.Span span(Node wf, String field) {
        if (!wf.has(field)) {
            throw new ConfigException(wf.childPath(field), "missing: a span such as 730 (days), 730d, 26w, 6m or 2y");
        }
        return wf.parsed(field, null, WalkForwardConfig.Span::parse);
    }

    /** Reads {@code pbo: {blocks}}: the CSCV blocks, an even whole number from 2 to 24 (C(24, 12) splits is the most). */
    private static int pboBlocks(Node pbo) {
        if (pbo == null) {
            return SweepConfig.DEFAULT_PBO_BLOCKS;
        }
        pbo.onlyFields("blocks");
        double blocks = pbo.number("blocks", SweepConfig.DEFAULT_PBO_BLOCKS, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        if (blocks != Math.rint(blocks) || blocks < 2 || blocks > 24 || blocks % 2 != 0) {
            throw new ConfigException(pbo.childPath("blocks"), "expected an even whole number from 2 to 24 (16 by default),"
                    + " got " + pbo.json().get("blocks"));
        }
        return (int) blocks;
    }

    /** Returns the values of an axis: a list, or {@code {from, to, step}} (inclusive, decimal steps exact). */
    private static List<JsonNode> values(Node axis) {
        JsonNode json = axis.json();
        List<JsonNode> out = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(out::add);
        } else if (json.isObject()) {
            axis.onlyFields("from", "to", "step");
            BigDecimal from = decimal(axis, "from");
            BigDecimal to = decimal(axis, "to");
            BigDecimal step = decimal(axis, "step");
            if (step.signum() <= 0) {
                throw new ConfigException(axis.childPath("step"), "expected a number > 0, got " + step);
            }
            if (to.compareTo(from) < 0) {
                throw new ConfigException(axis.childPath("to"), "expected a number >= from (" + from + "), got " + to);
            }
            boolean integral = from.stripTrailingZeros().scale() <= 0 && step.stripTrailingZeros().scale() <= 0;
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                if (integral) {
                    values.add(v.longValueExact());
                } else {
                    values.add(v.doubleValue());
                }
                if (values.size() > 100_000) {
                    throw axis.error("more than 100,000 values; use a larger step");
                }
            }
            values.forEach(out::add);
        } else {
            throw axis.error("expected a list of values or {from, to, step}, got " + json);
        }
        if (out.isEmpty()) {
            throw axis.error("give at least one value");
        }
        return out;
    }

    private static BigDecimal decimal(Node node, String field) {
        JsonNode v = node.json().get(field);
        if (v == null || !v.isNumber()) {
            throw new ConfigException(node.childPath(field), "expected a number, got " + (v == null ? "nothing" : v));
        }
        return v.decimalValue();
    }
}
