package dev.crashlab.results.check;

import dev.crashlab.Names;
import dev.crashlab.results.CrisisBenchmark;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.Metric;
import dev.crashlab.results.PathResolution;
import dev.crashlab.results.Quantiles;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressFigures;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.TailFigures;
import dev.crashlab.results.TailMetric;
import dev.crashlab.results.WalkForwardResults;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A risk limit on a run's results, written as one line in the config's {@code checks}:
 * {@code maxDrawdown > -0.5}, {@code benchmark.sharpe >= 0.3},
 * {@code regimes["CRASH"].totalReturn > -30%}, {@code tail.cvar95 > -0.08},
 * {@code crises["FTX collapse"].return > -0.3}, {@code sweep.deflatedSharpe >= 0.95},
 * {@code walkforward.efficiency > 0.5}, {@code stress.probability(liquidation) < 0.01},
 * {@code path.liquidatedShare < 0.05}. {@code crashlab:check} fails the build when a rule does not
 * hold, as a failing test would.
 *
 * <h2>Grammar</h2>
 * <pre>
 * rule       = figure comparison number
 * figure     = metric | "tail." tail
 *            | "benchmark." (metric | "tail." tail)
 *            | 'regimes["' label '"].' (regimeField | "tail." tail)
 *            | 'crises["' window '"].' (crisisField | "tail." tail
 *                                       | "benchmark." (windowField | "tail." tail))
 *            | "sweep." sweepFigure | "walkforward." walkForwardFigure | stress | "path." pathFigure
 * stress     = "stress" [ '["' method '"]' ] "." ( "probability(" event ")" | "quantile(" pathFigure "," number ")" )
 * event      = "liquidation" | "belowContributions" | pathFigure comparison number
 * comparison = "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * number     = a decimal such as -0.5, 1e-3 or 12, optionally followed by "%" (divided by 100)
 * </pre>
 * Each figure is read where results.json holds it: a {@code metric} is a field of {@code metrics}
 * ({@link Metric#ALL}: {@code sharpe}, {@code maxDrawdown}, {@code liquidations}, ...), a {@code tail}
 * one of {@code tail} ({@link TailMetric#ALL}: {@code var95}, {@code cvar95}, {@code ulcerIndex},
 * ...); {@code benchmark.} reads the benchmark's, {@code regimes["L"].} the regime L's
 * ({@link #REGIME_FIELDS}, or its {@code tail}), {@code crises["W"].} the crisis scorecard's row
 * of window W ({@link #CRISIS_FIELDS}, its {@code tail}, or its {@code benchmark}'s
 * {@link #WINDOW_FIELDS} and {@code tail}). Figures are in the units stored there (fractions: -0.5
 * is -50 %; days). Spaces are free between tokens; labels and window names are quoted with double
 * quotes.
 *
 * <h2>Sweeps and walk-forwards</h2>
 * A {@code sweepFigure} ({@link SweepResults#FIGURES}) reads the selection statistics of the
 * variant the run's sweep chose, from {@code sweep-<run>/sweep.json}: {@code deflatedSharpe} and
 * {@code probabilisticSharpe} (probabilities), {@code pbo} (the probability of backtest
 * overfitting), {@code onEdge} (1 when the chosen cell is on the grid's edge), ... A
 * {@code walkForwardFigure} ({@link WalkForwardResults#FIGURES}) reads
 * {@code walkforward-<run>/walkforward.json}: {@code efficiency}, {@code crisisFolds}, or a
 * figure of the stitched out-of-sample curve ({@code maxDrawdown}, {@code sharpe}, ...). Such a
 * rule applies to the run the config sweeps or walks forward.
 *
 * <h2>Paths inside bars</h2>
 * A {@code pathFigure} ({@link PathResolution#FIGURES}) reads the run's {@code path}:
 * {@code ambiguousBars}, {@code ruleBars}, {@code detailBars}, and, for a run configured with
 * {@code path: {sensitivity: ...}}, {@code liquidatedShare} (the share of bridge paths liquidated
 * at least once) and {@code finalEquity.<highFirst|lowFirst|min|median|max>} and
 * {@code maxDrawdown.<...>} (min, median and max over the bridge paths); without it those are
 * undefined, and the rule fails saying so.
 *
 * <h2>Stress paths</h2>
 * A {@code stress} figure reads the run's stress document ({@code crashlab:stress}), over the
 * paths of every method or of the one named ({@code bootstrap}, {@code crisis-replay}):
 * {@code probability(event)} is the share of paths for which the event holds
 * ({@code liquidation}: at least one; {@code belowContributions}: final equity below initial
 * cash plus net contributions; {@code maxDrawdown < -0.5}: a figure of the path so compared), and
 * {@code quantile(figure, p)} the p quantile of a path figure by {@link Quantiles}' rule, the
 * value the stress page shows. A {@code pathFigure} is one of {@link StressFigures#names()}.
 * {@code stress.probability(liquidation) < 0.01} holds when fewer than 1 % of paths were
 * liquidated.
 *
 * <h2>Undefined figures</h2>
 * A figure that is undefined in the results (NaN, {@code null} in the file: a Sharpe ratio
 * without variance, a benchmark-free run's {@code benchmark.*}, a regime the run never met, a
 * crisis window outside the run's period, a window not yet recovered from by the run's end) does
 * not hold any comparison: a limit that cannot be checked fails, saying why. A window the run
 * covers only in part is checked on that part, and the outcome says so.
 *
 * @param text      the rule as written, trimmed
 * @param figure    what it reads
 * @param op        how it compares
 * @param threshold the number it compares with (a "%" already divided by 100)
 */
public record RiskRule(String text, Figure figure, Comparison op, double threshold) {

    /** The fields of a regime's figures a rule can read, besides its {@code tail}. */
    public static final List<String> REGIME_FIELDS = List.of("totalReturn", "maxDrawdown", "timeInMarket", "steps");

    /** The fields of a crisis window's scorecard row a rule can read, besides its {@code tail} and {@code benchmark}. */
    public static final List<String> CRISIS_FIELDS = List.of("return", "maxDrawdown", "daysToRecover", "periods",
            "liquidations", "fundingPaid", "heldBack");

    /** The fields of the benchmark's figures over a crisis window a rule can read, besides its {@code tail}. */
    public static final List<String> WINDOW_FIELDS = List.of("return", "maxDrawdown", "daysToRecover");

    /** The events {@code stress.probability(...)} names besides a compared figure. */
    public static final List<String> STRESS_EVENTS = List.of("liquidation", "belowContributions");

    /** The stress methods a rule may name, as stress documents label their sets (the labels of the engine's StressMethod, which this layer cannot see). */
    static final List<String> STRESS_METHODS = List.of("bootstrap", "crisis-replay");

    private static final String TAIL_FORM = "tail.<" + String.join("|", TailMetric.fields()) + ">";

    /** A comparison of a figure with the rule's number. */
    public enum Comparison {
        GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="), EQUAL("=="), NOT_EQUAL("!=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** Returns the comparison as written: {@code >=}. */
        public String symbol() {
            return symbol;
        }

        /** Returns whether {@code value} compares so with {@code threshold}; false when either is NaN. */
        public boolean holds(double value, double threshold) {
            return switch (this) {
                case GREATER -> value > threshold;
                case GREATER_OR_EQUAL -> value >= threshold;
                case LESS -> value < threshold;
                case LESS_OR_EQUAL -> value <= threshold;
                case EQUAL -> value == threshold;
                case NOT_EQUAL -> !Double.isNaN(value) && !Double.isNaN(threshold) && value != threshold;
            };
        }
    }

    /**
     * What a rule reads from a run's results.
     *
     * @param scope  {@code run}, {@code benchmark}, {@code regimes}, {@code crises}, {@code sweep},
     *               {@code walkforward}, {@code stress} or {@code path}
     * @param label  the regime's label ({@code regimes}), the window's name ({@code crises}) or the
     *               stress method ({@code stress}, {@code null} for every method), else {@code null}
     * @param field  the field below the scope, dotted: {@code sharpe}, {@code tail.cvar95},
     *               {@code benchmark.return}, {@code deflatedSharpe}; for {@code stress} the query's event
     * @param stress what a {@code stress} figure computes over the paths, else {@code null}
     */
    public record Figure(String scope, String label, String field, StressQuery stress) {

        /** Creates a figure that reads no stress paths. */
        public Figure(String scope, String label, String field) {
            this(scope, label, field, null);
        }

        /** Returns whether the figure reads a run's results.json (not a sweep's or a walk-forward's document). */
        public boolean ofRun() {
            return !scope.equals("sweep") && !scope.equals("walkforward");
        }

        /** Returns the figure as a rule writes it: {@code regimes["CRASH"].totalReturn}. */
        @Override
        public String toString() {
            return switch (scope) {
                case "benchmark", "sweep", "walkforward", "path" -> scope + "." + field;
                case "regimes", "crises" -> scope + "[\"" + label + "\"]." + field;
                case "stress" -> "stress" + (label == null ? "" : "[\"" + label + "\"]") + "." + stress;
                default -> field;
            };
        }
    }

    /**
     * What a {@code stress} figure computes over the paths.
     *
     * @param function {@code probability} or {@code quantile}
     * @param event    {@code liquidation}, {@code belowContributions}, or a path figure (a figure
     *                 compared, or the quantile's figure)
     * @param op       the event's comparison, {@code null} unless the event compares a figure
     * @param value    the event's number, or the quantile's level; NaN when there is none
     */
    public record StressQuery(String function, String event, Comparison op, double value) {

        /** Returns the query as a rule writes it: {@code probability(maxDrawdown < -0.5)}, {@code quantile(cagr, 0.05)}. */
        @Override
        public String toString() {
            String number = Double.isNaN(value) ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            return function + "(" + event + (function.equals("quantile") ? ", " + number
                    : op == null ? "" : " " + op.symbol() + " " + number) + ")";
        }

        /** Returns its value over {@code paths}: the share of paths for the event, or the quantile. */
        double of(List<StressFigures> paths) {
            if (function.equals("quantile")) {
                ToDoubleFunction<StressFigures> figure = StressFigures.field(event).orElseThrow().value();
                return Quantiles.of(paths.stream().mapToDouble(figure).toArray(), value);
            }
            return switch (event) {
                case "liquidation" -> Quantiles.share(paths, StressFigures::liquidated);
                case "belowContributions" -> Quantiles.share(paths, StressFigures::belowContributions);
                default -> {
                    ToDoubleFunction<StressFigures> figure = StressFigures.field(event).orElseThrow().value();
                    yield Quantiles.share(paths, f -> op.holds(figure.applyAsDouble(f), value));
                }
            };
        }
    }

    /**
     * The outcome of a rule on one run's results.
     *
     * @param rule  the rule
     * @param value the figure's value, NaN when undefined
     * @param holds whether the rule holds
     * @param why   the value for the log, to 6 significant digits ({@code maxDrawdown = -0.623107}), or why
     *              it is undefined
     */
    public record Outcome(RiskRule rule, double value, boolean holds, String why) {
    }

    public RiskRule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(op, "op");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
    }

    /**
     * Parses {@code text}, or throws an {@link IllegalArgumentException} whose message says what
     * is wrong and where (the character position, from 1), and lists what may stand there when a
     * name is unknown.
     */
    public static RiskRule parse(String text) {
        return new Parser(Objects.requireNonNull(text, "text")).rule();
    }

    /**
     * Fails with an {@link IllegalArgumentException} when this rule reads a crisis window that run
     * {@code run} does not score ({@code windows}: the names of those it does), naming the nearest
     * name and listing them; does nothing for other figures.
     */
    public void requireWindow(String run, List<String> windows) {
        if (figure.scope().equals("crises") && !windows.contains(figure.label())) {
            throw new IllegalArgumentException("\"" + text + "\": run '" + run + "' scores no crisis window \""
                    + figure.label() + "\"" + Names.didYouMean(figure.label(), windows) + "; it scores " + String.join(", ", windows));
        }
    }

    /**
     * Evaluates this rule on {@code results}, without stress paths.
     *
     * @throws IllegalStateException when the rule reads a sweep's or walk-forward's figure
     */
    public Outcome check(RunResults results) {
        return check(results, null);
    }

    /** Returns whether this rule reads a run's stress paths. */
    public boolean readsStress() {
        return figure.scope().equals("stress");
    }

    /**
     * Evaluates this rule on {@code results} and the run's stress paths {@code stress} ({@code null}
     * when it has none, which leaves a {@code stress} figure undefined).
     *
     * @throws IllegalStateException when the rule reads a sweep's or walk-forward's figure
     */
    public Outcome check(RunResults results, StressResults stress) {
        if (!figure.ofRun()) {
            throw new IllegalStateException(this + " reads a " + figure.scope() + ", not a run's results");
        }
        return outcome(readsStress() ? stress(stress) : read(results));
    }

    /**
     * Evaluates this rule on a sweep's results, or says it is undefined when {@code sweep} is null.
     *
     * @throws IllegalStateException when the rule does not read a sweep figure
     */
    public Outcome check(SweepResults sweep) {
        requireScope("sweep");
        return outcome(sweep == null ? Reading.missing("the run has no sweep.json: run crashlab:sweep first")
                : Reading.of(sweep.figure(figure.field())));
    }

    /**
     * Evaluates this rule on a walk-forward's results, or says it is undefined when {@code walkForward} is null.
     *
     * @throws IllegalStateException when the rule does not read a walk-forward figure
     */
    public Outcome check(WalkForwardResults walkForward) {
        requireScope("walkforward");
        return outcome(walkForward == null
                ? Reading.missing("the run has no walkforward.json: run crashlab:walkforward first")
                : Reading.of(walkForward.figure(figure.field())));
    }

    private void requireScope(String scope) {
        if (!figure.scope().equals(scope)) {
            throw new IllegalStateException(this + " reads " + figure + ", not a " + scope + " figure");
        }
    }

    private Outcome outcome(Reading reading) {
        double value = reading.value();
        boolean holds = reading.missing() == null && op.holds(value, threshold);
        String why = reading.missing() != null ? figure + " is undefined: " + reading.missing()
                : Double.isNaN(value) ? figure + " is undefined (null in results.json)"
                : figure + " = " + new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return new Outcome(this, value, holds, why + reading.note());
    }

    /** Returns the rule as written. */
    @Override
    public String toString() {
        return text;
    }

    /** A figure as read: its value, or why there is none ({@code missing}), and a note for the log. */
    private record Reading(double value, String missing, String note) {

        static Reading of(double value) {
            return new Reading(value, null, "");
        }

        static Reading missing(String why) {
            return new Reading(Double.NaN, why, "");
        }
    }

    private Reading read(RunResults results) {
        String field = figure.field();
        return switch (figure.scope()) {
            case "benchmark" -> results.benchmark() == null ? Reading.missing("the run has no benchmark")
                    : Reading.of(field.startsWith("tail.") ? tail(results.benchmark().tail(), field)
                            : metric(field).of(results.benchmark().metrics()));
            case "regimes" -> regime(results, field);
            case "path" -> PathResolution.needsSensitivity(field) && results.path().sensitivity() == null
                    ? Reading.missing("the run has no path sensitivity; configure path: {sensitivity: {bridges, subBars, seed}}")
                    : Reading.of(results.path().figure(field));
            case "crises" -> crisis(results, field);
            default -> Reading.of(field.startsWith("tail.") ? tail(results.tail(), field) : metric(field).of(results.metrics()));
        };
    }

    private Reading stress(StressResults stress) {
        if (stress == null) {
            return Reading.missing("the run has no stress paths; run crashlab:stress first (it writes stress-<run>/stress.json)");
        }
        if (figure.label() != null && stress.set(figure.label()).isEmpty()) {
            return Reading.missing("the run's stress paths have no method \"" + figure.label() + "\"; they have "
                    + stress.sets().stream().map(StressSet::method).toList());
        }
        return Reading.of(figure.stress().of(figure.label() == null ? stress.allPaths()
                : stress.set(figure.label()).orElseThrow().paths()));
    }

    private Reading regime(RunResults results, String field) {
        if (results.regimes() == null) {
            return Reading.missing("the run has no regime classifier");
        }
        Optional<RegimeMetrics> regime = results.regimes().metrics().stream()
                .filter(m -> m.label().equals(figure.label())).findFirst();
        if (regime.isEmpty()) {
            return Reading.missing("the run has no regime \"" + figure.label() + "\"; its regimes are "
                    + results.regimes().labels());
        }
        RegimeMetrics m = regime.get();
        return Reading.of(switch (field) {
            case "totalReturn" -> m.totalReturn();
            case "maxDrawdown" -> m.maxDrawdown();
            case "timeInMarket" -> m.timeInMarket();
            case "steps" -> m.steps();
            default -> tail(m.tail(), field);
        });
    }

    private Reading crisis(RunResults results, String field) {
        Optional<CrisisMetrics> found = results.crisis(figure.label());
        if (found.isEmpty()) {
            return Reading.missing("the run scored no crisis window \"" + figure.label() + "\"; its windows are "
                    + results.crises().stream().map(CrisisMetrics::name).toList());
        }
        CrisisMetrics c = found.get();
        String window = "crisis window \"" + c.name() + "\" (" + c.from() + " .. " + c.to() + ")";
        String period = "the run's period (" + results.period().start() + " .. " + results.period().end() + ")";
        if (!c.covered()) {
            return Reading.missing(period + " does not cover " + window);
        }
        if (c.periods() == 0) {
            return Reading.missing(period + " has no period return within " + window);
        }
        double value;
        boolean benchmark = field.startsWith("benchmark.");
        if (benchmark && c.benchmark() == null) {
            return Reading.missing("the run has no benchmark");
        }
        String own = benchmark ? field.substring("benchmark.".length()) : field;
        CrisisBenchmark b = c.benchmark();
        value = switch (own) {
            case "return" -> benchmark ? b.totalReturn() : c.totalReturn();
            case "maxDrawdown" -> benchmark ? b.maxDrawdown() : c.maxDrawdown();
            case "daysToRecover" -> benchmark ? b.daysToRecover() : c.daysToRecover();
            case "periods" -> c.periods();
            case "liquidations" -> c.liquidations();
            case "fundingPaid" -> c.fundingPaid();
            case "heldBack" -> c.heldBack();
            default -> tail(benchmark ? b.tail() : c.tail(), own);
        };
        if (own.equals("daysToRecover") && Double.isNaN(value)) {
            return Reading.missing("the index was not back at its level from before the window by the run's end");
        }
        String note = CrisisMetrics.PARTIAL.equals(c.coverage())
                ? "; the run covers only part of " + window + ", " + c.periods() + " period returns" : "";
        return new Reading(value, null, note);
    }

    private static Metric metric(String field) {
        return Metric.of(field).orElseThrow(() -> new IllegalStateException("a parsed rule names a known metric: " + field));
    }

    /** Returns the tail figure of {@code field} ({@code tail.<name>}) in {@code tail}. */
    private static double tail(TailFigures tail, String field) {
        String name = field.substring("tail.".length());
        return TailMetric.of(name).orElseThrow(() -> new IllegalStateException("a parsed rule names a known tail figure: "
                + name)).of(tail);
    }

    /** A recursive-descent reader of one rule; positions in messages count from 1. */
    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        RiskRule rule() {
            skipSpaces();
            if (at == text.length()) {
                throw error("empty rule; write a figure, a comparison and a number, such as maxDrawdown > -0.5");
            }
            Figure figure = figure();
            skipSpaces();
            Comparison op = comparison();
            skipSpaces();
            double threshold = number();
            skipSpaces();
            if (at < text.length()) {
                throw error("unexpected \"" + text.substring(at) + "\" after the number");
            }
            return new RiskRule(text.strip(), figure, op, threshold);
        }

        private Figure figure() {
            int start = at;
            String first = name("a figure, such as maxDrawdown or benchmark.sharpe");
            if (first.equals("benchmark") && peek('.')) {
                at++;
                return new Figure("benchmark", null, metricOrTail());
            }
            if (first.equals("tail") && peek('.')) {
                at++;
                return new Figure("run", null, "tail." + tailName());
            }
            if ((first.equals("sweep") || first.equals("walkforward")) && peek('.')) {
                at++;
                List<String> known = first.equals("sweep") ? SweepResults.FIGURES : WalkForwardResults.FIGURES;
                int fieldAt = at;
                String field = name("a " + first + " figure: " + String.join(", ", known));
                if (!known.contains(field)) {
                    at = fieldAt;
                    throw error("unknown " + first + " figure \"" + field + "\"" + Names.didYouMean(field, known) + "; "
                            + first + ".<figure> is one of " + String.join(", ", known));
                }
                return new Figure(first, null, field);
            }
            if ((first.equals("regimes") || first.equals("crises")) && peek('[')) {
                boolean window = first.equals("crises");
                at++;
                skipSpaces();
                String label = quoted(window ? "a window name in double quotes, such as crises[\"FTX collapse\"]"
                        : "a label in double quotes, such as regimes[\"CRASH\"]");
                skipSpaces();
                expect(']');
                expect('.');
                return new Figure(first, label, window ? field(CRISIS_FIELDS, "crisis window", true)
                        : field(REGIME_FIELDS, "regime", false));
            }
            if (first.equals("stress") && (peek('.') || peek('['))) {
                return stress();
            }
            if (first.equals("path") && peek('.')) {
                at++;
                return new Figure("path", null, pathResolutionFigure());
            }
            at = start;
            return new Figure("run", null, metricName());
        }

        private Figure stress() {
            String method = null;
            if (peek('[')) {
                at++;
                skipSpaces();
                int methodAt = at;
                method = quoted("a method in double quotes, such as stress[\"bootstrap\"]");
                if (!STRESS_METHODS.contains(method)) {
                    at = methodAt;
                    throw error("unknown stress method \"" + method + "\"" + Names.didYouMean(method, STRESS_METHODS)
                            + "; the methods are " + String.join(", ", STRESS_METHODS));
                }
                skipSpaces();
                expect(']');
            }
            expect('.');
            int functionAt = at;
            String function = name("probability or quantile");
            if (!function.equals("probability") && !function.equals("quantile")) {
                at = functionAt;
                throw error("unknown stress figure \"" + function + "\"" + Names.didYouMean(function, List.of("probability",
                        "quantile")) + "; write stress.probability(liquidation), stress.probability(maxDrawdown < -0.5) or"
                        + " stress.quantile(cagr, 0.05)");
            }
            skipSpaces();
            expect('(');
            skipSpaces();
            StressQuery query;
            if (function.equals("quantile")) {
                String figure = pathFigure(List.of());
                skipSpaces();
                expect(',');
                skipSpaces();
                int levelAt = at;
                double level = number();
                if (!(level >= 0 && level <= 1)) {
                    at = levelAt;
                    throw error("expected a quantile level in [0, 1] such as 0.05 or 5%, got " + level);
                }
                query = new StressQuery(function, figure, null, level);
            } else {
                String event = pathFigure(STRESS_EVENTS);
                if (STRESS_EVENTS.contains(event)) {
                    query = new StressQuery(function, event, null, Double.NaN);
                } else {
                    skipSpaces();
                    Comparison op = comparison();
                    skipSpaces();
                    query = new StressQuery(function, event, op, number());
                }
            }
            skipSpaces();
            expect(')');
            return new Figure("stress", method, query.event(), query);
        }

        /** Reads a path figure, or one of {@code events}. */
        private String pathFigure(List<String> events) {
            int start = at;
            String name = name("a path figure" + (events.isEmpty() ? "" : " or " + String.join(", ", events)));
            if (!events.contains(name) && StressFigures.field(name).isEmpty()) {
                at = start;
                List<String> known = new ArrayList<>(events);
                known.addAll(StressFigures.names());
                throw error("unknown path figure \"" + name + "\"" + Names.didYouMean(name, known) + "; "
                        + (events.isEmpty() ? "" : "an event is " + String.join(", ", events) + " or a figure compared; ")
                        + "a path's figures are " + String.join(", ", StressFigures.names()));
            }
            return name;
        }

        /** Reads what follows {@code path.}: one of {@link PathResolution#FIGURES}, dotted ({@code finalEquity.min}). */
        private String pathResolutionFigure() {
            int start = at;
            String field = name("a path figure: " + String.join(", ", PathResolution.FIGURES));
            if ((field.equals("finalEquity") || field.equals("maxDrawdown")) && peek('.')) {
                at++;
                field += "." + name("highFirst, lowFirst, min, median or max");
            }
            if (!PathResolution.FIGURES.contains(field)) {
                at = start;
                throw error("unknown path figure \"" + field + "\"" + Names.didYouMean(field, PathResolution.FIGURES)
                        + "; path.<figure> is one of " + String.join(", ", PathResolution.FIGURES));
            }
            return field;
        }

        /** Reads what follows {@code benchmark.}: a metric or {@code tail.<figure>}. */
        private String metricOrTail() {
            int start = at;
            String name = name("a metric or tail.<figure>");
            if (name.equals("tail") && peek('.')) {
                at++;
                return "tail." + tailName();
            }
            at = start;
            return metricName();
        }

        /**
         * Reads a field of a regime or of a crisis window ({@code window}): one of {@code fields},
         * {@code tail.<figure>}, or for a window {@code benchmark.<field or tail.<figure>>}.
         */
        private String field(List<String> fields, String what, boolean window) {
            int fieldAt = at;
            String field = name("a " + what + " field");
            if (fields.contains(field)) {
                return field;
            }
            if (field.equals("tail") && peek('.')) {
                at++;
                return "tail." + tailName();
            }
            if (window && field.equals("benchmark") && peek('.')) {
                at++;
                int benchmarkAt = at;
                String own = name("a field of the benchmark over the window");
                if (WINDOW_FIELDS.contains(own)) {
                    return "benchmark." + own;
                }
                if (own.equals("tail") && peek('.')) {
                    at++;
                    return "benchmark.tail." + tailName();
                }
                at = benchmarkAt;
                throw error("unknown field \"" + own + "\" of the benchmark over a crisis window"
                        + Names.didYouMean(own, WINDOW_FIELDS) + "; it has " + String.join(", ", WINDOW_FIELDS) + " or " + TAIL_FORM);
            }
            at = fieldAt;
            List<String> known = new ArrayList<>(fields);
            known.add("tail");
            throw error("unknown " + what + " field \"" + field + "\"" + Names.didYouMean(field, known) + "; a " + what + " has "
                    + String.join(", ", fields) + (window ? ", " + TAIL_FORM + " or benchmark.<" + String.join("|", WINDOW_FIELDS)
                    + "|" + TAIL_FORM + ">" : " or " + TAIL_FORM));
        }

        /** Reads the name of a tail figure, after {@code tail.}. */
        private String tailName() {
            int start = at;
            String name = name("a tail figure: " + String.join(", ", TailMetric.fields()));
            if (TailMetric.of(name).isEmpty()) {
                at = start;
                throw error("unknown tail figure \"" + name + "\"" + Names.didYouMean(name, TailMetric.fields())
                        + "; the tail figures are " + String.join(", ", TailMetric.fields()));
            }
            return name;
        }

        private String metricName() {
            int start = at;
            String field = name("a metric");
            if (Metric.of(field).isEmpty()) {
                at = start;
                List<String> names = Metric.ALL.stream().map(Metric::field).toList();
                String suggestion = TailMetric.of(field).isPresent() ? "; did you mean tail." + field + "?"
                        : Names.didYouMean(field, names);
                throw error("unknown figure \"" + field + "\"" + suggestion + "; a figure is a metric ("
                        + String.join(", ", names) + "), " + TAIL_FORM + ", benchmark.<metric>, benchmark." + TAIL_FORM
                        + ", regimes[\"<label>\"].<" + String.join("|", REGIME_FIELDS) + "|" + TAIL_FORM
                        + ">, crises[\"<window>\"].<" + String.join("|", CRISIS_FIELDS) + "|" + TAIL_FORM + "|benchmark.<"
                        + String.join("|", WINDOW_FIELDS) + "|" + TAIL_FORM + ">>, sweep.<figure>, walkforward.<figure>,"
                        + " stress.probability(<event>), stress.quantile(<figure>, <level>) or path.<figure>");
            }
            return field;
        }

        private String name(String what) {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw error("expected " + what + (at < text.length() ? ", got \"" + text.charAt(at) + "\"" : ", got the end"));
            }
            return text.substring(start, at);
        }

        private String quoted(String expected) {
            if (!peek('"')) {
                throw error("expected " + expected);
            }
            at++;
            int start = at;
            while (at < text.length() && text.charAt(at) != '"') {
                at++;
            }
            if (at == text.length()) {
                at = start - 1;
                throw error("a label opened with \" is not closed");
            }
            return text.substring(start, at++);
        }

        private Comparison comparison() {
            for (String symbol : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
                if (text.startsWith(symbol, at)) {
                    at += symbol.length();
                    for (Comparison c : Comparison.values()) {
                        if (c.symbol().equals(symbol)) {
                            return c;
                        }
                    }
                }
            }
            throw error("expected a comparison (>, >=, <, <=, ==, !=)" + (at < text.length()
                    ? ", got \"" + text.substring(at) + "\"" : ", got the end"));
        }

        private double number() {
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String digits = text.substring(start, at);
            double value;
            try {
                value = Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                at = start;
                throw error("expected a number such as -0.5, 12 or 30%" + (at < text.length()
                        ? ", got \"" + text.substring(at) + "\"" : ", got the end"));
            }
            if (peek('%')) {
                at++;
                value /= 100;
            }
            if (!Double.isFinite(value)) {
                at = start;
                throw error("the number must be finite, got " + digits);
            }
            return value;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected \"" + c + "\"" + (at < text.length() ? ", got \"" + text.charAt(at) + "\"" : ", got the end"));
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("\"" + text + "\" at " + (at + 1) + ": " + problem);
        }
    }
}
