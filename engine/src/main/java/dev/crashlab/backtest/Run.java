package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Carry;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.FillMode;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Account;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import dev.crashlab.strategy.Portfolio;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One pass of one strategy over the clock: the engine loop. Each step, in this order:
 * <ol>
 *   <li>carry for the time since the previous step is charged on shorts and borrowed cash;</li>
 *   <li>external cash flows due at the step arrive;</li>
 *   <li>instruments whose bar closes at the step move to it; their waiting orders and the
 *       account's liquidation levels are resolved along the bars' paths, in the order the paths
 *       reach them ({@link StepExecution}): market orders at the open, stops and limits where the
 *       path reaches them, a liquidation where the path takes the account below its maintenance
 *       requirement, checked again after every fill;</li>
 *   <li>instruments are marked at their close; ta4j series and correlations take the new bars
 *       (fast indicators were computed ahead when created and are read up to the current bar);</li>
 *   <li>the regime classifier labels the step, then the strategy's {@code onBar} runs;</li>
 *   <li>in close-fill mode, market orders of instruments with a bar fill at its close;</li>
 *   <li>equity, cash and contributions are recorded, and positions or orders left in an
 *       instrument whose data has ended are refused (or, with {@code allowPartialData}, noted).</li>
 * </ol>
 * A step does only the work its state needs: without carry terms there is no carry to charge;
 * without waiting orders and with nothing at risk of liquidation, nothing reads the open, so
 * instruments are marked at their close only; when every instrument has a bar at every step,
 * the clock's tables are not consulted. The loop allocates nothing per step unless the strategy
 * trades, asks for {@code Instant}s or uses ta4j series.
 */
final class Run {

    /**
     * What a run leaves behind; {@link BacktestResult} derives everything else from it. The run's
     * own lists and columns are handed over unmodifiable and not copied (the run is done with
     * them); the fills are columns ({@link FillColumns}: each fill's step, instrument and carry
     * beside it), the cash a {@link StepCurve} ({@code null} for a run that is not detailed). A
     * detailed run with crisis windows also keeps, per step, the carry charged ({@code financed})
     * and the liquidations ({@code liquidated}) up to the step's close, cumulative, for the crisis
     * scorecard; {@code null} otherwise.
     */
    record Outcome(String strategyName, MarketClock clock, double[] equity, StepCurve cash, double[] contributed,
            double[] financed, int[] liquidated,
            List<Order> orders, List<Order> openOrders, FillColumns fills, List<Event> events, double feesPaid,
            double financingPaid, int liquidations, List<String> seriesUsed, int[] regimes, List<String> regimeLabels,
            List<CrisisWindow> crisisWindows, double[] finalQuantities, double[] finalMarks, double[] finalCarry,
            List<String> warnings, List<Tracked> tracked, long detailBars, long ruleBars, long ambiguousBars) {
    }

    final Backtest spec;
    final Strategy strategy;
    final RegimeClassifier classifier;
    final OhlcvSeries[] bars;
    final SharedInputs shared;
    final boolean detailed;
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
    /**
     * The open of each instrument's current bar, written by every common step and never read: the
     * store keeps the compiler from dropping the load that streams the opens into cache for fill
     * steps (see the common step).
     */
    private final double[] opens;
    private Instant nowInstant;
    private int nowInstantStep = Integer.MIN_VALUE;
    final WaitingOrders pending = new WaitingOrders();
    private final OrderColumns orders;
    private final FillColumns fills;
    private final List<Event> events = new ArrayList<>();
    private final Set<String> seriesUsed = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    /** What the strategy tracks, by name: one value per step, NaN until recorded. */
    private final Map<String, double[]> tracked = new LinkedHashMap<>();
    private final Set<String> states = new HashSet<>();
    private long nextOrderId = 1;
    int liquidations;
    /** Bars walked on their detail bars, by the rule, and of those by the rule the ambiguous ones (see StepExecution). */
    long detailBars;
    long ruleBars;
    long ambiguousBars;
    private final NonPriceSeries[] fundingSeries;
    private final double[] fundingScale;
    private final double[] carryNow;
    private final DataCoverage coverage;
    final EngineFeeds feeds;
    final EngineContext context;
    private final StepExecution execution;

