package dev.crashlab.results;

import dev.crashlab.metrics.Metrics;
import java.util.List;

/**
 * The figures of an equity curve that no single run made, such as a walk-forward's stitched
 * out-of-sample equity: those of {@link Metrics} that the curve and its flows define, by the same
 * names and conventions (time-weighted returns, the periods per year of the run), and the costs
 * summed over the runs it is made of. Trade statistics, exposure and turnover are left out: a
 * stitched curve's trades belong to its pieces.
 *
 * @param totalReturn         time-weighted total return
 * @param cagr                compound annual growth rate
 * @param volatility          annualised volatility of period returns
 * @param sharpe              annualised Sharpe ratio
 * @param sortino             annualised Sortino ratio
 * @param maxDrawdown         maximum drawdown, a value &lt;= 0
 * @param maxDrawdownDays     longest drawdown, calendar days
 * @param calmar              cagr / |maxDrawdown|
 * @param moneyWeightedReturn annual money-weighted return (XIRR)
 * @param initialCash         cash at the start
 * @param netContributions    external flows, contributions minus withdrawals
 * @param finalEquity         equity at the last step's close
 * @param profit              finalEquity − initialCash − netContributions
 * @param feesPaid            fees, summed over the pieces
 * @param fundingPaid         carry, summed over the pieces
 * @param liquidations        liquidations, summed over the pieces
 */
public record CurveMetrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
        double maxDrawdown, double maxDrawdownDays, double calmar, double moneyWeightedReturn, double initialCash,
        double netContributions, double finalEquity, double profit, double feesPaid, double fundingPaid,
        int liquidations) {

    /** The fields, in order: each is also a field of {@link RunMetrics}, with its {@link Metric} description. */
    public static final List<String> FIELDS = List.of("totalReturn", "cagr", "volatility", "sharpe", "sortino",
            "maxDrawdown", "maxDrawdownDays", "calmar", "moneyWeightedReturn", "initialCash", "netContributions",
            "finalEquity", "profit", "feesPaid", "fundingPaid", "liquidations");

    /** Returns the figures of {@code m} as results hold them (NaN for undefined ones, 0 for -0). */
    public static CurveMetrics of(Metrics m) {
        return new CurveMetrics(Figures.figure(m.totalReturn()), Figures.figure(m.cagr()), Figures.figure(m.volatility()),
                Figures.figure(m.sharpe()), Figures.figure(m.sortino()), Figures.figure(m.maxDrawdown()),
                Figures.figure(m.maxDrawdownDays()), Figures.figure(m.calmar()), Figures.figure(m.moneyWeightedReturn()),
                Figures.figure(m.initialCash()), Figures.figure(m.netContributions()), Figures.figure(m.finalEquity()),
                Figures.figure(m.profit()), Figures.figure(m.feesPaid()), Figures.figure(m.fundingPaid()), m.liquidations());
    }

    /**
     * Returns the figure {@code field} of {@link #FIELDS}.
     *
     * @throws IllegalArgumentException when {@code field} is not one of them
     */
    public double figure(String field) {
        return switch (field) {
            case "totalReturn" -> totalReturn;
            case "cagr" -> cagr;
            case "volatility" -> volatility;
            case "sharpe" -> sharpe;
            case "sortino" -> sortino;
            case "maxDrawdown" -> maxDrawdown;
            case "maxDrawdownDays" -> maxDrawdownDays;
            case "calmar" -> calmar;
            case "moneyWeightedReturn" -> moneyWeightedReturn;
            case "initialCash" -> initialCash;
            case "netContributions" -> netContributions;
            case "finalEquity" -> finalEquity;
            case "profit" -> profit;
            case "feesPaid" -> feesPaid;
            case "fundingPaid" -> fundingPaid;
            case "liquidations" -> liquidations;
            default -> throw new IllegalArgumentException("unknown curve figure \"" + field + "\"; known: " + FIELDS);
        };
    }
}
