package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;

/**
 * How a run resolved what happened inside its bars. A bar is <em>walked</em> when something
 * could happen inside it (an order of its instrument waited, or a position could be liquidated);
 * each walked bar is resolved either on its detail bars, finer bars of the same market that cover
 * it completely, or by the path rule ({@link CostTerms#pathRule()}). Bars are counted one per
 * instrument and step.
 *
 * @param mode          {@value #RULE} when no instrument has detail bars, {@value #DETAIL} when
 *                      some has (bars whose detail is incomplete still fall back to the rule), or
 *                      {@value #UNKNOWN} for documents written before this field existed
 * @param detail        the interval of each instrument's detail bars, such as {@code 5m}, by symbol
 * @param detailBars    walked bars resolved on their detail bars
 * @param ruleBars      walked bars resolved by the path rule: all of them in mode {@value #RULE}
 * @param ambiguousBars steps resolved by the rule where the order of a bar's extremes could change
 *                      the outcome: some instrument had a trigger level (a waiting limit or stop, a
 *                      liquidation price) between its open and its high and another between its
 *                      open and its low (README, "Ambiguous bars")
 * @param sensitivity   the spread of the run's events and outcome over other paths of its bars, or
 *                      {@code null} when the run did not configure {@code path.sensitivity}; left out
 *                      of the file when null, so that runs without it write what they wrote before
 */
public record PathResolution(String mode, Map<String, String> detail, long detailBars, long ruleBars,
        long ambiguousBars,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSetter(nulls = Nulls.SET) PathSensitivityResults sensitivity) {

    /** The mode of a run without detail bars. */
    public static final String RULE = "rule";
    /** The mode of a run with detail bars. */
    public static final String DETAIL = "detail";
    /** The mode of a document written before runs recorded it. */
    public static final String UNKNOWN = "unknown";

    /** The figures a risk limit reads as {@code path.<figure>} ({@link #figure}): the counts, then those of the sensitivity. */
    public static final List<String> FIGURES = List.of("ambiguousBars", "ruleBars", "detailBars", "liquidatedShare",
            "finalEquity.highFirst", "finalEquity.lowFirst", "finalEquity.min", "finalEquity.median", "finalEquity.max",
            "maxDrawdown.highFirst", "maxDrawdown.lowFirst", "maxDrawdown.min", "maxDrawdown.median", "maxDrawdown.max");

    /** The figures of {@link #FIGURES} that only a run with {@code sensitivity} has. */
    public static boolean needsSensitivity(String figure) {
        return FIGURES.indexOf(figure) >= FIGURES.indexOf("liquidatedShare");
    }

    public PathResolution {
        if (!RULE.equals(mode) && !DETAIL.equals(mode) && !UNKNOWN.equals(mode)) {
            throw new ResultsException("mode", "expected \"" + RULE + "\", \"" + DETAIL + "\" or \"" + UNKNOWN
                    + "\", got \"" + mode + "\"");
        }
        detail = Fields.ordered(detail);
        if (detailBars < 0 || ruleBars < 0 || ambiguousBars < 0 || ambiguousBars > ruleBars) {
            throw new ResultsException("ruleBars", "bar counts must be >= 0 and ambiguousBars <= ruleBars, got "
                    + detailBars + ", " + ruleBars + ", " + ambiguousBars);
        }
    }

    /**
     * Returns the figure {@code name} of {@link #FIGURES}, as a risk limit reads it: a bar count;
     * {@code liquidatedShare}, the share of bridge paths liquidated at least once; or the final
     * equity's or max drawdown's {@code highFirst}, {@code lowFirst}, or {@code min}, {@code median},
     * {@code max} over the bridge paths.
     *
     * @throws IllegalArgumentException when {@code name} is not one of {@link #FIGURES}
     * @throws IllegalStateException    when it needs the sensitivity and the run has none
     */
    public double figure(String name) {
        if (!FIGURES.contains(name)) {
            throw new IllegalArgumentException("unknown path figure \"" + name + "\"; known: " + FIGURES);
        }
        if (needsSensitivity(name) && sensitivity == null) {
            throw new IllegalStateException("path." + name + " needs the run's path sensitivity, and it has none");
        }
        return switch (name) {
            case "ambiguousBars" -> ambiguousBars;
            case "ruleBars" -> ruleBars;
            case "detailBars" -> detailBars;
            case "liquidatedShare" -> sensitivity.liquidatedShare();
            default -> {
                int dot = name.indexOf('.');
                PathSensitivityResults.Outcome o = name.startsWith("finalEquity") ? sensitivity.finalEquity()
                        : sensitivity.maxDrawdown();
                yield switch (name.substring(dot + 1)) {
                    case "highFirst" -> o.highFirst();
                    case "lowFirst" -> o.lowFirst();
                    case "min" -> o.bridgeMin();
                    case "median" -> o.bridgeMedian();
                    default -> o.bridgeMax();
                };
            }
        };
    }
}
