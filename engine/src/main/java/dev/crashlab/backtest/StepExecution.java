package dev.crashlab.backtest;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.BarPath;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Liquidation;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.PathRule;
import dev.crashlab.portfolio.Account;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.util.Locale;

/**
 * Executes one step's bars as paths: every price-triggered event of the step happens in the
 * order the bars' paths ({@link BarPath}, ordered by the run's {@link PathRule}) reach it.
 *
 * <h2>The walk</h2>
 * The bars of the instruments with a bar at the step walk their paths in lockstep, from the
 * previous close (the gap) through the open and both extremes to the close. At each point the
 * next event is the earliest of: a waiting order reaching its trigger (a market order at the
 * open, a limit or stop where the path reaches its price, on the gap where the open is beyond
 * it, then at the open) and the account's (cross) or a position's (isolated) liquidation level.
 * A liquidation and an order at the same point: the liquidation first. After each event the
 * positions have changed, so the next one is sought again from that point: a position opened
 * at the open is checked against its liquidation level for the rest of its bar.
 *
 * <h2>Detail bars</h2>
 * When every instrument with a bar at the step has detail bars ({@code MarketData.detail}) that
 * cover its bar completely (each sub-bar present, on its interval's grid), the walk runs over the
 * sub-bars in time order instead of the bar: each sub-bar is a path of its own (from the previous
 * sub-bar's close through its open, its extremes in the rule's order, to its close), all
 * instruments' sub-bars in lockstep, and an event happens in the first sub-bar whose path reaches
 * it: market orders at the first sub-bar's open, stops, limits and liquidations where the real
 * path first crosses them. A fill's time is then its sub-bar's start. A step whose detail is
 * missing in part falls back to the rule for every instrument. The run counts the bars resolved
 * each way, and of those resolved by the rule the ambiguous ones ({@link #ambiguous()}).
 *
 * <h2>Prices</h2>
 * An event on the gap fills at the open; elsewhere at the level the path reaches (a stop then
 * moved by the slippage, never beyond the bar's range). At the moment of a fill the other
 * instruments are marked at their path's price at that point, so margin checks and target
 * weights see the account as it stands there.
 */
final class StepExecution {

    private final Run run;
    private final Account account;
    private final Costs costs;
    private final Margin margin;
    private final PathRule rule;
    private final BarPath[] paths;
    private final double[] quantities;
    private final double[] marks;
    // The positions held when the step began: a liquidation's loss is counted from the previous
    // close for them, from the entry for a position opened during the bar.
    private final double[] heldAtStart;
    // Why each position closed at its next open by a cross liquidation was liquidated.
    private final String[] forcedReasons;
    // Each instrument's detail bars (null: none), and on a step walked on them, the index of its
    // bar's first sub-bar; segment is the sub-bar being walked, -1 on a step walked by the rule.
    private final OhlcvSeries[] detail;
    private final int[] firstSub;
    /** Whether any instrument has detail bars: without, every step is walked by the rule. */
    private final boolean anyDetail;
    private int segment = -1;

    StepExecution(Run run) {
        this.run = run;
        this.account = run.account;
        this.costs = run.costs;
        this.margin = run.margin;
        this.rule = run.costs.pathRule();
        this.paths = new BarPath[run.n];
        this.quantities = new double[run.n];
        this.marks = new double[run.n];
        this.heldAtStart = new double[run.n];
        this.forcedReasons = new String[run.n];
        this.detail = run.shared.detail; // shared by the runs over the same data, only read
        this.firstSub = new int[run.n];
        this.anyDetail = run.shared.anyDetail;
    }

