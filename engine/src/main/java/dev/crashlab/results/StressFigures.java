package dev.crashlab.results;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one stress path (or of the run on the real history), as its metrics define
 * them (see {@link RunMetrics}): fractions are fractions, undefined figures NaN.
 *
 * @param finalEquity         equity at the last step's close
 * @param totalReturn         time-weighted total return
 * @param cagr                compound annual growth rate
 * @param maxDrawdown         maximum drawdown of the time-weighted index, &lt;= 0
 * @param maxDrawdownDays     longest drawdown, calendar days
 * @param moneyWeightedReturn annual money-weighted return (XIRR); −1 for a total loss
 * @param liquidations        number of liquidations
 * @param invested            initial cash plus net external flows
 */
public record StressFigures(double finalEquity, double totalReturn, double cagr, double maxDrawdown, double maxDrawdownDays,
        double moneyWeightedReturn, int liquidations, double invested) implements java.io.Serializable {

    /** A figure of a path by name: the names are {@link RunMetrics}' fields. */
    public record Field(String name, ToDoubleFunction<StressFigures> value) {
    }

    /** The figures a rule or a page can read, by name, in the order pages list their distributions. */
    public static final List<Field> FIELDS = List.of(new Field("finalEquity", StressFigures::finalEquity),
            new Field("cagr", StressFigures::cagr), new Field("maxDrawdown", StressFigures::maxDrawdown),
            new Field("maxDrawdownDays", StressFigures::maxDrawdownDays),
            new Field("moneyWeightedReturn", StressFigures::moneyWeightedReturn),
            new Field("totalReturn", StressFigures::totalReturn), new Field("liquidations", StressFigures::liquidations));

    /** The figures whose distributions a stress set holds: final wealth, CAGR, drawdown depth and length, XIRR. */
    public static final List<String> DISTRIBUTED = List.of("finalEquity", "cagr", "maxDrawdown", "maxDrawdownDays",
            "moneyWeightedReturn");

    /** Returns the figures of {@code m}, a run's metrics. */
    public static StressFigures of(RunMetrics m) {
        return new StressFigures(m.finalEquity(), m.totalReturn(), m.cagr(), m.maxDrawdown(), m.maxDrawdownDays(),
                m.moneyWeightedReturn(), m.liquidations(), m.initialCash() + m.netContributions());
    }

    /** Returns the field called {@code name}, if there is one. */
    public static Optional<Field> field(String name) {
        return FIELDS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Returns the names of {@link #FIELDS}. */
    public static List<String> names() {
        return FIELDS.stream().map(Field::name).toList();
    }

    /** Returns whether the path was liquidated at least once. */
    public boolean liquidated() {
        return liquidations > 0;
    }

    /** Returns whether the path ended with less equity than was put in (initial cash plus net flows). */
    public boolean belowContributions() {
        return finalEquity < invested;
    }
}
