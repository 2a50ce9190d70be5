package dev.crashlab.strategies;

import static dev.crashlab.signals.Gate.Comparison.AT_LEAST;
import static dev.crashlab.signals.Gate.Comparison.AT_MOST;

import dev.crashlab.signals.Contagion;
import dev.crashlab.signals.DatStress;
import dev.crashlab.signals.Deleveraging;
import dev.crashlab.signals.EtfFlows;
import dev.crashlab.signals.FreshLiquidity;
import dev.crashlab.signals.Gate;
import dev.crashlab.signals.WhaleSelling;
import dev.crashlab.strategy.NonEmpty;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a liquidity gate as a config writes them: the essay's "the market restores
 * liquidity, ETFs stop flowing out, and the whale selling pressure is fully released", plus
 * deleveraging, contagion and treasury-company stress, each switched on with {@code use}. The
 * README's "Signals" section gives every signal's formula; here each becomes one check of a
 * {@link Gate}:
 * <ul>
 *   <li>{@code etf}: ETF outflows stopped, {@code EtfFlows.outflowsStopped(days) >= 1};</li>
 *   <li>{@code whales}: whale selling released, {@code WhaleSelling.released(maxZ, days) >= 1};</li>
 *   <li>{@code stablecoins}: fresh liquidity, {@code FreshLiquidity.growth(days) >= minGrowth};</li>
 *   <li>{@code funding}: funding back to neutral, {@code Deleveraging.funding.neutral(days) >= 1};</li>
 *   <li>{@code liquidations}: a long capitulation that has subsided,
 *       {@code Deleveraging.longLiquidations.capitulationSubsiding() >= 1};</li>
 *   <li>{@code contagion}: the basket no longer sells together, {@code Contagion.sellsTogether() <= 0};</li>
 *   <li>{@code treasuries}: the treasury company out of its forced-selling zone, {@code DatStress.zone() <= 0}.</li>
 * </ul>
 * The gate opens when {@code need} of the used checks hold ({@code 0}: all) and have held for
 * {@code forDays} days; a check without data counts as {@code onMissing} says (see {@link Gate}).
 *
 * @param need       how many used checks must hold; 0: all
 * @param forDays    for how many calendar days, today included
 * @param onMissing  how a check without data counts: closed (as not holding) or ignore (left out)
 * @param etf        ETF flows
 * @param whales     exchange inflows
 * @param stablecoins stablecoin supply
 * @param funding    perpetual funding
 * @param liquidations long liquidations
 * @param contagion  cross-asset contagion
 * @param treasuries treasury-company stress
 */
