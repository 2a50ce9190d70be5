package dev.crashlab.data.sample;

import dev.crashlab.data.TradingCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the daily log-returns of the sample assets: a common factor and each asset's own shock,
 * both with GARCH(1,1) variance and Student-t innovations, plus drift, then bends the paths so
 * that every event window ends at its target return.
 *
 * <h2>Per calendar day</h2>
 * The factor's variance {@code h} follows {@code h' = omega + ALPHA * e^2 + BETA * h} with
 * long-run value 1 and shock {@code e = sqrt(h) * t}, where {@code t} is a unit-variance
 * Student-t(4) draw with its tails cut at 6 ({@link Shocks#fatTailed()}). Each asset gathers
 * {@code annualDrift / 365 + factorLoading * e * m}, where {@code m} is the events' volatility
 * multiplier of the day.
 *
 * <h2>Per bar</h2>
 * On each of its trading days an asset adds its own GARCH(1,1) shock (long-run standard
 * deviation {@code idioVol}, times {@code m}) to what it gathered since its previous bar: crypto
 * every day; equities only on XNYS sessions, so a weekend's factor moves arrive on Monday.
 *
 * <h2>Events</h2>
 * For each event and each asset it names, the difference between the target log-return and the
 * drawn sum over the window's bars is added in equal parts to those bars. The variance
 * recursions see only the shocks, so this shifts where a window ends without changing its noise.
 */
final class ReturnModel {

    /** GARCH reaction to the last squared shock. */
    static final double ALPHA = 0.08;
    /** GARCH persistence of the last variance; {@code ALPHA + BETA = 0.98}: a shock halves in about 35 days. */
    static final double BETA = 0.90;
    /** The random stream of the common factor; assets use their own {@link AssetSpec#stream()}. */
    static final int FACTOR_STREAM = 0;

    /**
     * The log-returns of one asset, one per bar.
     *
     * @param asset      the asset
     * @param dates      the date of each bar
     * @param logReturns the log-return from the previous close (from the start price for the
     *                   first bar) to this bar's close
     * @param sigmas     the standard deviation the bar's return was drawn with, for bar ranges
     *                   and volumes
     */
    record Path(AssetSpec asset, List<LocalDate> dates, double[] logReturns, double[] sigmas) {
    }

    private ReturnModel() {
    }

    /**
     * Returns the paths of {@code assets} from {@code start} to {@code end}, one per asset in the
     * given order, bent to the targets of {@code events}.
     *
     * @param calendars the trading calendar of each asset, in the same order
     */
    static List<Path> simulate(List<AssetSpec> assets, List<TradingCalendar> calendars, List<Event> events,
            long seed, LocalDate start, LocalDate end) {
        int n = assets.size();
        Shocks factorShocks = Shocks.stream(seed, FACTOR_STREAM);
        Shocks[] ownShocks = new Shocks[n];
        double[] ownVariance = new double[n];
        double[] pending = new double[n];
        double[] pendingVariance = new double[n];
        List<List<LocalDate>> dates = new ArrayList<>();
        double[][] returns = new double[n][];
        double[][] sigmas = new double[n][];
        int[] sizes = new int[n];
        int days = (int) start.until(end, ChronoUnit.DAYS) + 1;
        for (int a = 0; a < n; a++) {
            ownShocks[a] = Shocks.stream(seed, assets.get(a).stream());
            ownVariance[a] = assets.get(a).idioVol() * assets.get(a).idioVol();
            dates.add(new ArrayList<>());
            returns[a] = new double[days];
            sigmas[a] = new double[days];
        }
        double factorVariance = 1;
        for (LocalDate date = start; !date.isAfter(end); date = date.plusDays(1)) {
            double m = volatilityOn(events, date);
            double factorShock = StrictMath.sqrt(factorVariance) * factorShocks.fatTailed();
            double factorDayVariance = factorVariance * m * m;
            factorVariance = (1 - ALPHA - BETA) + ALPHA * factorShock * factorShock + BETA * factorVariance;
            for (int a = 0; a < n; a++) {
                AssetSpec asset = assets.get(a);
                double loading = asset.factorLoading();
                pending[a] += asset.annualDrift() / 365 + loading * factorShock * m;
                pendingVariance[a] += loading * loading * factorDayVariance;
                if (!calendars.get(a).isTradingDay(date)) {
                    continue;
                }
                double longRun = asset.idioVol() * asset.idioVol();
                double own = StrictMath.sqrt(ownVariance[a]) * ownShocks[a].fatTailed();
                double ownDayVariance = ownVariance[a] * m * m;
                ownVariance[a] = (1 - ALPHA - BETA) * longRun + ALPHA * own * own + BETA * ownVariance[a];
                int i = sizes[a]++;
                dates.get(a).add(date);
                returns[a][i] = pending[a] + own * m;
                sigmas[a][i] = StrictMath.sqrt(pendingVariance[a] + ownDayVariance);
                pending[a] = 0;
                pendingVariance[a] = 0;
            }
        }
        List<Path> paths = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            Path path = new Path(assets.get(a), List.copyOf(dates.get(a)), Arrays.copyOf(returns[a], sizes[a]),
                    Arrays.copyOf(sigmas[a], sizes[a]));
            for (Event event : events) {
                bend(path, event);
            }
            paths.add(path);
        }
        return paths;
    }

    /** Returns the largest volatility multiplier any event sets on {@code date}. */
    static double volatilityOn(List<Event> events, LocalDate date) {
        double m = 1;
        for (Event event : events) {
            m = Math.max(m, event.volatilityOn(date));
        }
        return m;
    }

    /** Shifts the returns of the bars in the event's window so that they add up to its target. */
    private static void bend(Path path, Event event) {
        Double target = event.returns().get(path.asset().symbol());
        if (target == null) {
            return;
        }
        List<LocalDate> dates = path.dates();
        int first = -1;
        int last = -1;
        for (int i = 0; i < dates.size(); i++) {
            if (event.contains(dates.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first <= 0) {
            // no bar in the window, or none before it to measure from: the generator keeps such
            // events out of the range, so this is a programming error
            throw new IllegalStateException(event.name() + " has no bars of " + path.asset().symbol()
                    + " inside the range with one before it");
        }
        double drawn = 0;
        for (int i = first; i <= last; i++) {
            drawn += path.logReturns()[i];
        }
        double shift = (StrictMath.log1p(target) - drawn) / (last - first + 1);
        for (int i = first; i <= last; i++) {
            path.logReturns()[i] += shift;
        }
    }
}
