package dev.crashlab.results;

import dev.crashlab.metrics.Metrics;

/**
 * The performance figures of a run (or of its benchmark) as results.json's {@code metrics} holds
 * them: the figures of {@link Metrics}, whose Javadoc defines each, by the same names and in the
 * same order. Fractions are fractions; an undefined figure is NaN ({@code null} in the file).
 *
 * @param totalReturn         time-weighted total return
 * @param cagr                compound annual growth rate
 * @param volatility          annualised volatility of period returns
 * @param sharpe              annualised Sharpe ratio
 * @param sortino             annualised Sortino ratio
 * @param maxDrawdown         maximum drawdown, a value &lt;= 0
 * @param maxDrawdownDays     longest drawdown, calendar days
 * @param calmar              cagr / |maxDrawdown|
 * @param moneyWeightedReturn annual money-weighted return (XIRR); −1 for a total loss
 * @param initialCash         cash at the start
 * @param netContributions    external flows, contributions minus withdrawals
 * @param finalEquity         equity at the last step's close
 * @param profit              finalEquity − initialCash − netContributions
 * @param exposure            share of steps with a position
 * @param turnover            traded notional / mean equity
 * @param feesPaid            fees, liquidation fees included
 * @param fundingPaid         carry: borrow and funding on shorts, interest on borrowed cash
 * @param liquidations        number of liquidations
 * @param trades              number of closed trades
 * @param winRate             share of closed trades with a profit
 * @param profitFactor        gains / |losses| of closed trades
 * @param averageWin          mean return of winning trades
 * @param averageLoss         mean return of losing trades
 * @param bestTrade           best trade return
 * @param worstTrade          worst trade return
 * @param beta                beta of period returns against the benchmark
 * @param correlation         correlation of period returns with the benchmark
 * @param periodsPerYear      P used to annualise
 * @param riskFreeRate        rf of the Sharpe ratio, annual
 */
public record RunMetrics(
        double totalReturn,
        double cagr,
        double volatility,
        double sharpe,
        double sortino,
        double maxDrawdown,
        double maxDrawdownDays,
        double calmar,
        double moneyWeightedReturn,
        double initialCash,
        double netContributions,
        double finalEquity,
        double profit,
        double exposure,
        double turnover,
        double feesPaid,
        double fundingPaid,
        int liquidations,
        int trades,
        double winRate,
        double profitFactor,
        double averageWin,
        double averageLoss,
        double bestTrade,
        double worstTrade,
        double beta,
        double correlation,
        double periodsPerYear,
        double riskFreeRate) implements java.io.Serializable {

    /** Returns the figures of {@code m}, each as results.json holds it (NaN for any undefined one, 0 for -0). */
    public static RunMetrics of(Metrics m) {
        return new RunMetrics(Figures.figure(m.totalReturn()), Figures.figure(m.cagr()), Figures.figure(m.volatility()),
                Figures.figure(m.sharpe()), Figures.figure(m.sortino()), Figures.figure(m.maxDrawdown()),
                Figures.figure(m.maxDrawdownDays()), Figures.figure(m.calmar()), Figures.figure(m.moneyWeightedReturn()),
                Figures.figure(m.initialCash()), Figures.figure(m.netContributions()), Figures.figure(m.finalEquity()),
                Figures.figure(m.profit()), Figures.figure(m.exposure()), Figures.figure(m.turnover()),
                Figures.figure(m.feesPaid()), Figures.figure(m.fundingPaid()), m.liquidations(), m.trades(),
                Figures.figure(m.winRate()), Figures.figure(m.profitFactor()), Figures.figure(m.averageWin()),
                Figures.figure(m.averageLoss()), Figures.figure(m.bestTrade()), Figures.figure(m.worstTrade()),
                Figures.figure(m.beta()), Figures.figure(m.correlation()), Figures.figure(m.periodsPerYear()),
                Figures.figure(m.riskFreeRate()));
    }
}
