package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Event;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.Order;
import dev.crashlab.execution.OrderType;
import dev.crashlab.portfolio.Account;
import dev.crashlab.portfolio.Portfolio;
import dev.crashlab.strategy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One pass of one strategy over the clock: the engine loop. Each step, in this order:
 * <ol>
 *   <li>carry for the time since the previous step is charged on shorts and borrowed cash;</li>
 *   <li>external cash flows due at the step arrive;</li>
 *   <li>instruments with a bar at the step move to it and are marked at its open;</li>
 *   <li>waiting orders of those instruments fill, in the order they were placed: market orders
 *       at the open (next-open mode), limit and stop orders when the bar's range reaches them;</li>
 *   <li>the account is checked against the maintenance margin at each bar's adverse extreme;</li>
 *   <li>instruments are marked at their close; ta4j series and correlations take the new bars
 *       (fast indicators were computed ahead when created and are read up to the current bar);</li>
 *   <li>the regime classifier labels the step, then the strategy's {@code onBar} runs;</li>
 *   <li>in close-fill mode, market orders of instruments with a bar fill at its close;</li>
 *   <li>equity, cash and contributions are recorded.</li>
 * </ol>
 * A step does only the work its state needs: without carry terms there is no carry to charge;
 * without waiting orders, shorts or borrowed cash, nothing reads the open, so instruments are
 * marked at their close only; when every instrument has a bar at every step, the clock's tables
 * are not consulted. The loop allocates nothing per step unless the strategy trades, asks for
 * {@code Instant}s or uses ta4j series.
 */
final class Run {

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final double EIGHT_HOURS_MILLIS = 8 * 3_600_000.0;

    /** An order waiting to fill: the instrument's index and the step it was placed at. */
    private record Waiting(Order order, int instrument, int step) {
    }

    /** What a run leaves behind; {@link BacktestResult} derives everything else from it. */
    record Outcome(String strategyName, MarketClock clock, double[] equity, double[] cash, double[] contributed,
            List<Order> orders, List<Order> openOrders, List<Fill> fills, List<Event> events, double feesPaid,
            double financingPaid, int liquidations, List<String> seriesUsed, int[] regimes, List<String> regimeLabels,
            List<CrisisWindow> crisisWindows, double[] finalQuantities, double[] finalMarks, int[] fillSteps,
            int[] fillInstruments) {
    }

    final Backtest spec;
    final Strategy strategy;
    final RegimeClassifier classifier;
    final OhlcvSeries[] bars;
    final MarketClock clock;
    final int n;
    final Account account;
    final Costs costs;
    final Margin margin;
    final boolean closeFills;
    final boolean carryFree;
    final boolean[] crypto;
    final int[] cur;
    final boolean[] fresh;
    final double periodsPerYear;
    int step = -1;
    private long now;
    private int[] fillSteps = new int[16];
    private int[] fillInstruments = new int[16];
    /**
     * The open of each instrument's current bar, written by every common step and never read: the
     * store keeps the compiler from dropping the load that streams the opens into cache for fill
     * steps (see the common step).
     */
    private final double[] opens;
    private Instant nowInstant;
    private int nowInstantStep = Integer.MIN_VALUE;
    private final ArrayList<Waiting> pending = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<String> seriesUsed = new LinkedHashSet<>();
    private long nextOrderId = 1;
    private int liquidations;
    private final NonPriceSeries[] fundingSeries;
    private final double[] fundingScale;
    final EngineFeeds feeds;
    final EngineContext context;

    /** Creates a run of {@code strategy} over {@code clock}, the clock of {@code spec}'s data ({@link Backtest#clock()}). */
    Run(Backtest spec, MarketClock clock, Strategy strategy, RegimeClassifier classifier) {
        this.spec = spec;
        this.strategy = strategy;
        this.classifier = classifier;
        List<OhlcvSeries> series = spec.data().prices();
        this.n = series.size();
        this.bars = series.toArray(new OhlcvSeries[0]);
        this.clock = clock;
        List<Instrument> instruments = spec.data().instruments();
        this.account = new Account(instruments, spec.initialCash(), spec.margin());
        this.costs = spec.costs();
        this.margin = spec.margin();
        this.closeFills = costs.fillMode() == dev.crashlab.execution.FillMode.CLOSE;
        this.carryFree = costs.borrowRate() == 0 && costs.fundingRate() == 0 && costs.fundingSeries().isEmpty();
        this.crypto = new boolean[n];
        this.cur = new int[n];
        this.opens = new double[n];
        this.fresh = new boolean[n];
        this.fundingSeries = new NonPriceSeries[n];
        this.fundingScale = new double[n];
        this.periodsPerYear = spec.effectivePeriodsPerYear();
        for (int i = 0; i < n; i++) {
            crypto[i] = instruments.get(i).isCrypto();
            cur[i] = bars[i].indexAtOrBefore(clock.timeMillis(0) - 1);
            if (cur[i] >= 0) {
                account.setMark(i, bars[i].close(cur[i]));
            }
            Costs.FundingSeries funding = costs.fundingSeries().get(bars[i].symbol());
            if (funding != null) {
                fundingSeries[i] = spec.data().series().get(funding.series());
                if (fundingSeries[i] == null) {
                    throw new IllegalArgumentException("funding series \"" + funding.series() + "\" for "
                            + bars[i].symbol() + " is not in the data, which holds " + spec.data().series().keySet());
                }
                fundingScale[i] = funding.scale();
            }
        }
        this.feeds = new EngineFeeds(this);
        this.context = new EngineContext(this);
    }