    /**
     * Creates a run of {@code strategy} over {@code shared}'s clock, which is {@code spec}'s. A
     * run that is not {@code detailed} keeps only what metrics need: no cash curve, orders or
     * events (a batch's variant, see {@link BacktestBatch}); its equity and fills are the same.
     */
    Run(Backtest spec, SharedInputs shared, Strategy strategy, RegimeClassifier classifier, boolean detailed) {
        this.spec = spec;
        this.detailed = detailed;
        this.strategy = strategy;
        this.classifier = classifier;
        this.shared = shared;
        this.bars = shared.bars; // only read
        this.n = bars.length;
        this.clock = shared.clock;
        List<Instrument> instruments = shared.instruments;
        this.account = new Account(instruments, spec.initialCash(), spec.margin());
        this.costs = spec.costs();
        this.margin = spec.margin();
        this.closeFills = costs.fillMode() == FillMode.CLOSE;
        this.carryFree = costs.borrowRate() == 0 && costs.fundingRate() == 0 && costs.fundingSeries().isEmpty();
        this.crypto = new boolean[n];
        this.cur = new int[n];
        this.opens = new double[n];
        this.fresh = new boolean[n];
        this.fundingSeries = new NonPriceSeries[n];
        this.fundingScale = new double[n];
        this.carryNow = new double[n];
        this.periodsPerYear = shared.periodsPerYear;
        for (int i = 0; i < n; i++) {
            crypto[i] = instruments.get(i).isCrypto();
            cur[i] = clock.barIndexBefore(i);
            if (cur[i] >= 0) {
                account.setMark(i, bars[i].close(cur[i]));
            }
        }
        if (!costs.fundingSeries().isEmpty()) {
            bindFundingSeries();
        }
        this.orders = new OrderColumns(clock);
        this.fills = new FillColumns(clock, shared.symbols); // the symbols are only read
        this.coverage = new DataCoverage(this);
        this.feeds = new EngineFeeds(this);
        this.context = new EngineContext(this);
        this.execution = new StepExecution(this);
    }

