package dev.crashlab.signals;

import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.condition.Condition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A gate that opens when enough of its checks on data signals hold, and have held for long
 * enough: "buy only once liquidity returns, ETF outflows stop and whale selling is released". A
 * strategy or a wrapper asks {@link #isTrue} at every step (it remembers); it is a
 * {@link Condition} like any other, built from {@link Condition#atLeast} and
 * {@link Condition#forDays}.
 *
 * <pre>{@code
 * Gate gate = Gate.named("liquidity")
 *         .check("ETF outflows stopped", EtfFlows.of("etf_flows").outflowsStopped(3), Gate.Comparison.AT_LEAST, 1)
 *         .check("whale selling released", WhaleSelling.of("exchange_inflow").released(1, 5), Gate.Comparison.AT_LEAST, 1)
 *         .need(2).forDays(3).onMissing(Gate.OnMissing.CLOSED);
 * if (gate.isTrue(ctx)) ctx.buyValue("BTC-USD", 100);
 * }</pre>
 *
 * <h2>Exactly</h2>
 * At each step every check reads its signal once. A check holds when its value compares with its
 * level as stated ({@code value >= level} or {@code value <= level}). The gate's checks hold
 * together when at least {@code need} of them hold ({@code need = 0}: all of them); the gate is
 * open when that has been so at every step of the last {@code forDays} calendar days, today
 * included ({@link Condition#forDays}). A check whose signal has no value (a series not yet
 * started, a gap longer than the signal's maximum age, see {@link DataSignal#unavailable}) counts
 * by {@link OnMissing}:
 * <ul>
 *   <li>{@code CLOSED} (the default): as not holding. With {@code need = 0} one missing input
 *       keeps the gate closed.</li>
 *   <li>{@code IGNORE}: left out. It is counted neither way and {@code need} is cut to the
 *       number of checks that have a value; with no check having a value the gate is closed.</li>
 * </ul>
 * Either way the run gets a warning at the first step of each spell without data, naming the
 * check, the date and the signal's reason, and the state it was counted as: never a silent
 * forward-fill, never a value from a later date.
 *
 * <h2>What it records</h2>
 * At every step it is asked, the gate tracks ({@code ctx.track}) each check's signal value as a
 * figure named {@code "<gate>: <check>"}, so the report's Signals section shows each signal as
 * published (NaN where it had no data). Its own state is the user's to track (a
 * {@code BuyFilter} tracks whether it lets buys through), so that one state is not drawn twice.
 */
public final class Gate implements Condition {

    /** How a check compares its signal's value with its level. */
    public enum Comparison {
        /** Holds when {@code value >= level}. */
        AT_LEAST(">="),
        /** Holds when {@code value <= level}. */
        AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double value, double level) {
            return this == AT_LEAST ? value >= level : value <= level;
        }
    }

    /** How a check without data counts. */
    public enum OnMissing {
        /** As not holding: no data, no buying. */
        CLOSED,
        /** Left out of the count; the other checks decide. */
        IGNORE
    }

    /**
     * One check of a gate.
     *
     * @param label  a short label, shown in tracked names and warnings
     * @param signal the signal it reads
     * @param op     how it compares
     * @param level  the level it compares with
     */
    public record Check(String label, DataSignal signal, Comparison op, double level) {

        public Check {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(op, "op");
            if (Double.isNaN(level)) {
                throw new IllegalArgumentException("check " + label + ": level is NaN");
            }
        }

        /** Returns the check as a rule: {@code etf.outflowsStopped(etf_flows, 3d) >= 1}. */
        @Override
        public String toString() {
            return signal.name() + " " + op.symbol + " " + level;
        }
    }

    private final String name;
    private final List<Check> checks;
    private final int need;
    private final int forDays;
    private final OnMissing onMissing;
    private final Condition open;
    private final boolean[] missing;
    private int askedAt = Integer.MIN_VALUE;
    private boolean answer;

    private Gate(String name, List<Check> checks, int need, int forDays, OnMissing onMissing) {
        this.name = name;
        this.checks = List.copyOf(checks);
        this.need = need;
        this.forDays = forDays;
        this.onMissing = onMissing;
        this.missing = new boolean[checks.size()];
        Condition together = this::holdTogether;
        this.open = forDays > 1 ? together.forDays(forDays) : together;
    }

    /** Returns a gate called {@code name} with no checks yet (open at every step until checks are added), need 0, forDays 1, onMissing CLOSED. */
    public static Gate named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gate needs a name");
        }
        return new Gate(name, List.of(), 0, 1, OnMissing.CLOSED);
    }

    /** Returns this gate with one more check. */
    public Gate check(String label, DataSignal signal, Comparison op, double level) {
        return check(new Check(label, signal, op, level));
    }

    /** Returns this gate with one more check. */
    public Gate check(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(Objects.requireNonNull(check, "check"));
        return new Gate(name, more, need, forDays, onMissing);
    }

    /** Returns this gate needing {@code k} of its checks to hold (0: all). */
    public Gate need(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("need must be at least 0 (0: all checks), got " + k);
        }
        return new Gate(name, checks, k, forDays, onMissing);
    }

    /** Returns this gate opening only once its checks have held together for {@code days} calendar days, today included. */
    public Gate forDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("forDays must be at least 1, got " + days);
        }
        return new Gate(name, checks, need, days, onMissing);
    }

    /** Returns this gate counting checks without data as {@code policy} says. */
    public Gate onMissing(OnMissing policy) {
        return new Gate(name, checks, need, forDays, Objects.requireNonNull(policy, "policy"));
    }

    /** Returns the gate's name. */
    public String name() {
        return name;
    }

    /** Returns its checks, in order. */
    public List<Check> checks() {
        return checks;
    }

    /** Returns whether the gate is open at the context's step; ask it at every step. */
    @Override
    public boolean isTrue(StrategyContext ctx) {
        if (checks.size() > 0 && need > checks.size()) {
            throw new IllegalStateException("gate " + name + " needs " + need + " checks to hold but has " + checks.size());
        }
        if (ctx.step() != askedAt) {
            answer = open.isTrue(ctx);
            askedAt = ctx.step();
        }
        return answer;
    }

    /** Returns whether enough checks hold at this step, tracking each signal and warning at each first step without data. */
    private boolean holdTogether(StrategyContext ctx) {
        int holding = 0;
        int known = 0;
        LocalDate today = ctx.date();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            double value = check.signal().value(ctx);
            ctx.track(name + ": " + check.label(), value);
            if (Double.isNaN(value)) {
                if (!missing[i]) {
                    missing[i] = true;
                    ctx.warn(String.format(Locale.ROOT, "gate %s: check \"%s\" has no data from %s (%s); counted as %s"
                            + " (onMissing: %s)", name, check.label(), today, check.signal().unavailable(ctx),
                            onMissing == OnMissing.CLOSED ? "not holding" : "left out", onMissing.name().toLowerCase(Locale.ROOT)));
                }
                continue;
            }
            missing[i] = false;
            known++;
            holding += check.op().holds(value, check.level()) ? 1 : 0;
        }
        if (checks.isEmpty()) {
            return true;
        }
        int counted = onMissing == OnMissing.CLOSED ? checks.size() : known;
        if (counted == 0) {
            return false;
        }
        int required = need == 0 ? counted : Math.min(need, counted);
        return holding >= required;
    }

    /** Returns the gate as its rule: {@code liquidity: 2 of [..] for 3 days}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s of %s for %d day%s, missing data %s", name,
                need == 0 ? "all" : Integer.toString(need), checks, forDays, forDays == 1 ? "" : "s",
                onMissing.name().toLowerCase(Locale.ROOT));
    }
}
