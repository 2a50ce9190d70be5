/**
 * Signals of market liquidity and stress, built for the question a crash leaves: has the selling
 * run its course? Each is a {@link dev.crashlab.strategy.condition.Signal} a strategy, a gate or a
 * regime classifier reads at the current step, and compares into conditions:
 *
 * <pre>{@code
 * DataSignal stopped = EtfFlows.of("etf_flows").outflowsStopped(3);
 * Condition buy = dip.and(stopped.atLeast(1));
 * }</pre>
 *
 * <h2>Main types</h2>
 * {@link dev.crashlab.signals.DataSignal}, a signal that can say why it has no value; one small
 * record per family, holding its inputs and defaults, whose methods make the signals:
 * {@link dev.crashlab.signals.EtfFlows} (spot-ETF net flows), {@link dev.crashlab.signals.WhaleSelling}
 * (exchange inflows against their baseline), {@link dev.crashlab.signals.FreshLiquidity}
 * (stablecoin supply growth), {@link dev.crashlab.signals.Deleveraging} (open interest, funding,
 * long liquidations), {@link dev.crashlab.signals.Contagion} (a basket falling and moving
 * together), {@link dev.crashlab.signals.DatStress} (a treasury company's mNAV as knowable then)
 * and {@link dev.crashlab.signals.RelativeStrength} (an altcoin against bitcoin). The README's
 * section "Signals" tables every formula.
 *
 * <h2>No look-ahead</h2>
 * A signal reads only what the context shows at the step: bars up to the current one, series as
 * published by the step's time. Signals keep no memory between steps, so they need not be asked
 * at every step, and a run cut at any date gives the same values before it.
 *
 * <h2>Missing and late data</h2>
 * A signal is NaN, so that every comparison on it is false, while an input is missing: a series
 * with nothing published, or whose latest value is older than the family's maximum age; an
 * instrument without a bar, or whose current bar is that old; a trailing window the data does
 * not yet reach back over. {@link dev.crashlab.signals.DataSignal#unavailable} then says which
 * input and as of which date. Nothing is filled forward beyond the maximum age, and never from a
 * later value. A series or symbol the run's data does not hold at all is a configuration error:
 * the context throws, as it does for a strategy.
 *
 * <h2>Publication lag</h2>
 * A series value dated D is read from the step its publication rule allows: by default
 * {@code D+1 00:00 UTC}, the step of D+1, so on daily steps L is normally T − 1 (a Friday for
 * the weekend's steps of a trading-day series). A daily bar is read at the step of its own date,
 * after its close: no lag.
 *
 * <h2>Conventions</h2>
 * T is the step's UTC date ({@code ctx.date()}), L the date of a series' latest published value;
 * days are calendar days; changes, drawdowns and growth are fractions ({@code 0.05} is 5 %).
 *
 * <h2>Dependencies</h2>
 * The strategy API ({@code dev.crashlab.strategy} and its conditions), fast indicators
 * ({@code dev.crashlab.indicator}), the data layer's domain types and the JDK; nothing of the
 * engine that runs strategies.
 */
package dev.crashlab.signals;