    /** Walks the step's bars, resolving waiting orders and liquidations in path order; marks are left at the point of the last event. */
    void walkBars() {
        startStep();
        int sub = subBars();
        int walked = 0;
        for (int i = 0; i < run.n; i++) {
            walked += run.fresh[i] ? 1 : 0;
        }
        if (sub == 0) {
            run.ruleBars += walked;
            if (ambiguous()) {
                run.ambiguousBars++;
            }
            walk();
            return;
        }
        run.detailBars += walked;
        // Once nothing waits and nothing can be liquidated, the rest of the bar holds no event.
        for (segment = 0; segment < sub && (!run.pending.isEmpty() || account.atRisk()); segment++) {
            for (int i = 0; i < run.n; i++) {
                paths[i] = null;
            }
            walk();
        }
        segment = -1;
    }

    /**
     * Returns the number of sub-bars every instrument with a bar at the step has detail for,
     * noting where each one's first sub-bar is; 0 when any of them lacks complete detail (or the
     * instruments' detail differs in length): the step is then walked by the rule.
     */
    private int subBars() {
        if (!anyDetail) {
            return 0;
        }
        int sub = 0;
        for (int i = 0; i < run.n; i++) {
            if (!run.fresh[i]) {
                continue;
            }
            OhlcvSeries d = detail[i];
            if (d == null) {
                return 0;
            }
            long start = run.bars[i].timeMillis(run.cur[i]);
            long length = d.interval().nominal().toMillis();
            long count = (run.bars[i].endMillis(run.cur[i]) - start) / length;
            if (sub != 0 && count != sub) {
                return 0;
            }
            int first = d.indexAtOrBefore(start - 1) + 1;
            if (first + count > d.size()) {
                return 0;
            }
            for (int k = 0; k < count; k++) {
                if (d.timeMillis(first + k) != start + k * length) {
                    return 0;
                }
            }
            firstSub[i] = first;
            sub = (int) count;
        }
        return sub;
    }

    /**
     * Returns whether the step, walked by the rule, is ambiguous: some instrument with a bar at it
     * has, as the step opens, a price-triggered level inside its bar above the open (reached only
     * on the way to the high) and another below it (reached only on the way to the low). The
     * levels are the prices of its waiting limit and stop orders and, for a position that can be
     * liquidated, its liquidation price (the other marks held). Only then can the order of the
     * extremes change which event comes first; with every level on one side of the open the
     * high-first and the low-first path reach them in the same order, at the same prices.
     */
    private boolean ambiguous() {
        if (!run.pending.anyPriced()) {
            // No limit or stop waits (market orders alone, or none): a position has one
            // liquidation level, on one side of the open, and a market order none.
            return false;
        }
        for (int i = 0; i < run.n; i++) {
            if (!run.fresh[i]) {
                continue;
            }
            OhlcvSeries s = run.bars[i];
            int b = run.cur[i];
            // The bar's extremes are read only when a priced order waits: a step that fills market
            // orders alone (most trading steps) is never ambiguous, and the high and low arrays are
            // not in cache there (a miss each was a tenth of the SMA crossover's run).
            double open = Double.NaN;
            double high = Double.NaN;
            double low = Double.NaN;
            boolean up = false;
            boolean down = false;
            // Indexed, not for-each: this runs on every walked step, and an iterator each time adds up.
            WaitingOrders pending = run.pending;
            for (int k = 0; k < pending.size(); k++) {
                if (pending.instrument(k) == i && !pending.forced(k) && pending.type(k) != OrderType.MARKET) {
                    if (Double.isNaN(open)) {
                        open = s.open(b);
                        high = s.high(b);
                        low = s.low(b);
                    }
                    double level = pending.price(k);
                    up |= level > open && level <= high;
                    down |= level < open && level >= low;
                }
            }
            if (account.quantity(i) != 0 && account.atRisk() && (up || down)) {
                double level = account.liquidationPrice(i);
                up |= level > open && level <= high;
                down |= level < open && level >= low;
            }
            if (up && down) {
                return true;
            }
        }
        return false;
    }