    Outcome execute() {
        int steps = clock.size();
        double[] equity = new double[steps];
        double[] cash = new double[steps];
        // Without external flows there is nothing to record: null stands for "always 0".
        double[] contributed = spec.contributions().isNone() ? null : new double[steps];
        int[] regimes = classifier == null ? null : new int[steps];
        Schedule.Tracker contributionTimer = spec.contributions().isNone()
                ? null : spec.contributions().schedule().tracker(clock.time(0));
        EngineContext classifierContext = classifier == null ? null : context.forClassifier();
        try {
            if (classifier != null) {
                classifier.init(classifierContext);
            }
            strategy.init(context);
        } catch (RuntimeException e) {
            throw new BacktestException(spec.name() + ": " + strategy.name() + ".init failed: " + e.getMessage(), e);
        }
        boolean allAligned = true;
        for (int i = 0; i < n; i++) {
            allAligned &= clock.isAligned(i);
        }
        if (allAligned) {
            java.util.Arrays.fill(fresh, true);
            for (int i = 0; i < n; i++) {
                cur[i] = clock.barIndex(i, 0) - 1;
            }
        }
        for (int s = 0; s < steps; s++) {
            step = s;
            // Read every step: the times are then in cache when an order or event needs one. With
            // every instrument aligned, the step's time is the time of instrument 0's next bar.
            // Carry and flows take the times from here, not from the clock again.
            long previous = now;
            now = allAligned ? bars[0].timeMillis(cur[0] + 1) : clock.timeMillis(s);
            account.beginStep();
            if (s > 0 && !carryFree) {
                chargeCarry(now - previous);
            }
            if (contributionTimer != null) {
                int due = contributionTimer.due(now);
                if (due > 0) {
                    contribute(due * spec.contributions().amount());
                }
            }
            boolean anyFresh = allAligned ? n > 0 : moveToStep(s);
            // Long positions on cash that is not borrowed cannot fall below the maintenance margin
            // (prices are positive and maintenance < 1): only shorts or borrowed cash need the check.
            boolean liquidationPossible = anyFresh && account.isInvested() && (account.hasShorts() || account.cash() < 0);
            if (allAligned && pending.isEmpty() && !liquidationPossible) {
                // The common step: every instrument moves to its next bar, marked at its close. The
                // open is read too, though nothing needs it now: streamed bar by bar it stays in
                // cache, where the sparse reads of fill steps would each miss it.
                for (int i = 0; i < n; i++) {
                    int b = ++cur[i];
                    opens[i] = bars[i].open(b);
                    account.setMark(i, bars[i].close(b));
                }
            } else {
                if (allAligned) {
                    for (int i = 0; i < n; i++) {
                        cur[i]++;
                    }
                }
                // Marks at the open matter only to fills and the margin check.
                for (int i = 0; i < n; i++) {
                    if (fresh[i]) {
                        account.setMark(i, bars[i].open(cur[i]));
                    }
                }
                if (!pending.isEmpty()) {
                    fillWaitingOrders(false);
                }
                if (liquidationPossible) {
                    checkLiquidation();
                }
                for (int i = 0; i < n; i++) {
                    if (fresh[i]) {
                        account.setMark(i, bars[i].close(cur[i]));
                    }
                }
            }
            feeds.advance();
            try {
                if (classifier != null) {
                    regimes[s] = classifier.classify(classifierContext);
                }
                strategy.onBar(context);
            } catch (RuntimeException e) {
                throw new BacktestException(spec.name() + ": " + strategy.name() + " failed at step " + s + " ("
                        + nowInstant() + "): " + e, e);
            }
            if (closeFills && !pending.isEmpty()) {
                fillWaitingOrders(true);
            }
            cash[s] = account.cash();
            equity[s] = account.isInvested() ? account.equity() : cash[s];
            if (contributed != null) {
                contributed[s] = account.netContributions();
            }
        }
        double[] quantities = new double[n];
        double[] marks = new double[n];
        for (int i = 0; i < n; i++) {
            quantities[i] = account.quantity(i);
            marks[i] = account.mark(i);
        }
        return new Outcome(strategy.name(), clock, equity, cash, contributed, List.copyOf(orders), waitingOrders(),
                List.copyOf(fills), List.copyOf(events), account.feesPaid(), account.financingPaid(), liquidations,
                List.copyOf(seriesUsed), regimes, classifier == null ? List.of() : List.copyOf(classifier.labels()),
                classifier == null ? List.of() : List.copyOf(classifier.namedWindows()), quantities, marks,
                java.util.Arrays.copyOf(fillSteps, fills.size()), java.util.Arrays.copyOf(fillInstruments, fills.size()));
    }

