package dev.crashlab.metrics;

import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Fills;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives trades (round trips) from fills, so that trade statistics rest on the same record as
 * the accounting. A fill that crosses zero closes one trade and opens the next; its fee is split
 * between them in proportion to quantity.
 *
 * <p>A trade's carry is what its instrument was charged between its entry fill and its exit
 * fill (see {@code Account.carry}): the engine records, with each fill, the instrument's carry
 * so far, so a trade's carry is the difference of the two records, and an open trade's runs to
 * the instrument's final carry.
 */
public final class RoundTrips {

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final Comparator<Trade> ENTRY_ORDER =
            Comparator.comparing(Trade::entryTime).thenComparing(t -> t.symbol().value());

    private RoundTrips() {
    }

    /**
     * Returns the trades of {@code fills} (in time order), closed ones and those still open (valued
     * at {@code finalMarks} at {@code end}), ordered by entry time, then symbol.
     */
    public static List<Trade> from(List<Fill> fills, Map<Symbol, Double> finalMarks, Instant end) {
        return from(Fills.of(fills), finalMarks, Map.of(), end);
    }

    /**
     * Returns the trades of {@code fills} as {@link #from(List, Map, Instant)} does, each with the
     * carry charged while it was open: {@link Fills#carryBefore} is the carry of fill k's
     * instrument up to that fill, {@code finalCarry} each instrument's carry at the end (an empty
     * map for none). The fills are read field by field: no {@code Fill} is built.
     */
    public static List<Trade> from(Fills fills, Map<Symbol, Double> finalMarks, Map<Symbol, Double> finalCarry,
            Instant end) {
        Map<Symbol, Builder> open = new LinkedHashMap<>();
        List<Trade> trades = new ArrayList<>();
        // The previous fill's symbol and its open trade: fills of one instrument in a row (every
        // fill of a one-instrument run) find their trade without hashing the symbol again.
        Symbol lastSymbol = null;
        Builder lastCurrent = null;
        for (int k = 0; k < fills.size(); k++) {
            Symbol symbol = fills.symbol(k);
            double quantity = fills.quantity(k);
            double carryNow = fills.carryBefore(k);
            double remaining = quantity;
            double fee = fills.fee(k);
            Builder current = symbol == lastSymbol ? lastCurrent : open.get(symbol);
            if (current != null && Math.signum(remaining) != current.side) {
                double closing = Math.min(Math.abs(remaining), Math.abs(current.quantity));
                double share = closing / Math.abs(remaining);
                current.exit(closing, fills.price(k), fee * share, fills.kind(k) == Fill.Kind.LIQUIDATION);
                remaining += current.side * closing;
                fee -= fee * share;
                if (current.isFlat()) {
                    trades.add(current.close(fills.timeMillis(k), Double.NaN, false, carryNow));
                    open.remove(symbol);
                    current = null;
                }
            }
            if (Math.abs(remaining) > 1e-15 * Math.abs(quantity)) {
                if (current == null) {
                    current = new Builder(symbol, fills.timeMillis(k), Math.signum(remaining), carryNow);
                    open.put(symbol, current);
                }
                current.enter(remaining, fills.price(k), fee);
            }
            lastSymbol = symbol;
            lastCurrent = current;
        }
        for (Builder b : open.values()) {
            Double mark = finalMarks.get(b.symbol);
            Double carry = finalCarry.get(b.symbol);
            trades.add(b.close(end.toEpochMilli(), mark == null ? Double.NaN : mark, true, carry == null ? b.carryAtEntry : carry));
        }
        // Closed trades come in exit order; with one instrument or no overlap that is entry order too.
        if (!sorted(trades)) {
            trades.sort(ENTRY_ORDER);
        }
        return java.util.Collections.unmodifiableList(trades);
    }

    private static boolean sorted(List<Trade> trades) {
        for (int i = 1; i < trades.size(); i++) {
            if (ENTRY_ORDER.compare(trades.get(i - 1), trades.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        final Symbol symbol;
        final long entryMillis;
        final double side;
        final double carryAtEntry;
        double quantity;
        double entered;
        double enteredValue;
        double exited;
        double exitedValue;
        double fees;
        boolean liquidated;

        Builder(Symbol symbol, long entryMillis, double side, double carryAtEntry) {
            this.symbol = symbol;
            this.entryMillis = entryMillis;
            this.side = side;
            this.carryAtEntry = carryAtEntry;
        }

        void enter(double signedQuantity, double price, double fee) {
            quantity += signedQuantity;
            entered += Math.abs(signedQuantity);
            enteredValue += Math.abs(signedQuantity) * price;
            fees += fee;
        }

        void exit(double units, double price, double fee, boolean byLiquidation) {
            quantity -= side * units;
            exited += units;
            exitedValue += units * price;
            fees += fee;
            liquidated |= byLiquidation;
        }

        boolean isFlat() {
            return Math.abs(quantity) <= 1e-12 * entered;
        }

        Trade close(long exitMillis, double markForRest, boolean stillOpen, double carryAtExit) {
            double rest = entered - exited;
            double exitValue = exitedValue + (stillOpen ? rest * markForRest : 0);
            double exitUnits = exited + (stillOpen ? rest : 0);
            double carry = carryAtExit - carryAtEntry;
            double pnl = side * (exitValue - enteredValue) - fees - carry;
            double holding = (exitMillis - entryMillis) / DAY_MILLIS;
            return new Trade(symbol, side > 0 ? Trade.Side.LONG : Trade.Side.SHORT, Instant.ofEpochMilli(entryMillis),
                    Instant.ofEpochMilli(exitMillis),
                    enteredValue / entered, exitValue / exitUnits, entered, pnl, pnl / enteredValue, fees, holding,
                    stillOpen, liquidated, carry);
        }
    }
}
