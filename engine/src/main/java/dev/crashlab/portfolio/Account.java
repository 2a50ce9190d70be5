package dev.crashlab.portfolio;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.MaintenanceTiers;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.MarginMode;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Portfolio;
import dev.crashlab.strategy.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's account: cash and signed positions in each instrument of the universe, changed
 * only by fills, external cash flows and carry charges. Strategies never hold it; they read the
 * {@link Portfolio} view from {@link #view}.
 *
 * <h2>Invariant</h2>
 * {@code equity = cash + Σ quantity × mark}, at every moment. Without leverage
 * ({@code Margin.initial = 1}) and without shorts, cash never goes below zero, because every
 * buy must pass {@link #marginAllows} first.
 *
 * <h2>Margin</h2>
 * The account keeps what {@link Margin} describes: the maintenance requirement of each
 * position at its mark, and in isolated mode each position's own margin ({@code initial ×}
 * the notional of the fills that opened or added to it, released in proportion as it is
 * reduced). {@link #liquidationPrice(int)} solves where a position would be liquidated.
 *
 * <h2>Carry by instrument</h2>
 * Carry is charged to the cash; {@link #carry(int)} keeps, per instrument, the part of it that
 * the instrument's position caused (its short's funding or borrow, and its long's share of the
 * interest on borrowed cash), so that trades can carry their own cost.
 *
 * <h2>Average cost</h2>
 * Adding to a position moves its average cost to the quantity-weighted mean of the fills;
 * reducing it realises {@code quantity × (price − average cost)} (sign-adjusted for shorts) and
 * keeps the average; crossing zero realises the whole position and opens the rest at the fill
 * price. Fees are kept apart ({@link #feesPaid()}).
 */
public final class Account {

    private final Symbol[] symbols;
    // Keyed by the symbol's text: strategies name instruments by strings (see Portfolio).
    private final Map<String, Integer> index = new HashMap<>();
    private final Margin margin;
    private final double[] quantity;
    private final double[] averageCost;
    private final double[] realized;
    private final double[] mark;
    private final double[] carry;
    // Isolated mode: the margin backing each position; unused in cross mode.
    private final double[] isolated;
    private final boolean isolatedMode;
    private final MaintenanceTiers tiers;
    private double cash;
    private double feesPaid;
    private double financingPaid;
    private double netContributions;
    private double contributionNow;
    // The symbol indexOf was last asked for, and its answer.
    private String lastSymbol;
    private int lastIndex = -1;
    // Counts kept by applyFill, so that the engine's per-step checks need no loop.
    private int openPositions;
    private int shortPositions;

    /** Creates an account over {@code instruments} holding {@code initialCash}. */
    public Account(List<Instrument> instruments, double initialCash, Margin margin) {
        int n = instruments.size();
        this.symbols = new Symbol[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = instruments.get(i).symbol();
            index.put(symbols[i].value(), i);
        }
        this.margin = margin;
        this.quantity = new double[n];
        this.averageCost = new double[n];
        this.realized = new double[n];
        this.mark = new double[n];
        this.carry = new double[n];
        this.isolated = new double[n];
        this.isolatedMode = margin.mode() == MarginMode.ISOLATED;
        this.tiers = margin.maintenance();
        java.util.Arrays.fill(averageCost, Double.NaN);
        java.util.Arrays.fill(mark, Double.NaN);
        this.cash = initialCash;
    }

    /** Returns the index of the instrument whose symbol is {@code symbol}, or -1 when the universe does not hold it. */
    public int indexOf(String symbol) {
        // A strategy names its instrument with the same String at every step: one comparison
        // instead of hashing and comparing it in the map.
        if (symbol == lastSymbol) {
            return lastIndex;
        }
        Integer i = index.get(symbol);
        lastIndex = i == null ? -1 : i;
        lastSymbol = symbol;
        return lastIndex;
    }

    /**
     * Returns {@code the universe holds [A, B]}, its symbols in universe order: the one wording of
     * every message about a symbol the universe does not hold.
     */
    public String universeText() {
        return "the universe holds " + java.util.Arrays.toString(symbols);
    }

    /** Returns the cash balance. */
    public double cash() {
        return cash;
    }

    /** Returns the quantity held of instrument {@code i}. */
    public double quantity(int i) {
        return quantity[i];
    }

    /** Returns the mark price of instrument {@code i}, NaN before its first bar. */
    public double mark(int i) {
        return mark[i];
    }

    /** Sets the mark price of instrument {@code i}. */
    public void setMark(int i, double price) {
        mark[i] = price;
    }

    /** Returns {@code cash + Σ quantity × mark}. */
    public double equity() {
        double equity = cash;
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] != 0) {
                equity += quantity[i] * mark[i];
            }
        }
        return equity;
    }

    /** Returns {@code Σ |quantity × mark|}. */
    public double grossExposure() {
        double gross = 0;
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] != 0) {
                gross += Math.abs(quantity[i] * mark[i]);
            }
        }
        return gross;
    }

    /** Returns {@code Σ quantity × mark}. */
    public double netExposure() {
        return equity() - cash;
    }

    /** Returns whether any position is open. */
    public boolean isInvested() {
        return openPositions > 0;
    }

    /** Returns whether any position is short. */
    public boolean hasShorts() {
        return shortPositions > 0;
    }

    /** Returns the fees paid so far. */
    public double feesPaid() {
        return feesPaid;
    }

    /** Returns the carry paid so far (borrow, funding, interest on borrowed cash); negative when received. */
    public double financingPaid() {
        return financingPaid;
    }

    /** Returns the sum of external flows so far. */
    public double netContributions() {
        return netContributions;
    }

    /** Starts a new step: the external cash of the previous one no longer counts as arriving now. */
    public void beginStep() {
        contributionNow = 0;
    }

    /** Adds an external cash flow: a contribution (positive) or a withdrawal (negative). */
    public void contribute(double amount) {
        cash += amount;
        netContributions += amount;
        contributionNow += amount;
    }

    /** Charges carry (borrow, funding or interest): positive amounts are paid, negative received. */
    public void chargeFinancing(double amount) {
        cash -= amount;
        financingPaid += amount;
    }

    /** Books {@code amount} of carry already charged as caused by instrument {@code i}'s position. */
    public void attributeCarry(int i, double amount) {
        carry[i] += amount;
        if (isolatedMode && quantity[i] != 0) {
            // An isolated position pays its carry from its own margin, as on a venue: funding brings
            // it nearer its liquidation.
            isolated[i] -= amount;
        }
    }

    /** Returns the carry booked to instrument {@code i} so far (see "Carry by instrument"). */
    public double carry(int i) {
        return carry[i];
    }

    /**
     * Applies a fill of {@code delta} units of instrument {@code i} at {@code price}, paying
     * {@code fee}: cash, quantity, average cost and realised profit change; the mark does not.
     */
    public void applyFill(int i, double delta, double price, double fee) {
        cash -= delta * price + fee;
        feesPaid += fee;
        double q = quantity[i];
        double after = q + delta;
        if (q == 0 || Math.signum(q) == Math.signum(delta)) {
            averageCost[i] = q == 0 ? price : (q * averageCost[i] + delta * price) / after;
        } else if (Math.abs(delta) <= Math.abs(q)) {
            realized[i] += -delta * (price - averageCost[i]);
            if (after == 0 || Math.abs(after) < Math.abs(q) * 1e-12) {
                after = 0;
                averageCost[i] = Double.NaN;
            }
        } else {
            realized[i] += q * (price - averageCost[i]);
            averageCost[i] = price;
        }
        if (isolatedMode) {
            if (after == 0) {
                isolated[i] = 0;
            } else if (q == 0 || Math.signum(q) != Math.signum(after)) {
                isolated[i] = margin.initial() * Math.abs(after) * price;
            } else if (Math.abs(after) > Math.abs(q)) {
                isolated[i] += margin.initial() * Math.abs(delta) * price;
            } else {
                isolated[i] *= Math.abs(after) / Math.abs(q);
            }
        }
        openPositions += (after != 0 ? 1 : 0) - (q != 0 ? 1 : 0);
        shortPositions += (after < 0 ? 1 : 0) - (q < 0 ? 1 : 0);
        quantity[i] = after;
    }

    /** Returns whether positions are held in isolated margin. */
    public boolean isIsolated() {
        return isolatedMode;
    }

    /** Returns the maintenance requirement of a position of {@code notional}. */
    public double maintenance(double notional) {
        return tiers.requirement(notional);
    }

    /** Returns {@code Σ requirement(|quantity × mark|)} over the open positions. */
    public double maintenanceRequired() {
        double required = 0;
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] != 0) {
                required += tiers.requirement(Math.abs(quantity[i] * mark[i]));
            }
        }
        return required;
    }

    /**
     * Returns whether a price move could liquidate anything: in cross mode, only shorts or
     * borrowed cash can (a long paid in full cannot fall below a requirement under 100 % of its
     * notional); in isolated mode, a short or a long on margin.
     */
    public boolean atRisk() {
        if (!isolatedMode) {
            return openPositions > 0 && (shortPositions > 0 || cash < 0);
        }
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] < 0 || (quantity[i] > 0 && isolated[i] < quantity[i] * averageCost[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns what backs instrument {@code i}'s position apart from its own value, the
     * {@code backing} of {@link MaintenanceTiers#liquidationPrice}: in isolated mode its margin
     * less its cost, {@code margin − q × average cost}; in cross mode the cash and the other
     * positions at their marks net of their requirements.
     */
    private double backing(int i) {
        if (isolatedMode) {
            return isolated[i] - quantity[i] * averageCost[i];
        }
        double backing = cash;
        for (int j = 0; j < quantity.length; j++) {
            if (j != i && quantity[j] != 0) {
                backing += quantity[j] * mark[j] - tiers.requirement(Math.abs(quantity[j] * mark[j]));
            }
        }
        return backing;
    }

    /**
     * Returns the price of instrument {@code i} at which its position would be liquidated, the
     * other marks unchanged; NaN when it cannot be (flat, or a long paid in full in cross mode).
     */
    public double liquidationPrice(int i) {
        return quantity[i] == 0 ? Double.NaN : tiers.liquidationPrice(quantity[i], backing(i));
    }

    /** Returns the isolated margin backing instrument {@code i}'s position (0 in cross mode). */
    public double isolatedMargin(int i) {
        return isolated[i];
    }

    /**
     * Returns whether the account would still meet the initial margin after a fill of
     * {@code delta} units of instrument {@code i} at {@code price} (instrument marked at
     * {@code marketPrice}) paying {@code fee}. A fill that only reduces a position is always
     * allowed. The comparison allows a relative 1e-9 for rounding.
     */
    public boolean marginAllows(int i, double delta, double price, double marketPrice, double fee) {
        double q = quantity[i];
        if (q != 0 && Math.signum(q) != Math.signum(delta) && Math.abs(delta) <= Math.abs(q)) {
            // Reducing is always allowed, except that a cash account cannot pay a fee larger than
            // the sale's proceeds with cash it does not have.
            double cashAfter = cash - delta * price - fee;
            return margin.initial() < 1 || cashAfter >= -1e-9 * Math.max(1, Math.abs(cash));
        }
        if (isolatedMode) {
            return isolatedAllows(i, delta, price, fee);
        }
        double equityAfter = equityWith(i, marketPrice) - delta * (price - marketPrice) - fee;
        double grossAfter = grossWith(i, marketPrice) - Math.abs(q) * marketPrice + Math.abs(q + delta) * marketPrice;
        double slack = 1e-9 * Math.max(1, Math.abs(equityAfter));
        return margin.initial() * grossAfter <= equityAfter + slack
                && (margin.initial() >= 1 || maintenanceWith(i, q + delta, marketPrice) <= equityAfter + slack);
    }

    /**
     * Returns the collateral free to back a new isolated position: the wallet (cash and every
     * position at its cost, so unrealised profit counts for nothing) less the margin locked in
     * the isolated positions.
     */
    private double freeCollateral() {
        double free = cash;
        for (int j = 0; j < quantity.length; j++) {
            if (quantity[j] != 0) {
                free += quantity[j] * averageCost[j] - isolated[j];
            }
        }
        return free;
    }

    /**
     * Returns whether, in isolated mode, a fill of {@code delta} units of instrument {@code i} at
     * {@code price} paying {@code fee} leaves the free collateral non-negative, its position's own
     * margin above its maintenance requirement: the margin it adds ({@code initial ×} the notional
     * it opens) and the fee must come out of the wallet, not out of another position's profit.
     */
    private boolean isolatedAllows(int i, double delta, double price, double fee) {
        double q = quantity[i];
        double after = q + delta;
        double averageAfter;
        double isolatedAfter;
        if (q == 0 || Math.signum(q) != Math.signum(after)) {
            averageAfter = price;
            isolatedAfter = margin.initial() * Math.abs(after) * price;
        } else {
            averageAfter = (q * averageCost[i] + delta * price) / after;
            isolatedAfter = isolated[i] + margin.initial() * Math.abs(delta) * price;
        }
        double free = freeCollateral() - (q == 0 ? 0 : q * averageCost[i] - isolated[i]) - delta * price - fee
                + after * averageAfter - isolatedAfter;
        double slack = 1e-9 * Math.max(1, Math.abs(cash));
        return free >= -slack && isolatedAfter + after * (price - averageAfter)
                >= tiers.requirement(Math.abs(after) * price) - slack;
    }

    /** Returns the maintenance requirement with instrument {@code i} holding {@code units} at {@code price}. */
    private double maintenanceWith(int i, double units, double price) {
        double required = units == 0 ? 0 : tiers.requirement(Math.abs(units) * price);
        for (int j = 0; j < quantity.length; j++) {
            if (j != i && quantity[j] != 0) {
                required += tiers.requirement(Math.abs(quantity[j] * mark[j]));
            }
        }
        return required;
    }

    /**
     * Returns the largest quantity, in the direction of {@code direction} (+1 buy, −1 sell), that
     * instrument {@code i} can trade at {@code price} (marked at {@code marketPrice}) under the
     * initial margin, with fee rate {@code feeRate} and fixed fee {@code fixedFee}: closing the
     * current position is always allowed; beyond that, new exposure is limited.
     */
    public double maxQuantity(int i, int direction, double price, double marketPrice, double feeRate, double fixedFee) {
        double q = quantity[i];
        double closing = (q != 0 && Math.signum(q) != direction) ? Math.abs(q) : 0;
        double equityAfterClose = equityWith(i, marketPrice) - closing * Math.abs(price - marketPrice)
                - closing * feeRate * price - (closing > 0 ? fixedFee : 0);
        double grossAfterClose = grossWith(i, marketPrice) - (closing > 0 ? Math.abs(q) * marketPrice : 0);
        double perUnit = margin.initial() * marketPrice + Math.abs(price - marketPrice) + feeRate * price;
        double room = equityAfterClose - (closing > 0 ? 0 : fixedFee) - margin.initial() * grossAfterClose;
        if (isolatedMode) {
            // Closing releases the position's margin and realises its profit into the wallet; what
            // opens is paid from the free collateral: initial margin and fee per unit.
            double freeAfterClose = freeCollateral() + (closing > 0
                    ? isolated[i] + q * (price - averageCost[i]) - closing * feeRate * price - fixedFee : -fixedFee);
            perUnit = margin.initial() * price + feeRate * price;
            room = freeAfterClose;
        }
        double max = closing + Math.max(0, room / perUnit);
        // The initial margin nearly always binds first; where a high tier's maintenance rate
        // exceeds it (very large notionals), shrink until the maintenance requirement is met too.
        for (int k = 0; k < 200 && max > closing
                && !marginAllows(i, direction * max, price, marketPrice, feeRate * max * price + fixedFee); k++) {
            max = closing + (max - closing) * 0.95;
        }
        return max;
    }

    private double equityWith(int i, double price) {
        return quantity[i] == 0 ? equity() : equity() + quantity[i] * (price - mark[i]);
    }

    private double grossWith(int i, double price) {
        return quantity[i] == 0 ? grossExposure()
                : grossExposure() - Math.abs(quantity[i] * mark[i]) + Math.abs(quantity[i] * price);
    }

    /** Returns the position in instrument {@code i}. */
    public Position position(int i) {
        return new Position(symbols[i].value(), quantity[i], averageCost[i], mark[i], realized[i], liquidationPrice(i));
    }

    /**
     * Returns a read-only view for strategies, which cannot be cast back to the account;
     * {@code openOrders} supplies the engine's open orders and {@code committedCash} what their
     * buys are expected to spend.
     */
    public Portfolio view(Supplier<List<Order>> openOrders, java.util.function.DoubleSupplier committedCash) {
        return new View(openOrders, committedCash);
    }

    private final class View implements Portfolio {
        private final Supplier<List<Order>> openOrders;
        private final java.util.function.DoubleSupplier committedCash;

        private View(Supplier<List<Order>> openOrders, java.util.function.DoubleSupplier committedCash) {
            this.openOrders = openOrders;
            this.committedCash = committedCash;
        }

        @Override
        public double cash() {
            return cash;
        }

        @Override
        public double availableCash() {
            return cash - committedCash.getAsDouble();
        }

        @Override
        public double equity() {
            return Account.this.equity();
        }

        @Override
        public double quantity(String symbol) {
            int i = indexOf(symbol);
            return i < 0 ? 0 : quantity[i];
        }

        @Override
        public Position position(String symbol) {
            int i = indexOf(symbol);
            if (i < 0) {
                throw new IllegalArgumentException("unknown symbol \"" + symbol + "\": " + universeText());
            }
            return Account.this.position(i);
        }

        @Override
        public List<Position> positions() {
            List<Position> open = new ArrayList<>();
            for (int i = 0; i < symbols.length; i++) {
                if (quantity[i] != 0) {
                    open.add(Account.this.position(i));
                }
            }
            return open;
        }

        @Override
        public double grossExposure() {
            return Account.this.grossExposure();
        }

        @Override
        public double netExposure() {
            return Account.this.netExposure();
        }

        @Override
        public double marginUsed() {
            return margin.initial() * Account.this.grossExposure();
        }

        @Override
        public double maintenanceRequired() {
            return Account.this.maintenanceRequired();
        }

        @Override
        public double maxLeverage() {
            return margin.maxLeverage();
        }

        @Override
        public List<Order> openOrders() {
            return openOrders.get();
        }

        @Override
        public double contributionNow() {
            return contributionNow;
        }

        @Override
        public double netContributions() {
            return netContributions;
        }

        @Override
        public String toString() {
            return "Portfolio(cash=" + cash + ", equity=" + Account.this.equity() + ", positions=" + positions() + ")";
        }
    }
}