    /** Moves each instrument with a bar at step {@code s} to it; returns whether any has one. */
    private boolean moveToStep(int s) {
        boolean anyFresh = false;
        for (int i = 0; i < n; i++) {
            boolean isFresh = clock.hasBar(i, s);
            fresh[i] = isFresh;
            if (isFresh) {
                anyFresh = true;
                cur[i] = clock.barIndex(i, s);
            }
        }
        return anyFresh;
    }

    /**
     * Returns the time of the current step (the first step's during {@code init}), UTC epoch
     * milliseconds, as the loop read it at the start of the step.
     */
    long now() {
        return step < 0 ? clock.timeMillis(0) : now;
    }

    Instant nowInstant() {
        if (nowInstantStep != step) {
            nowInstant = Instant.ofEpochMilli(now());
            nowInstantStep = step;
        }
        return nowInstant;
    }

    Portfolio portfolioView() {
        return account.view(this::waitingOrders, this::committedCash);
    }

    /**
     * Returns the waiting orders, oldest first, as an unmodifiable copy: strategies that ask
     * {@code hasOpenOrder} every bar mostly find none waiting, and the empty list allocates
     * nothing ({@code Collections.emptyList}, whose {@code contains(null)} is false like the
     * copy's, where {@code List.of()} would throw).
     */
    private List<Order> waitingOrders() {
        if (pending.isEmpty()) {
            return Collections.emptyList();
        }
        List<Order> open = new ArrayList<>(pending.size());
        for (Waiting w : pending) {
            open.add(w.order());
        }
        return Collections.unmodifiableList(open);
    }

    /** Returns what the waiting buy orders are expected to spend, fees included (see {@code Portfolio.availableCash}). */
    private double committedCash() {
        double committed = 0;
        for (Waiting w : pending) {
            Order order = w.order();
            int i = w.instrument();
            double mark = account.mark(i);
            double price = order.type() == OrderType.MARKET || Double.isNaN(order.price()) ? mark : order.price();
            committed += switch (order.sizing()) {
                case VALUE -> order.side() == Order.Side.BUY ? order.amount() : 0;
                case QUANTITY -> order.side() == Order.Side.BUY ? costs.fee(order.amount() * price) + order.amount() * price : 0;
                case TARGET_WEIGHT -> {
                    double missing = order.amount() * account.equity() - account.quantity(i) * mark;
                    yield missing > 0 && !Double.isNaN(missing) ? missing + costs.fee(missing) : 0;
                }
                case CLOSE -> account.quantity(i) < 0 ? -account.quantity(i) * mark : 0;
            };
        }
        return committed;
    }

    /**
     * Records a fill with the step it happened at and its instrument's index, so that results
     * replay positions without searching times or symbols.
     */
    private void addFill(Fill fill, int instrument) {
        if (fills.size() == fillSteps.length) {
            fillSteps = java.util.Arrays.copyOf(fillSteps, fillSteps.length * 2);
            fillInstruments = java.util.Arrays.copyOf(fillInstruments, fillInstruments.length * 2);
        }
        fillSteps[fills.size()] = step;
        fillInstruments[fills.size()] = instrument;
        fills.add(fill);
    }

    void noteSeriesUsed(String name) {
        seriesUsed.add(name);
    }

    void record(Event.Kind kind, Symbol symbol, String message, double value) {
        events.add(new Event(nowInstant(), kind, symbol, message, value));
    }