    /** Walks the current paths (the bars', or the current sub-bars'), from the gap to the close. */
    private void walk() {
        double at = 0;
        WaitingOrders pending = run.pending;
        while (true) {
            int next = -1;
            double nextAt = Double.POSITIVE_INFINITY;
            double nextPrice = Double.NaN;
            for (int k = 0; k < pending.size(); k++) {
                if (!eligible(k)) {
                    continue;
                }
                int i = pending.instrument(k);
                OrderType type = pending.type(k);
                double position;
                double price;
                int direction = type == OrderType.MARKET ? 1 : direction(k, i, fillPrice(i, at));
                if (direction == 0 || type == OrderType.MARKET) {
                    // Market orders, and orders with nothing left to trade (resolved with a note), go at the open.
                    position = Math.max(at, BarPath.OPEN);
                    price = fillPrice(i, position);
                } else {
                    boolean limit = type == OrderType.LIMIT;
                    // A buy limit and a sell stop wait for the price to come down to them; the others for it to rise.
                    BarPath.Reach reach = path(i).reach(pending.price(k), limit == direction > 0, at);
                    if (reach == null) {
                        continue;
                    }
                    position = reach.position();
                    price = reach.price();
                }
                if (position < nextAt) {
                    next = k;
                    nextAt = position;
                    nextPrice = price;
                }
            }
            double liquidated = liquidate(at, next < 0 ? BarPath.CLOSE : nextAt);
            if (!Double.isNaN(liquidated)) {
                at = liquidated;
                continue;
            }
            if (next < 0) {
                return;
            }
            int i = pending.instrument(next);
            boolean forced = pending.forced(next);
            at = nextAt;
            markAt(at);
            if (forced) {
                pending.remove(next);
                closeForced(i, nextPrice);
            } else {
                // Filled from its columns, then removed: filling reads no other waiting order.
                fill(next, i, nextPrice, pending.type(next) != OrderType.LIMIT);
                pending.remove(next);
            }
        }
    }

    /** Fills the waiting market orders of instruments with a bar at their close (close-fill mode), checking the margin after each. */
    void fillAtClose() {
        startStep();
        WaitingOrders pending = run.pending;
        for (int k = 0; k < pending.size(); ) {
            int i = pending.instrument(k);
            if (run.fresh[i] && pending.type(k) == OrderType.MARKET && !pending.forced(k)) {
                fill(k, i, run.bars[i].close(run.cur[i]), true);
                pending.remove(k);
                liquidate(BarPath.CLOSE, BarPath.CLOSE);
                k = 0;
            } else {
                k++;
            }
        }
    }

    /**
     * Starts a walk: notes the positions held, and forgets the paths of the previous step (a
     * path is built when first needed: market orders at the open need none).
     */
    private void startStep() {
        for (int i = 0; i < run.n; i++) {
            heldAtStart[i] = account.quantity(i);
            paths[i] = null;
        }
    }

    /**
     * Returns the path of instrument {@code i}'s current bar (it has a bar at the step), or of its
     * current sub-bar on a step walked on detail, from the close before it.
     */
    private BarPath path(int i) {
        BarPath path = paths[i];
        if (path == null) {
            OhlcvSeries s = walked(i);
            int b = walkedIndex(i);
            path = BarPath.of(b > 0 ? s.close(b - 1) : Double.NaN, s.open(b), s.high(b), s.low(b), s.close(b), rule);
            paths[i] = path;
        }
        return path;
    }

    /** Returns the bars walked for instrument {@code i}: its detail bars on a step walked on them, else its own. */
    private OhlcvSeries walked(int i) {
        return segment < 0 ? run.bars[i] : detail[i];
    }

    /** Returns the index, in {@link #walked}, of the bar being walked for instrument {@code i}. */
    private int walkedIndex(int i) {
        return segment < 0 ? run.cur[i] : firstSub[i] + segment;
    }

