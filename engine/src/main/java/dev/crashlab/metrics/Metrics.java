package dev.crashlab.metrics;

/**
 * The performance figures of one run, computed by {@link PerformanceMetrics} with exactly these
 * conventions (fractions, not percent; NaN where a figure is undefined, written as
 * {@code null} in {@code results.json}):
 *
 * <ul>
 *   <li>Equity E<sub>t</sub> is marked at each step's close. An external flow F<sub>t</sub>
 *       arrives at the start of step t. The period return is
 *       r<sub>t</sub> = E<sub>t</sub> / (E<sub>t−1</sub> + F<sub>t</sub>) − 1 for t = 1..N−1
 *       (time-weighted; 0 when the denominator is not positive, −1 when equity falls below
 *       zero).</li>
 *   <li>P = periods per year: 365 when the universe holds crypto, else 252, unless set.</li>
 *   <li>totalReturn = Π(1 + r<sub>t</sub>) − 1; cagr = (1 + totalReturn)<sup>365.25 / D</sup> − 1,
 *       D = calendar days from the first to the last step.</li>
 *   <li>volatility = sample stdev(r) × √P; sharpe = (mean(r) − rf / P) / stdev(r) × √P;
 *       sortino = mean(r) / √mean(min(r, 0)²) × √P.</li>
 *   <li>maxDrawdown: the lowest I<sub>t</sub> / max<sub>s≤t</sub> I<sub>s</sub> − 1 of the index
 *       I = Π(1 + r); maxDrawdownDays: the longest time, in calendar days, from a peak of I to
 *       its recovery (or to the last step when it never recovered); calmar = cagr / |maxDrawdown|.</li>
 *   <li>moneyWeightedReturn: the annual rate (365-day years) that discounts the initial cash and
 *       every flow, at their step times, and the final equity to a net present value of 0 (XIRR),
 *       solved for ln(1 + rate) in [−700, 700], so rates down to −100 % are found (a root below
 *       −700 rounds to −1). When no rate solves it, a final equity &lt;= 0 is a total loss, −1
 *       (−100 %); otherwise the figure is NaN.</li>
 *   <li>profit = finalEquity − initialCash − netContributions.</li>
 *   <li>exposure: the share of steps ending with any position; turnover: traded notional divided
 *       by mean equity.</li>
 *   <li>Trade statistics are over closed trades: winRate = share with pnl &gt; 0; profitFactor =
 *       sum of gains / |sum of losses|; averageWin, averageLoss, bestTrade, worstTrade are trade
 *       returns (pnl / entry value).</li>
 *   <li>beta and correlation: of the period returns against the benchmark's (NaN without one).</li>
 * </ul>
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
 * @param periodsPerYear      P used above
 * @param riskFreeRate        rf used above, annual
 */
public record Metrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
        double maxDrawdown, double maxDrawdownDays, double calmar, double moneyWeightedReturn, double initialCash,
        double netContributions, double finalEquity, double profit, double exposure, double turnover, double feesPaid,
        double fundingPaid, int liquidations, int trades, double winRate, double profitFactor, double averageWin,
        double averageLoss, double bestTrade, double worstTrade, double beta, double correlation,
        double periodsPerYear, double riskFreeRate) {
}