    /** Places an order from the strategy: rejected at once if it cannot be valid, else waiting for its bar. */
    Order submit(Order order) {
        Order placed = order.placed(nextOrderId++, nowInstant());
        orders.add(placed);
        int i = account.indexOf(order.symbol());
        if (i < 0) {
            record(Event.Kind.REJECTED, order.symbol(), "unknown symbol: " + placed + " rejected; " + account.universeText(),
                    Double.NaN);
            return placed;
        }
        String problem = order.problem();
        if (problem != null) {
            record(Event.Kind.REJECTED, order.symbol(), placed + " rejected: " + problem, Double.NaN);
            return placed;
        }
        pending.add(new Waiting(placed, i, step));
        return placed;
    }

    boolean cancel(long orderId) {
        for (int k = 0; k < pending.size(); k++) {
            if (pending.get(k).order().id() == orderId) {
                Order order = pending.remove(k).order();
                record(Event.Kind.CANCELLED, order.symbol(), order + " cancelled", Double.NaN);
                return true;
            }
        }
        return false;
    }

    private void contribute(double amount) {
        if (amount < 0 && account.cash() + amount < 0) {
            double available = Math.max(0, account.cash());
            record(Event.Kind.NOTE, null, String.format(Locale.ROOT,
                    "withdrawal of %.2f reduced to the available cash %.2f", -amount, available), -amount);
            amount = -available;
        }
        account.contribute(amount);
    }

    /** Charges carry for {@code elapsed} milliseconds on the positions and cash held over them. */
    private void chargeCarry(long elapsed) {
        double years = elapsed / (365 * DAY_MILLIS);
        double carry = 0;
        for (int i = 0; i < n; i++) {
            double q = account.quantity(i);
            if (q < 0) {
                double notional = -q * account.mark(i);
                if (crypto[i]) {
                    carry += notional * fundingRate(i) * (elapsed / EIGHT_HOURS_MILLIS);
                } else {
                    carry += notional * costs.borrowRate() * years;
                }
            }
        }
        if (account.cash() < 0) {
            carry += -account.cash() * costs.borrowRate() * years;
        }
        if (carry != 0) {
            account.chargeFinancing(carry);
        }
    }

    private double fundingRate(int i) {
        NonPriceSeries series = fundingSeries[i];
        if (series == null) {
            return costs.fundingRate();
        }
        int published = series.countPublishedBy(now());
        return published == 0 ? costs.fundingRate() : series.value(published - 1) * fundingScale[i];
    }

    /** Tries every waiting order whose instrument has a bar now; {@code atClose} handles close-mode market orders. */
    private void fillWaitingOrders(boolean atClose) {
        for (int k = 0; k < pending.size(); ) {
            Waiting waiting = pending.get(k);
            Order order = waiting.order();
            int i = waiting.instrument();
            boolean eligible = fresh[i]
                    && (atClose ? order.type() == OrderType.MARKET : (order.type() != OrderType.MARKET || !closeFills))
                    && (atClose || waiting.step() < step);
            if (eligible && tryFill(order, i, atClose)) {
                pending.remove(k);
            } else {
                k++;
            }
        }
    }