public record LiquidityChecks(@Range(min = 0) int need, @Range(min = 1) int forDays, Gate.OnMissing onMissing, Etf etf,
        Whales whales, Stablecoins stablecoins, Funding funding, Liquidations liquidations, Basket contagion,
        Treasuries treasuries) {

    /** ETF outflows stopped: no outflow in the values of the last {@code days} days. */
    public record Etf(boolean use, String series, @Range(min = 1) int days) { }

    /** Whale selling released: exchange inflows' z-score below {@code maxZ} on each of the last {@code days} days. */
    public record Whales(boolean use, String series, double maxZ, @Range(min = 1) int days) { }

    /** Fresh liquidity: stablecoin supply up at least {@code minGrowth} (a fraction) over {@code days} days. */
    public record Stablecoins(boolean use, String series, @Range(min = 1) int days, double minGrowth) { }

    /** Funding within ±0.01 % per 8 h on each of the last {@code days} days. */
    public record Funding(boolean use, String series, @Range(min = 1) int days) { }

    /** A long-liquidation capitulation in the last 14 days, since subsided. */
    public record Liquidations(boolean use, String series) { }

    /** The basket no longer falling together (more than 5 % in 7 days for 60 % of it, correlated). */
    public record Basket(boolean use, @NonEmpty List<String> symbols) { }

    /** A treasury company's knowable mNAV above 1.2 (or, without it, its price against bitcoin's no more than 50 % below its high). */
    public record Treasuries(boolean use, String mnav, String holdings, String filings, String company, String bitcoin) { }

    /** ETF flows, whale selling and stablecoins, all three, each day; the others off. */
    public static final LiquidityChecks DEFAULTS = new LiquidityChecks(0, 1, Gate.OnMissing.CLOSED,
            new Etf(true, "etf_flows", 3), new Whales(true, "exchange_inflow", 1.0, 5),
            new Stablecoins(true, "stablecoins", 30, 0.0), new Funding(false, "funding", 3),
            new Liquidations(false, "long_liquidations"), new Basket(false, Contagion.DEFAULT_BASKET),
            new Treasuries(false, "mstr_mnav", "mstr_holdings", "mstr_filings", "MSTR", "BTC-USD"));

    /** One possible check: whether it is used, its name in the config, its gate check and the inputs it reads. */
    private record Candidate(boolean use, String key, Gate.Check check, List<String> inputs) { }

    /**
     * Returns the gate called {@code name} of the used checks, or throws naming each check whose
     * series or instrument the run's data does not hold (and how to switch it off).
     */
    public Gate gate(String name, StrategyContext ctx) {
        Treasuries t = treasuries;
        List<Candidate> candidates = List.of(
                new Candidate(etf.use(), "etf", new Gate.Check("ETF outflows stopped",
                        EtfFlows.of(etf.series()).outflowsStopped(etf.days()), AT_LEAST, 1), List.of(etf.series())),
                new Candidate(whales.use(), "whales", new Gate.Check("whale selling released",
                        WhaleSelling.of(whales.series()).released(whales.maxZ(), whales.days()), AT_LEAST, 1),
                        List.of(whales.series())),
                new Candidate(stablecoins.use(), "stablecoins", new Gate.Check("stablecoin growth", FreshLiquidity
                        .of(stablecoins.series()).growth(stablecoins.days()), AT_LEAST, stablecoins.minGrowth()),
                        List.of(stablecoins.series())),
                new Candidate(funding.use(), "funding", new Gate.Check("funding neutral",
                        Deleveraging.funding(funding.series()).neutral(funding.days()), AT_LEAST, 1), List.of(funding.series())),
                new Candidate(liquidations.use(), "liquidations", new Gate.Check("capitulation subsided",
                        Deleveraging.longLiquidations(liquidations.series()).capitulationSubsiding(), AT_LEAST, 1),
                        List.of(liquidations.series())),
                new Candidate(contagion.use(), "contagion", new Gate.Check("not selling together",
                        Contagion.of(contagion.symbols().toArray(String[]::new)).sellsTogether(), AT_MOST, 0),
                        contagion.symbols()),
                new Candidate(t.use(), "treasuries", new Gate.Check("treasuries out of the zone", DatStress.of(t.mnav(),
                        t.holdings(), t.filings()).withPrices(t.company(), t.bitcoin()).zone(), AT_MOST, 0),
                        List.of(t.mnav(), t.holdings(), t.filings(), t.company(), t.bitcoin())));
        Gate gate = Gate.named(name).need(need).forDays(forDays).onMissing(onMissing);
        List<String> missing = new ArrayList<>();
        for (Candidate c : candidates.stream().filter(Candidate::use).toList()) {
            List<String> absent = c.inputs().stream().filter(in -> !ctx.hasSeries(in) && !ctx.symbols().contains(in)).toList();
            absent.forEach(in -> missing.add("checks." + c.key() + " reads \"" + in + "\", which the run's data does not"
                    + " hold (add it under data.series or data.prices, or set " + c.key() + ".use: false)"));
            gate = absent.isEmpty() ? gate.check(c.check()) : gate;
        }
        if (!missing.isEmpty() || gate.checks().isEmpty() || need > gate.checks().size()) {
            throw new IllegalArgumentException(name + ": " + (!missing.isEmpty() ? String.join("; ", missing)
                    : gate.checks().isEmpty() ? "no check is used; set use: true on at least one of etf, whales,"
                            + " stablecoins, funding, liquidations, contagion, treasuries"
                    : "need " + need + " checks to hold, but only " + gate.checks().size() + " are used"));
        }
        return gate;
    }
}