    /** Finds each instrument's funding series, when the costs name one for it (rare: kept out of the constructor's body). */
    private void bindFundingSeries() {
        for (int i = 0; i < n; i++) {
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
    }

    Outcome execute() {
        int steps = clock.size();
        double[] equity = new double[steps];
        // Without carry, cash changes only at fills and flows: kept where it changes.
        StepCurve cash = detailed ? new StepCurve(steps, carryFree) : null;
        // Carry and liquidations by step feed the crisis scorecard alone: 12 B a step for nothing without one.
        boolean scored = detailed && !spec.crises().isEmpty();
        double[] financed = scored ? new double[steps] : null;
        int[] liquidated = scored ? new int[steps] : null;
        // Without external flows there is nothing to record: null stands for "always 0".
        double[] contributed = spec.contributions().isNone() ? null : new double[steps];
        int[] regimes = classifier == null ? null : new int[steps];
        Schedule.Tracker contributionTimer = spec.contributions().isNone()
                ? null : spec.contributions().schedule().tracker(clock.time(0));
        EngineContext classifierContext = classifier == null ? null : context.forClassifier();
        init(classifierContext);
        boolean allAligned = true;
        for (int i = 0; i < n; i++) {
            allAligned &= clock.isAligned(i);
        }
        // With every instrument aligned, the step's time is the time of instrument 0's next bar,
        // when that instrument's bars are the shortest (its bars' times are then the steps).
        boolean timesFromBars = allAligned && n > 0 && bars[0].interval().equals(clock.interval());
        long coverageFrom = coverage.checkedFrom();
        if (allAligned) {
            Arrays.fill(fresh, true);
            for (int i = 0; i < n; i++) {
                cur[i] = clock.barIndex(i, 0) - 1;
            }
        }
        for (int s = 0; s < steps; s++) {
            step = s;
            // Read every step: the times are then in cache when an order or event needs one.
            // Carry and flows take the times from here, not from the clock again.
            long previous = now;
            now = timesFromBars ? bars[0].timeMillis(cur[0] + 1) : clock.timeMillis(s);
            account.beginStep();
            // Carry is paid on shorts and borrowed cash only: an account with neither owes none.
            if (s > 0 && !carryFree && (account.hasShorts() || account.cash() < 0)) {
                chargeCarry(now - previous);
            }
            if (contributionTimer != null) {
                int due = contributionTimer.due(now);
                if (due > 0) {
                    contribute(due * spec.contributions().amount());
                }
            }
            boolean anyFresh = allAligned ? n > 0 : moveToStep(s);
            if (allAligned && pending.isEmpty() && !account.atRisk()) {
                // The common step: every instrument moves to its next bar, marked at its close. The
                // open is read too, though nothing needs it now: streamed bar by bar it stays in
                // cache, where the sparse reads of fill steps would each miss it.
                for (int i = 0; i < n; i++) {
                    int b = ++cur[i];
                    opens[i] = bars[i].open(b);
                    account.setMark(i, bars[i].close(b));
                }
            } else {
                walkStep(allAligned, anyFresh);
            }
            feeds.advance();
            try {
                if (classifier != null) {
                    regimes[s] = classifier.classify(classifierContext);
                }
                strategy.onBar(context);
            } catch (BacktestException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failedAt(s, e);
            }
            if (closeFills && !pending.isEmpty()) {
                execution.fillAtClose();
            }
            if (now >= coverageFrom) {
                coverage.checkStep();
            }
            double cashNow = account.cash();
            if (cash != null) {
                cash.record(s, cashNow);
            }
            if (financed != null) {
                financed[s] = account.financingPaid();
                liquidated[s] = liquidations;
            }
            equity[s] = account.isInvested() ? account.equity() : cashNow;
            if (contributed != null) {
                contributed[s] = account.netContributions();
            }
        }
        return outcome(equity, cash, contributed, financed, liquidated, regimes);
    }

    /*
     * The methods below hold what execute does once per run or rarely, apart from its loop: the
     * JIT compiles execute with what it inlines into one body (and again after a deoptimisation),
     * which in a fresh JVM competes with the first variants of a sweep for the same cores; what
     * runs once or on a rare path costs nothing there as a call.
     */

    /** Runs the classifier's and the strategy's {@code init}, naming the strategy when one fails. */
    private void init(EngineContext classifierContext) {
        try {
            if (classifier != null) {
                classifier.init(classifierContext);
            }
            strategy.init(context);
        } catch (BacktestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BacktestException(spec.name() + ": " + strategy.name() + ".init failed: " + e.getMessage()
                    + StrategyFrame.suffix(e), e);
        }
    }

    /** Returns the failure of the classifier or the strategy at step {@code s}, {@code e}, named with the step and its time. */
    private BacktestException failedAt(int s, RuntimeException e) {
        return new BacktestException(spec.name() + ": " + strategy.name() + " failed at step " + s + " ("
                + nowInstant() + "): " + e + StrategyFrame.suffix(e), e);
    }

    /**
     * The step that is not the common one (see {@code execute}): an instrument without a bar at the
     * step, orders waiting or the account at risk. Aligned instruments move to their next bar; the
     * fresh bars' paths resolve the waiting orders and liquidations, then fresh instruments are
     * marked at their close.
     */
    private void walkStep(boolean allAligned, boolean anyFresh) {
        if (allAligned) {
            for (int i = 0; i < n; i++) {
                cur[i]++;
            }
        }
        if (anyFresh && (!pending.isEmpty() || account.atRisk())) {
            execution.walkBars();
        }
        for (int i = 0; i < n; i++) {
            if (fresh[i]) {
                account.setMark(i, bars[i].close(cur[i]));
            }
        }
    }

    /** Returns what the run leaves behind, from the loop's curves and the run's final state. */
    private Outcome outcome(double[] equity, StepCurve cash, double[] contributed, double[] financed, int[] liquidated,
            int[] regimes) {
        double[] quantities = new double[n];
        double[] marks = new double[n];
        double[] carry = new double[n];
        for (int i = 0; i < n; i++) {
            quantities[i] = account.quantity(i);
            marks[i] = account.mark(i);
            carry[i] = account.carry(i);
        }
        return new Outcome(strategy.name(), clock, equity, cash, contributed, financed, liquidated,
                orders.asList(),
                waitingOrders(), fills, Collections.unmodifiableList(events), account.feesPaid(),
                account.financingPaid(), liquidations, List.copyOf(seriesUsed), regimes,
                classifier == null ? List.of() : List.copyOf(classifier.labels()),
                classifier == null ? List.of() : List.copyOf(classifier.namedWindows()), quantities, marks, carry,
                allWarnings(), tracked.entrySet().stream()
                        .map(e -> new Tracked(e.getKey(), states.contains(e.getKey()), e.getValue())).toList(),
                detailBars, ruleBars, ambiguousBars);
    }

    /** Moves each instrument with a bar closing at step {@code s} to it; returns whether any has one. */
    private boolean moveToStep(int s) {
        long[] bars = shared.barsAtStep;
        if (bars == null) {
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
        // Every bar within the run is a step of the clock, so an instrument with a bar at a step
        // moves to its next bar: one bit per instrument, read from one word.
        long mask = bars[s];
        for (int i = 0; i < n; i++) {
            boolean isFresh = (mask & (1L << i)) != 0;
            fresh[i] = isFresh;
            if (isFresh) {
                cur[i]++;
            }
        }
        return mask != 0;
    }

    /**
     * Returns the time of the current step (the first step's during {@code init}), UTC epoch
     * milliseconds, as the loop read it at the start of the step.
     */
    long now() {
        return step < 0 ? clock.timeMillis(0) : now;
    }

    /**
     * Returns the instant the current step's bars closed, after which its orders may fill: the
     * first step's time during {@code init}, whose orders fill on the first step's bars.
     */
    long decided() {
        return step < 0 ? clock.timeMillis(0) : clock.interval().endMillis(now);
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
        for (int k = 0; k < pending.size(); k++) {
            open.add(pending.order(k));
        }
        return Collections.unmodifiableList(open);
    }

    /** Returns whether an order of instrument {@code i} is waiting. */
    boolean hasWaiting(int i) {
        for (int k = 0; k < pending.size(); k++) {
            if (pending.instrument(k) == i) {
                return true;
            }
        }
        return false;
    }

    /** Returns what the waiting buy orders are expected to spend, fees included (see {@code Portfolio.availableCash}). */
    private double committedCash() {
        double committed = 0;
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.instrument(k);
            double mark = account.mark(i);
            double limit = pending.price(k);
            double price = pending.type(k) == OrderType.MARKET || Double.isNaN(limit) ? mark : limit;
            if (Double.isNaN(price)) {
                // A market buy of an instrument that has no bar yet: nothing says what it will cost.
                continue;
            }
            double amount = pending.amount(k);
            boolean buy = pending.side(k) == Order.Side.BUY;
            committed += switch (pending.sizing(k)) {
                case VALUE -> buy ? amount : 0;
                case QUANTITY -> buy ? costs.fee(amount * price) + amount * price : 0;
                case TARGET_WEIGHT -> {
                    double missing = amount * account.equity() - account.quantity(i) * mark;
                    yield missing > 0 && !Double.isNaN(missing) ? missing + costs.fee(missing) : 0;
                }
                case CLOSE -> account.quantity(i) < 0 ? -account.quantity(i) * mark : 0;
            };
        }
        return committed;
    }

    /**
     * Records a fill of instrument {@code instrument} (the other arguments are {@link Fill}'s
     * fields) with the step it happened at and the instrument's carry so far, so that results
     * replay positions without searching times or symbols and trades know their carry.
     */
    void addFill(int instrument, long orderId, long timeMillis, double quantity, double price, double fee, Fill.Kind kind,
            String tag, double liquidationPrice, double carryBefore) {
        fills.add(step, instrument, orderId, timeMillis, quantity, price, fee, kind, tag, liquidationPrice, carryBefore);
    }

    void noteSeriesUsed(String name) {
        seriesUsed.add(name);
    }

    void record(Event.Kind kind, String symbol, String message, double value) {
        if (detailed) {
            events.add(new Event(nowInstant(), kind, symbol, message, value));
        }
    }

    /** Records a tracked figure or state at the current step (see {@code StrategyContext.track}). */
    void track(String name, boolean state, double value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("track: a tracked series needs a name, got " + (name == null ? "null" : "\"\""));
        }
        if (step < 0) {
            throw new IllegalStateException("track(\"" + name + "\") in init: values are tracked per step, from onBar");
        }
        double[] values = tracked.get(name);
        if (values == null) {
            values = new double[clock.size()];
            Arrays.fill(values, Double.NaN);
            tracked.put(name, values);
            if (state) {
                states.add(name);
            }
        } else if (states.contains(name) != state) {
            throw new IllegalArgumentException("track(\"" + name + "\"): tracked as a " + (state ? "figure" : "state")
                    + " before; a name is either a figure (a double) or a state (a boolean)");
        }
        values[step] = value;
    }