    /** Fills, rejects or skips {@code order} on instrument {@code i}'s current bar; returns false to keep it waiting. */
    private boolean tryFill(Order order, int i, boolean atClose) {
        OhlcvSeries s = bars[i];
        int b = cur[i];
        double open = s.open(b);
        double reference = atClose ? s.close(b) : open;
        double q = account.quantity(i);
        double target = 0;
        int direction;
        switch (order.sizing()) {
            case CLOSE -> direction = q > 0 ? -1 : (q < 0 ? 1 : 0);
            case TARGET_WEIGHT -> {
                double equity = account.equity() + q * (reference - account.mark(i));
                target = order.amount() * equity / reference;
                direction = target > q ? 1 : (target < q ? -1 : 0);
            }
            default -> direction = order.side().sign();
        }
        if (direction == 0) {
            record(Event.Kind.NOTE, order.symbol(), order + " needed no trade: "
                    + (order.sizing() == Order.Sizing.CLOSE ? "the position was already flat" : "the position was already at its target"),
                    Double.NaN);
            return true;
        }
        double base;
        boolean slip;
        switch (order.type()) {
            case LIMIT -> {
                if (direction > 0 ? s.low(b) > order.price() : s.high(b) < order.price()) {
                    return false;
                }
                base = direction > 0 ? Math.min(open, order.price()) : Math.max(open, order.price());
                slip = false;
            }
            case STOP -> {
                if (direction > 0 ? s.high(b) < order.price() : s.low(b) > order.price()) {
                    return false;
                }
                base = direction > 0 ? Math.max(open, order.price()) : Math.min(open, order.price());
                slip = true;
            }
            default -> {
                base = reference;
                slip = true;
            }
        }
        double price = slip ? costs.slipped(base, direction > 0) : base;
        double delta = switch (order.sizing()) {
            case QUANTITY -> direction * order.amount();
            case VALUE -> direction > 0
                    ? (order.amount() - costs.fixedFee()) / (price * (1 + costs.feeRate()))
                    : -order.amount() / price;
            case TARGET_WEIGHT -> target - q;
            case CLOSE -> -q;
        };
        if (direction > 0 && delta <= 0) {
            record(Event.Kind.REJECTED, order.symbol(), order + " rejected: the cash value does not cover the fixed fee "
                    + costs.fixedFee(), Double.NaN);
            return true;
        }
        double fee = costs.fee(Math.abs(delta) * price);
        if (!account.marginAllows(i, delta, price, base, fee)) {
            // Target weights are cut to what the cash or margin carries, and so are cash-value buys
            // on margin: with fees, a leveraged buy of exactly leverage × equity would never fit.
            // In a cash account an unaffordable cash-value buy is refused: "not enough cash".
            boolean cut = order.sizing() == Order.Sizing.TARGET_WEIGHT
                    || order.sizing() == Order.Sizing.VALUE && direction > 0 && margin.initial() < 1;
            if (!cut) {
                reject(order, i, delta, price, fee);
                return true;
            }
            double max = account.maxQuantity(i, direction, price, base, costs.feeRate(), costs.fixedFee());
            if (max <= Math.abs(delta) * 1e-9) {
                reject(order, i, delta, price, fee);
                return true;
            }
            delta = direction * Math.min(Math.abs(delta), max);
            fee = costs.fee(Math.abs(delta) * price);
        }
        if (delta > 0 && q >= 0 && margin.initial() >= 1
                && (order.sizing() == Order.Sizing.TARGET_WEIGHT || order.sizing() == Order.Sizing.VALUE)) {
            delta = withinCash(delta, price, fee);
        }
        account.applyFill(i, delta, price, fee);
        addFill(new Fill(order.id(), order.symbol(), nowInstant(), delta, price, fee, Fill.Kind.ORDER, order.tag()), i);
        return true;
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
                    + " gross exposure would exceed equity %.2f", delta, price, margin.initial(), account.equity());
        }
        record(Event.Kind.REJECTED, order.symbol(), order + " rejected: " + why, Double.NaN);
    }

    /**
     * Liquidates every position when equity at the bars' adverse extremes falls below the
     * maintenance margin, at the point of each bar's open-to-extreme path where it first does.
     */
    private void checkLiquidation() {
        double mm = margin.maintenance();
        double atOpen = account.cash();
        double atExtreme = account.cash();
        boolean exposedFresh = false;
        for (int i = 0; i < n; i++) {
            double q = account.quantity(i);
            if (q == 0) {
                continue;
            }
            double o = account.mark(i);
            double a = o;
            if (fresh[i]) {
                a = q > 0 ? bars[i].low(cur[i]) : bars[i].high(cur[i]);
                exposedFresh = true;
            }
            atOpen += q * o - mm * Math.abs(q) * o;
            atExtreme += q * a - mm * Math.abs(q) * a;
        }
        if (!exposedFresh || atExtreme >= 0) {
            return;
        }
        double lambda = atOpen <= 0 ? 0 : atOpen / (atOpen - atExtreme);
        double equityBefore = account.equity();
        StringBuilder prices = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double q = account.quantity(i);
            if (q == 0) {
                continue;
            }
            double o = account.mark(i);
            double a = fresh[i] ? (q > 0 ? bars[i].low(cur[i]) : bars[i].high(cur[i])) : o;
            double price = o + lambda * (a - o);
            double fee = margin.liquidationFee() * Math.abs(q) * price;
            account.applyFill(i, -q, price, fee);
            addFill(new Fill(0, bars[i].symbol(), nowInstant(), -q, price, fee, Fill.Kind.LIQUIDATION, "liquidation"), i);
            prices.append(prices.isEmpty() ? "" : ", ").append(bars[i].symbol()).append(' ')
                    .append(q > 0 ? "long " : "short ").append(String.format(Locale.ROOT, "%.8g at %.8g", Math.abs(q), price));
        }
        liquidations++;
        double loss = equityBefore - account.equity();
        record(Event.Kind.LIQUIDATION, null, String.format(Locale.ROOT,
                "equity fell below the maintenance margin (%.4g of exposure)%s: closed %s; equity %.2f -> %.2f",
                mm, lambda == 0 ? " at the open" : "", prices, equityBefore, account.equity()), loss);
    }

}
