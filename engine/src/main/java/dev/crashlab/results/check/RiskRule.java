package dev.crashlab.results.check;

import dev.crashlab.Names;
import dev.crashlab.results.Metric;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.Quantiles;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressFigures;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
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
 * {@code regimes["CRASH"].totalReturn > -30%}. {@code crashlab:check} fails the build when a rule
 * does not hold, as a failing test would.
 *
 * <h2>Grammar</h2>
 * <pre>
 * rule      = figure comparison number
 * figure    = metric | "benchmark." metric | 'regimes["' label '"].' regimeField | stress
 * stress    = "stress" [ '["' method '"]' ] "." ( "probability(" event ")" | "quantile(" pathFigure "," number ")" )
 * event     = "liquidation" | "belowContributions" | pathFigure comparison number
 * comparison = "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * number    = a decimal such as -0.5, 1e-3 or 12, optionally followed by "%" (divided by 100)
 * </pre>
 * A {@code metric} is a field of results.json's {@code metrics} ({@link Metric#ALL}: {@code sharpe},
 * {@code maxDrawdown}, {@code liquidations}, ...), in the units stored there (fractions: -0.5 is
 * -50 %); a {@code regimeField} is {@code totalReturn}, {@code maxDrawdown}, {@code timeInMarket} or
 * {@code steps}. Spaces are free between tokens; labels are quoted with double quotes.
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
 * without variance, a benchmark-free run's {@code benchmark.*}, a regime the run never met) does
 * not hold any comparison: a limit that cannot be checked fails, saying why.
 *
 * @param text      the rule as written, trimmed
 * @param figure    what it reads
 * @param op        how it compares
 * @param threshold the number it compares with (a "%" already divided by 100)
 */
public record RiskRule(String text, Figure figure, Comparison op, double threshold) {

    /** The fields of a regime's figures a rule can read. */
    public static final List<String> REGIME_FIELDS = List.of("totalReturn", "maxDrawdown", "timeInMarket", "steps");

    /** The events {@code stress.probability(...)} names besides a compared figure. */
    public static final List<String> STRESS_EVENTS = List.of("liquidation", "belowContributions");

    /** The stress methods a rule may name, as stress documents label their sets (the labels of the engine's StressMethod, which this layer cannot see). */
    static final List<String> STRESS_METHODS = List.of("bootstrap", "crisis-replay");

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
     * @param scope {@code run}, {@code benchmark} or {@code regimes}
     * @param label the regime's label ({@code regimes} only), else {@code null}
     * @param field the metric or regime field
     */
    public record Figure(String scope, String label, String field, StressQuery stress) {

        /** Creates a figure of the run, its benchmark or a regime: one that reads no stress paths. */
        public Figure(String scope, String label, String field) {
            this(scope, label, field, null);
        }

        /** Returns the figure as a rule writes it: {@code regimes["CRASH"].totalReturn}. */
        @Override
        public String toString() {
            return switch (scope) {
                case "benchmark" -> "benchmark." + field;
                case "regimes" -> "regimes[\"" + label + "\"]." + field;
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

    /** Evaluates this rule on {@code results}, without stress paths. */
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
     */
    public Outcome check(RunResults results, StressResults stress) {
        double value = Double.NaN;
        String missing = null;
        switch (figure.scope()) {
            case "stress" -> {
                if (stress == null) {
                    missing = "the run has no stress paths; run crashlab:stress first (it writes stress-<run>/stress.json)";
                } else if (figure.label() != null && stress.set(figure.label()).isEmpty()) {
                    missing = "the run's stress paths have no method \"" + figure.label() + "\"; they have "
                            + stress.sets().stream().map(StressSet::method).toList();
                } else {
                    value = figure.stress().of(figure.label() == null ? stress.allPaths()
                            : stress.set(figure.label()).orElseThrow().paths());
                }
            }
            case "benchmark" -> {
                if (results.benchmark() == null) {
                    missing = "the run has no benchmark";
                } else {
                    value = metric(figure.field()).of(results.benchmark().metrics());
                }
            }
            case "regimes" -> {
                if (results.regimes() == null) {
                    missing = "the run has no regime classifier";
                } else {
                    Optional<RegimeMetrics> regime = results.regimes().metrics().stream()
                            .filter(m -> m.label().equals(figure.label())).findFirst();
                    if (regime.isEmpty()) {
                        missing = "the run has no regime \"" + figure.label() + "\"; its regimes are "
                                + results.regimes().labels();
                    } else {
                        value = regimeField(regime.get(), figure.field());
                    }
                }
            }
            default -> value = metric(figure.field()).of(results.metrics());
        }
        boolean holds = missing == null && op.holds(value, threshold);
        String why = missing != null ? figure + " is undefined: " + missing
                : Double.isNaN(value) ? figure + " is undefined (null in results.json)"
                : figure + " = " + new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return new Outcome(this, value, holds, why);
    }

    /** Returns the rule as written. */
    @Override
    public String toString() {
        return text;
    }

    private static Metric metric(String field) {
        return Metric.of(field).orElseThrow(() -> new IllegalStateException("a parsed rule names a known metric: " + field));
    }

    private static double regimeField(RegimeMetrics m, String field) {
        return switch (field) {
            case "totalReturn" -> m.totalReturn();
            case "maxDrawdown" -> m.maxDrawdown();
            case "timeInMarket" -> m.timeInMarket();
            case "steps" -> m.steps();
            default -> throw new IllegalStateException("a parsed rule names a known regime field: " + field);
        };
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
                return new Figure("benchmark", null, metricName());
            }
            if (first.equals("regimes") && peek('[')) {
                at++;
                skipSpaces();
                String label = quoted();
                skipSpaces();
                expect(']');
                expect('.');
                int fieldAt = at;
                String field = name("a regime field: " + String.join(", ", REGIME_FIELDS));
                if (!REGIME_FIELDS.contains(field)) {
                    at = fieldAt;
                    throw error("unknown regime field \"" + field + "\"" + Names.didYouMean(field, REGIME_FIELDS)
                            + "; a regime has " + String.join(", ", REGIME_FIELDS));
                }
                return new Figure("regimes", label, field);
            }
            if (first.equals("stress") && (peek('.') || peek('['))) {
                return stress();
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
                method = quoted();
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

        private String metricName() {
            int start = at;
            String field = name("a metric");
            if (Metric.of(field).isEmpty()) {
                at = start;
                List<String> names = Metric.ALL.stream().map(Metric::field).toList();
                throw error("unknown figure \"" + field + "\"" + Names.didYouMean(field, names) + "; a figure is a metric ("
                        + String.join(", ", names) + "), benchmark.<metric> or regimes[\"<label>\"].<"
                        + String.join("|", REGIME_FIELDS) + ">, stress.probability(<event>) or stress.quantile(<figure>, <level>)");
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

        private String quoted() {
            if (!peek('"')) {
                throw error("expected a label in double quotes, such as regimes[\"CRASH\"]");
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