    /** Returns the paths of the held instruments with a bar at the step ({@code null} for the others: none is read). */
    private BarPath[] heldPaths() {
        for (int i = 0; i < run.n; i++) {
            if (run.fresh[i] && account.quantity(i) != 0) {
                path(i);
            }
        }
        return paths;
    }

    /**
     * Returns whether the account meets its requirement even with every held instrument at its
     * bar's adverse extreme (longs at the low, shorts at the high): each position's part of the
     * surplus, {@code q p − requirement(|q| p)}, is smallest there, so no point of the step's paths
     * can be below. Most steps of a leveraged run end here, without building a path.
     */
    private boolean safeAtTheExtremes() {
        double lowest = account.cash();
        for (int i = 0; i < run.n; i++) {
            double q = account.quantity(i);
            if (q == 0) {
                continue;
            }
            double p = !run.fresh[i] ? account.mark(i)
                    : q > 0 ? walked(i).low(walkedIndex(i)) : walked(i).high(walkedIndex(i));
            lowest += q * p - account.maintenance(Math.abs(q) * p);
        }
        return lowest >= 0;
    }

    /** Returns what a fill of instrument {@code i} (it has a bar at the step) gets at {@code position}: the open up to it. */
    private double fillPrice(int i, double position) {
        return position <= BarPath.OPEN ? walked(i).open(walkedIndex(i)) : path(i).price(position);
    }

    /** Returns whether the {@code k}-th waiting order may fill on its instrument's current bar. */
    private boolean eligible(int k) {
        WaitingOrders pending = run.pending;
        int i = pending.instrument(k);
        return run.fresh[i] && (pending.forced(k) || pending.type(k) != OrderType.MARKET || !run.closeFills)
                && run.bars[i].timeMillis(run.cur[i]) >= pending.decided(k);
    }

    /** Returns +1 to buy, −1 to sell, 0 for no trade, for the {@code k}-th waiting order on instrument {@code i} at {@code price}. */
    private int direction(int k, int i, double price) {
        double q = account.quantity(i);
        WaitingOrders pending = run.pending;
        return switch (pending.sizing(k)) {
            case CLOSE -> q > 0 ? -1 : (q < 0 ? 1 : 0);
            case TARGET_WEIGHT -> {
                // Flat before its first bar the instrument has no mark yet (NaN): it adds nothing.
                double equity = q == 0 ? account.equity() : account.equity() + q * (price - account.mark(i));
                double target = pending.amount(k) * equity / price;
                yield target > q ? 1 : (target < q ? -1 : 0);
            }
            default -> pending.side(k).sign();
        };
    }

    /** Marks every instrument with a bar at its fill price at {@code position}. */
    private void markAt(double position) {
        for (int i = 0; i < run.n; i++) {
            if (run.fresh[i]) {
                account.setMark(i, fillPrice(i, position));
            }
        }
    }

    /**
     * Liquidates what the path takes below its maintenance requirement at or after {@code from}
     * and no later than {@code until}; returns the position where it did, or NaN.
     */
    private double liquidate(double from, double until) {
        if (!account.atRisk()) {
            return Double.NaN;
        }
        if (account.isIsolated()) {
            int first = -1;
            BarPath.Reach firstReach = null;
            for (int i = 0; i < run.n; i++) {
                double q = account.quantity(i);
                double level = q == 0 || !run.fresh[i] ? Double.NaN : account.liquidationPrice(i);
                BarPath.Reach reach = Double.isNaN(level) ? null : path(i).reach(level, q > 0, from);
                if (reach != null && reach.position() <= until
                        && (firstReach == null || reach.position() < firstReach.position())) {
                    first = i;
                    firstReach = reach;
                }
            }
            if (first < 0) {
                return Double.NaN;
            }
            markAt(firstReach.position());
            liquidateIsolated(first, firstReach.price());
            return firstReach.position();
        }
        if (forcedWaiting() || safeAtTheExtremes()) {
            return Double.NaN;
        }
        for (int i = 0; i < run.n; i++) {
            quantities[i] = account.quantity(i);
            marks[i] = account.mark(i);
        }
        double x = Liquidation.crossing(account.cash(), quantities, marks, heldPaths(), margin.maintenance(), from);
        if (Double.isNaN(x) || x > until) {
            return Double.NaN;
        }
        markAt(x);
        liquidateAll();
        return x;
    }