    /** Adds a strategy's warning to the run's, once per message. */
    void warn(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("warn: a warning needs a message");
        }
        warnings.add(message);
    }

    private List<String> allWarnings() {
        List<String> all = new ArrayList<>(coverage.warnings());
        all.addAll(shared.gapWarnings);
        all.addAll(warnings);
        return List.copyOf(all);
    }

    /** Places an order the strategy built ({@code StrategyContext.submit}): returns its placed copy. */
    Order submit(Order order) {
        Order placed = order.placed(nextOrderId++, now());
        accept(placed.id(), placed.symbol(), placed.side(), placed.type(), placed.sizing(), placed.amount(), placed.price(),
                placed.tag());
        return placed;
    }

    /**
     * Places a new untagged order of these fields, as {@code submit} places the same order built
     * by a factory of {@link Order}, and returns its id: the strategy context's order methods come
     * here and build the placed order they return themselves, so that the run keeps no order
     * object (its fields go to columns) and a strategy that ignores the order it gets back makes
     * none (the compiler drops an object nothing reads). Like {@code new Order}, a null symbol is
     * refused before an id is taken.
     */
    long place(String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount, double price) {
        Objects.requireNonNull(symbol, "symbol");
        long id = nextOrderId++;
        accept(id, symbol, side, type, sizing, amount, price, "");
        return id;
    }

    /**
     * Keeps the order of these fields ({@link Order}'s), placed at the current step, refused at
     * once if it cannot be valid, else waiting for its bar.
     */
    private void accept(long id, String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount,
            double price, String tag) {
        long time = now();
        if (detailed) {
            orders.add(step, id, symbol, side, type, sizing, amount, price, time, tag);
        }
        int i = account.indexOf(symbol);
        String problem = i < 0 ? null : Order.problem(type, sizing, amount, price);
        if (i < 0 || problem != null) {
            refuse(new Order(id, symbol, side, type, sizing, amount, price, time, tag), problem);
            return;
        }
        coverage.checkOrder(i);
        pending.add(id, symbol, side, type, sizing, amount, price, time, tag, i, decided(), false);
    }

    /** Records the rejection of {@code placed}: its symbol is not in the universe, or it has {@code problem}. */
    private void refuse(Order placed, String problem) {
        if (problem == null) {
            record(Event.Kind.REJECTED, placed.symbol(), "unknown symbol: " + placed + " rejected; " + account.universeText(),
                    Double.NaN);
        } else {
            record(Event.Kind.REJECTED, placed.symbol(), placed + " rejected: " + problem, Double.NaN);
        }
    }

    boolean cancel(long orderId) {
        for (int k = 0; k < pending.size(); k++) {
            // A liquidation's close is the venue's, not the strategy's to cancel.
            if (pending.id(k) == orderId && !pending.forced(k)) {
                Order order = pending.order(k);
                pending.remove(k);
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

    /**
     * Charges carry ({@link Carry}) for {@code elapsed} milliseconds on the positions and cash
     * held over them, and books each instrument's part: a short its own funding or borrow, a
     * long its share, by value, of the interest on borrowed cash.
     */
    private void chargeCarry(long elapsed) {
        double carry = 0;
        double longValue = 0;
        for (int i = 0; i < n; i++) {
            double q = account.quantity(i);
            carryNow[i] = 0;
            if (q < 0) {
                double notional = -q * account.mark(i);
                carryNow[i] = crypto[i] ? Carry.funding(notional, fundingRate(i), elapsed)
                        : Carry.borrow(notional, costs.borrowRate(), elapsed);
                carry += carryNow[i];
            } else if (q > 0) {
                longValue += q * account.mark(i);
            }
        }
        double interest = 0;
        if (account.cash() < 0) {
            interest = Carry.borrow(-account.cash(), costs.borrowRate(), elapsed);
            carry += interest;
        }
        if (carry != 0) {
            account.chargeFinancing(carry);
            for (int i = 0; i < n; i++) {
                double q = account.quantity(i);
                double share = q > 0 && interest != 0 ? interest * (q * account.mark(i) / longValue) : 0;
                if (carryNow[i] != 0 || share != 0) {
                    account.attributeCarry(i, carryNow[i] + share);
                }
            }
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
}
