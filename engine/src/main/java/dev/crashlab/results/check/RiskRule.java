package dev.crashlab.results.check;

import dev.crashlab.Names;
import dev.crashlab.results.Metric;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RunResults;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A risk limit on a run's results, written as one line in the config's {@code checks}:
 * {@code maxDrawdown > -0.5}, {@code benchmark.sharpe >= 0.3},
 * {@code regimes["CRASH"].totalReturn > -30%}. {@code crashlab:check} fails the build when a rule
 * does not hold, as a failing test would.
 *
 * <h2>Grammar</h2>
 * <pre>
 * rule      = figure comparison number
 * figure    = metric | "benchmark." metric | 'regimes["' label '"].' regimeField
 * comparison = "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * number    = a decimal such as -0.5, 1e-3 or 12, optionally followed by "%" (divided by 100)
 * </pre>
 * A {@code metric} is a field of results.json's {@code metrics} ({@link Metric#ALL}: {@code sharpe},
 * {@code maxDrawdown}, {@code liquidations}, ...), in the units stored there (fractions: -0.5 is
 * -50 %); a {@code regimeField} is {@code totalReturn}, {@code maxDrawdown}, {@code timeInMarket} or
 * {@code steps}. Spaces are free between tokens; labels are quoted with double quotes.
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
    public record Figure(String scope, String label, String field) {

        /** Returns the figure as a rule writes it: {@code regimes["CRASH"].totalReturn}. */
        @Override
        public String toString() {
            return switch (scope) {
                case "benchmark" -> "benchmark." + field;
                case "regimes" -> "regimes[\"" + label + "\"]." + field;
                default -> field;
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

    /** Evaluates this rule on {@code results}. */
    public Outcome check(RunResults results) {
        double value = Double.NaN;
        String missing = null;
        switch (figure.scope()) {
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
            at = start;
            return new Figure("run", null, metricName());
        }

        private String metricName() {
            int start = at;
            String field = name("a metric");
            if (Metric.of(field).isEmpty()) {
                at = start;
                List<String> names = Metric.ALL.stream().map(Metric::field).toList();
                throw error("unknown figure \"" + field + "\"" + Names.didYouMean(field, names) + "; a figure is a metric ("
                        + String.join(", ", names) + "), benchmark.<metric> or regimes[\"<label>\"].<"
                        + String.join("|", REGIME_FIELDS) + ">");
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