    /**
     * Closes every position at its mark (set to the liquidation point), charging the liquidation
     * fee, with one event per position.
     */
    private void liquidateAll() {
        int n = run.n;
        double notional = 0;
        for (int i = 0; i < n; i++) {
            // A flat instrument may have no mark yet (NaN): it adds nothing.
            if (account.quantity(i) != 0) {
                notional += Math.abs(account.quantity(i) * account.mark(i));
            }
        }
        double equityBefore = account.equity();
        double required = account.maintenanceRequired();
        // On a leg the path meets the requirement exactly; after a gap the equity is already below it.
        String why = equityBefore < required * (1 - 1e-9)
                ? String.format(Locale.ROOT, "the account's equity %.2f was below its maintenance margin %.2f", equityBefore,
                        required)
                : String.format(Locale.ROOT, "the account's equity fell to its maintenance margin %.2f", required);
        // A venue liquidating a cross account cancels all its open orders first.
        cancelWaiting(-1);
        // The fee takes at most what the positions leave: closing at the marks leaves the equity.
        double fees = Math.min(margin.liquidationFee() * notional, Math.max(0, equityBefore));
        for (int i = 0; i < n; i++) {
            double q = account.quantity(i);
            if (q == 0) {
                continue;
            }
            if (run.fresh[i]) {
                double price = account.mark(i);
                closePosition(i, q, price, fees * (Math.abs(q * price) / notional), why);
            } else {
                // Its market has no bar now (a weekend, the hours of a daily bar): it is closed at its
                // next open, not at a close it no longer trades at.
                run.pending.add(Order.close(run.bars[i].symbol().value()).withTag("liquidation"), i, run.decided(), true);
                forcedReasons[i] = why;
                run.record(Event.Kind.LIQUIDATION, run.bars[i].symbol().value(), String.format(Locale.ROOT,
                        "%s %.8g %s to be liquidated at its next open (its market has no bar now): %s",
                        q > 0 ? "long" : "short", Math.abs(q), run.bars[i].symbol(), why), Double.NaN);
            }
        }
        run.liquidations++;
    }

    /** Closes instrument {@code i}'s position, queued by a cross liquidation, at {@code price}, its first open since. */
    private void closeForced(int i, double price) {
        double q = account.quantity(i);
        if (q == 0) {
            return;
        }
        double fee = Math.min(margin.liquidationFee() * Math.abs(q) * price, Math.max(0, account.equity()));
        closePosition(i, q, price, fee, forcedReasons[i] + ", closed at the first open since");
    }

