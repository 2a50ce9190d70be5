package dev.crashlab.execution;

import dev.crashlab.data.Symbol;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Fills in order, read field by field: the fields of {@link Fill} for fill {@code k} without a
 * {@code Fill} object per fill. The engine keeps a run's fills as columns (a fill object and its
 * list slot were about 90 B an order); what reads every fill (round trips, notional, positions
 * over time) reads the columns, and {@link #asList()} gives them as {@code Fill}s for the rest.
 * Fills never change once read: a run hands its fills over when it is done.
 */
public interface Fills {

    /** Returns the number of fills. */
    int size();

    /** Returns the id of the order fill {@code k} filled, or 0 for a forced liquidation. */
    long orderId(int k);

    /** Returns the instrument of fill {@code k}. */
    Symbol symbol(int k);

    /** Returns the start of the bar fill {@code k} happened in, UTC epoch milliseconds (see {@link Fill#timeMillis()}). */
    long timeMillis(int k);

    /** Returns the units fill {@code k} bought (positive) or sold (negative). */
    double quantity(int k);

    /** Returns the price per unit of fill {@code k}, slippage included. */
    double price(int k);

    /** Returns the fee paid by fill {@code k}, in quote currency. */
    double fee(int k);

    /** Returns what caused fill {@code k}. */
    Fill.Kind kind(int k);

    /** Returns the tag of fill {@code k}'s order. */
    String tag(int k);

    /** Returns the liquidation price right after fill {@code k} (see {@link Fill#liquidationPrice()}), NaN when there is none. */
    double liquidationPrice(int k);

    /**
     * Returns the carry booked to fill {@code k}'s instrument up to that fill, before it (see
     * {@code Account.carry}), so that a trade knows its carry; 0 when none was recorded.
     */
    default double carryBefore(int k) {
        return 0;
    }

    /** Returns fill {@code k} as a {@code Fill}, built when asked for. */
    default Fill get(int k) {
        return new Fill(orderId(k), symbol(k), timeMillis(k), quantity(k), price(k), fee(k), kind(k), tag(k),
                liquidationPrice(k));
    }

    /**
     * Returns the fills as an unmodifiable list: a view whose elements are built when read (two
     * reads of one fill give equal, not identical, fills).
     */
    default List<Fill> asList() {
        Fills fills = this;
        final class View extends AbstractList<Fill> implements RandomAccess {
            @Override
            public Fill get(int index) {
                Objects.checkIndex(index, fills.size());
                return fills.get(index);
            }

            @Override
            public int size() {
                return fills.size();
            }
        }
        return new View();
    }

    /** Returns {@code fills} read field by field, with no carry recorded. */
    static Fills of(List<Fill> fills) {
        return new Fills() {
            @Override
            public int size() {
                return fills.size();
            }

            @Override
            public long orderId(int k) {
                return fills.get(k).orderId();
            }

            @Override
            public Symbol symbol(int k) {
                return fills.get(k).symbol();
            }

            @Override
            public long timeMillis(int k) {
                return fills.get(k).timeMillis();
            }

            @Override
            public double quantity(int k) {
                return fills.get(k).quantity();
            }

            @Override
            public double price(int k) {
                return fills.get(k).price();
            }

            @Override
            public double fee(int k) {
                return fills.get(k).fee();
            }

            @Override
            public Fill.Kind kind(int k) {
                return fills.get(k).kind();
            }

            @Override
            public String tag(int k) {
                return fills.get(k).tag();
            }

            @Override
            public double liquidationPrice(int k) {
                return fills.get(k).liquidationPrice();
            }

            @Override
            public Fill get(int k) {
                return fills.get(k);
            }

            @Override
            public List<Fill> asList() {
                return Collections.unmodifiableList(fills);
            }
        };
    }
}
