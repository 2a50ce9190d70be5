package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
}