    /** Returns whether a liquidation's close waits for a market that had no bar: the account is being liquidated. */
    private boolean forcedWaiting() {
        // Indexed, not for-each: asked on every step at risk, where an iterator would be 32 B a step.
        for (int k = 0; k < run.pending.size(); k++) {
            if (run.pending.forced(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cancels, with an event each, the waiting orders of instrument {@code i} ({@code -1}: of
     * every instrument) that a strategy placed.
     */
    private void cancelWaiting(int i) {
        WaitingOrders pending = run.pending;
        for (int k = 0; k < pending.size(); ) {
            if (!pending.forced(k) && (i < 0 || pending.instrument(k) == i)) {
                Order order = pending.order(k);
                pending.remove(k);
                run.record(Event.Kind.CANCELLED, order.symbol(), order + " cancelled by the liquidation", Double.NaN);
            } else {
                k++;
            }
        }
    }

    /** Closes instrument {@code i}'s isolated position at {@code price}, the fee capped at what its margin leaves. */
    private void liquidateIsolated(int i, double price) {
        double q = account.quantity(i);
        double left = account.isolatedMargin(i) + q * (price - account.position(i).averageCost());
        double fee = Math.min(margin.liquidationFee() * Math.abs(q) * price, Math.max(0, left));
        double required = account.maintenance(Math.abs(q) * price);
        String why = left < required * (1 - 1e-9)
                ? String.format(Locale.ROOT, "its isolated margin %.2f was below its maintenance margin %.2f", left, required)
                : String.format(Locale.ROOT, "its isolated margin fell to its maintenance margin %.2f", required);
        closePosition(i, q, price, fee, why);
        run.liquidations++;
    }

    /**
     * Closes {@code q} units of instrument {@code i} at {@code price} paying {@code fee}, records
     * the fill and an event (symbol, price, loss on the bar), and cancels the instrument's
     * waiting orders.
     */
    private void closePosition(int i, double q, double price, double fee, String why) {
        double carry = account.carry(i);
        double equityBefore = account.equity();
        double previousClose = !run.fresh[i] ? price
                : run.cur[i] > 0 ? run.bars[i].close(run.cur[i] - 1) : run.bars[i].open(run.cur[i]);
        boolean heldBefore = Math.signum(heldAtStart[i]) == Math.signum(q) && Math.abs(heldAtStart[i]) >= Math.abs(q);
        double reference = heldBefore ? previousClose : account.position(i).averageCost();
        account.applyFill(i, -q, price, fee);
        OhlcvSeries s = run.bars[i];
        run.addFill(i, 0, barStart(i), -q, price, fee, Fill.Kind.LIQUIDATION, "liquidation", Double.NaN, carry);
        double loss = q * (reference - price) + fee;
        run.record(Event.Kind.LIQUIDATION, s.symbol().value(), String.format(Locale.ROOT,
                "%s %.8g %s liquidated at %.8g: %s; loss %.2f (from %s %.8g, fee %.2f included); equity %.2f -> %.2f",
                q > 0 ? "long" : "short", Math.abs(q), s.symbol(), price, why, loss,
                heldBefore ? "the previous close" : "its entry at", reference, fee, equityBefore, account.equity()), loss);
        cancelWaiting(i);
    }

    /**
     * Fills the {@code k}-th waiting order (left waiting: the caller removes it) on instrument {@code i} at {@code base} (moved by the slippage when
     * {@code slip}, within the bar's range), or rejects it with an event when the cash or margin
     * cannot carry it; cuts target weights and margin value buys to what the margin carries.
     */
    private void fill(int k, int i, double base, boolean slip) {
        WaitingOrders pending = run.pending;
        Order.Sizing sizing = pending.sizing(k);
        double amount = pending.amount(k);
        double q = account.quantity(i);
        double target = 0;
        int direction;
        switch (sizing) {
            case CLOSE -> direction = q > 0 ? -1 : (q < 0 ? 1 : 0);
            case TARGET_WEIGHT -> {
                double equity = q == 0 ? account.equity() : account.equity() + q * (base - account.mark(i));
                target = amount * equity / base;
                direction = target > q ? 1 : (target < q ? -1 : 0);
            }
            default -> direction = pending.side(k).sign();
        }
        if (direction == 0) {
            run.record(Event.Kind.NOTE, pending.symbol(k), pending.order(k) + " needed no trade: "
                    + (sizing == Order.Sizing.CLOSE ? "the position was already flat" : "the position was already at its target"),
                    Double.NaN);
            return;
        }
        // The bar's high and low are read only when slippage could pass them: they are not in cache.
        double price = slip && costs.slippageBps() > 0
                ? costs.slipped(base, direction > 0, run.bars[i].low(run.cur[i]), run.bars[i].high(run.cur[i])) : base;
        double delta = switch (sizing) {
            case QUANTITY -> direction * amount;
            case VALUE -> direction > 0
                    ? (amount - costs.fixedFee()) / (price * (1 + costs.feeRate()))
                    : -amount / price;
            case TARGET_WEIGHT -> target - q;
            case CLOSE -> -q;
        };
        if (direction > 0 && delta <= 0) {
            run.record(Event.Kind.REJECTED, pending.symbol(k), pending.order(k) + " rejected: the cash value does not cover the fixed fee "
                    + costs.fixedFee(), Double.NaN);
            return;
        }
        double fee = costs.fee(Math.abs(delta) * price);
        if (!account.marginAllows(i, delta, price, base, fee)) {
            // Target weights are cut to what the cash or margin carries, and so are cash-value buys
            // on margin: with fees, a leveraged buy of exactly leverage × equity would never fit.
            // In a cash account an unaffordable cash-value buy is refused: "not enough cash".
            boolean cut = sizing == Order.Sizing.TARGET_WEIGHT
                    || sizing == Order.Sizing.VALUE && direction > 0 && margin.initial() < 1;
            if (!cut) {
                reject(pending.order(k), i, delta, price, fee);
                return;
            }
            double max = account.maxQuantity(i, direction, price, base, costs.feeRate(), costs.fixedFee());
            if (max <= Math.abs(delta) * 1e-9) {
                reject(pending.order(k), i, delta, price, fee);
                return;
            }
            delta = direction * Math.min(Math.abs(delta), max);
            fee = costs.fee(Math.abs(delta) * price);
        }
        if (delta > 0 && q >= 0 && margin.initial() >= 1
                && (sizing == Order.Sizing.TARGET_WEIGHT || sizing == Order.Sizing.VALUE)) {
            delta = withinCash(delta, price, fee);
        }
        double carry = account.carry(i);
        account.applyFill(i, delta, price, fee);
        // Not at risk, nothing can be liquidated: no need to solve for a price.
        double liquidationPrice = account.atRisk() ? account.liquidationPrice(i) : Double.NaN;
        run.addFill(i, pending.id(k), barStart(i), delta, price, fee, Fill.Kind.ORDER, pending.tag(k), liquidationPrice, carry);
    }

    /**
     * Returns the start of instrument {@code i}'s current bar, UTC epoch milliseconds (the step's
     * time in a universe of one bar length), or of its current sub-bar on a step walked on detail.
     */
    private long barStart(int i) {
        return walked(i).timeMillis(walkedIndex(i));
    }

    /**
     * Returns {@code delta}, a buy without leverage sized from the cash and allowed by the margin
     * check, trimmed by the units in the last place that would take cash below zero: buying all
     * in, {@code (cash / price) × price} can round a hair above the cash, and a cash account does
     * not borrow, not even 1e-12 (which would also send every later step through the margin check).
     */
    private double withinCash(double delta, double price, double fee) {
        double cash = account.cash();
        double trimmed = delta;
        for (int k = 0; k < 4 && cash - (trimmed * price + fee) < 0; k++) {
            trimmed = Math.nextDown(trimmed);
        }
        return cash - (trimmed * price + fee) < 0 ? delta : trimmed;
    }

    private void reject(Order order, int i, double delta, double price, double fee) {
        String why;
        if (margin.initial() >= 1 && delta > 0 && account.quantity(i) >= 0) {
            why = String.format(Locale.ROOT, "not enough cash: %s %.8g units at %.8g costs %.2f with fees, cash is %.2f",
                    "buying", delta, price, delta * price + fee, account.cash());
        } else {
            why = String.format(Locale.ROOT, "not enough margin: after trading %.8g units at %.8g, initial margin %.4g of"
                    + " gross exposure (and the maintenance margin) would exceed equity %.2f", delta, price,
                    margin.initial(), account.equity());
        }
        run.record(Event.Kind.REJECTED, order.symbol(), order + " rejected: " + why, Double.NaN);
    }
}
