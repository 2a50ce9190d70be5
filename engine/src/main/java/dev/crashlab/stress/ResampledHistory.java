package dev.crashlab.stress;

import dev.crashlab.data.BarInterval;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.metrics.resampling.DayPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resampled history rebuilds a backtest's market data along a {@link DayPath}: the days of the
 * run's period in another order (a bootstrap, a crisis replay), every instrument and every
 * published series read on the same source day, so that what happened together stays together.
 * It is made once per run ({@link #of}) and then builds one {@link MarketData} per path
 * ({@link #along}); it holds no mutable state and may be shared between threads.
 *
 * <h2>The sample</h2>
 * The sample is every calendar day D<sub>0</sub> … D<sub>n−1</sub> from the date of the run's first
 * step to that of its last (a day on which nothing traded is a day of the sample too). A path
 * gives, for each position t, the source day s(t) whose data date D<sub>t</sub> receives. Data
 * dated before D<sub>0</sub> is kept as it is (it is the history strategies warm up on); data
 * dated after D<sub>n−1</sub> is left out (no step reaches it). Only daily bars can be resampled.
 *
 * <h2>Weekdays</h2>
 * When an instrument or a published series has data in the sample but none dated on a Saturday
 * or a Sunday (an exchange's calendar, ETF flows), paths are made with period 7
 * ({@link #period()}): every position takes a source day of its own weekday, so weekends stay
 * weekends and a Wednesday's flows stay on a Wednesday. A universe of round-the-clock
 * instruments needs no such constraint (period 1).
 *
 * <h2>Bars: each instrument keeps its own calendar</h2>
 * An instrument has a bar on D<sub>t</sub> exactly when its real data has one: its calendar, its
 * holidays and the dates its data begins and ends are the real ones, so a path refuses or allows
 * what the real run does. Its prices come from the source days:
 * <ul>
 *   <li>On a source day s where it has a bar b with a bar before it, the day brings its
 *       close-to-close return r = C<sub>b</sub> / C<sub>b−1</sub> (over its own previous bar,
 *       weekends and holidays included), the ratios of its open, high and low to its close,
 *       O<sub>b</sub> / C<sub>b</sub>, H<sub>b</sub> / C<sub>b</sub>, L<sub>b</sub> / C<sub>b</sub>,
 *       and its volume. Other source days bring nothing.</li>
 *   <li>A synthetic bar on D<sub>t</sub> takes what the positions since its previous bar (after it,
 *       up to t) brought: close = previous close × the product of their returns; open, high and
 *       low = that close × the ratios of the last of them; volume = the sum of theirs. A bar built
 *       from one source bar has that bar's gap from the previous close, its intrabar path and its
 *       range; the returns of days it does not trade (a holiday placed on a weekday) carry over to
 *       its next bar, so that no move is lost.</li>
 *   <li>When those positions brought nothing (the source day was a holiday, or before its data
 *       begins), the bar is flat: open, high, low and close at the previous close, volume 0.</li>
 *   <li>The chain starts from the instrument's last close before D<sub>0</sub>; an instrument whose
 *       data begins inside the sample keeps its first bar as it is (the first close the chain
 *       starts from), and what earlier positions brought is dropped.</li>
 * </ul>
 *
 * <h2>Published series</h2>
 * Flows, funding rates, supplies and other published series are levels or flows, not prices:
 * D<sub>t</sub> gets the value dated on the source day, unchanged, when there is one, and no value
 * otherwise (missing stays missing). It is published by the series' own rule from D<sub>t</sub>.
 * A level series jumps where a path jumps between distant days.
 */
public final class ResampledHistory {

    private static final long DAY_MILLIS = 86_400_000L;

    private final MarketData data;
    private final LocalDate first;
    private final int days;
    private final int period;
    private final Instrument[] instruments;
    private final Published[] series;

    /**
     * An instrument's real bars arranged by sample day: which bar each day holds, what each
     * source day brings, and the history kept before the sample.
     */
    private record Instrument(OhlcvSeries bars, int history, int firstInSample, int[] barOnDay, double[] ret,
            double[] open, double[] high, double[] low, double[] volume) {
    }

    /** A published series arranged by sample day: the value index of each day, and the values kept before the sample. */
    private record Published(NonPriceSeries series, int history, int[] valueOnDay) {
    }

    private ResampledHistory(MarketData data, LocalDate first, int days) {
        this.data = data;
        this.first = first;
        this.days = days;
        List<OhlcvSeries> prices = data.prices();
        this.instruments = new Instrument[prices.size()];
        boolean weekdaysOnly = false;
        for (int i = 0; i < instruments.length; i++) {
            instruments[i] = instrument(prices.get(i));
            weekdaysOnly |= weekdaysOnly(instruments[i].barOnDay());
        }
        List<NonPriceSeries> published = List.copyOf(data.series().values());
        this.series = new Published[published.size()];
        for (int j = 0; j < series.length; j++) {
            series[j] = published(published.get(j));
            weekdaysOnly |= weekdaysOnly(series[j].valueOnDay());
        }
        this.period = weekdaysOnly && days >= 7 ? 7 : 1;
    }

    /**
     * Returns the resampled history of {@code data} over the calendar days {@code first} to
     * {@code last} (inclusive): the dates of a run's first and last steps.
     *
     * @throws IllegalArgumentException when an instrument's bars are not daily, or last is before first
     */
    public static ResampledHistory of(MarketData data, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the sample ends " + last + " before it starts " + first);
        }
        for (OhlcvSeries s : data.prices()) {
            if (!s.isDaily()) {
                throw new IllegalArgumentException("stress paths resample daily bars, but " + s.symbol() + " has bars of "
                        + s.interval());
            }
        }
        return new ResampledHistory(data, first, Math.toIntExact(last.toEpochDay() - first.toEpochDay() + 1));
    }

    private int dayOf(long epochMillis) {
        return Math.toIntExact(Math.floorDiv(epochMillis, DAY_MILLIS) - first.toEpochDay());
    }

    private Instrument instrument(OhlcvSeries s) {
        int[] barOnDay = new int[days];
        Arrays.fill(barOnDay, -1);
        double[] ret = new double[days];
        double[] open = new double[days];
        double[] high = new double[days];
        double[] low = new double[days];
        double[] volume = new double[days];
        Arrays.fill(ret, Double.NaN);
        int history = 0;
        int firstInSample = -1;
        for (int b = 0; b < s.size(); b++) {
            int d = dayOf(s.timeMillis(b));
            if (d < 0) {
                history = b + 1;
            } else if (d < days) {
                firstInSample = firstInSample < 0 ? b : firstInSample;
                barOnDay[d] = b;
                if (b > 0) {
                    double c = s.close(b);
                    ret[d] = c / s.close(b - 1);
                    open[d] = s.open(b) / c;
                    high[d] = s.high(b) / c;
                    low[d] = s.low(b) / c;
                    volume[d] = s.volume(b);
                }
            }
        }
        return new Instrument(s, history, firstInSample, barOnDay, ret, open, high, low, volume);
    }

    private Published published(NonPriceSeries s) {
        int[] valueOnDay = new int[days];
        Arrays.fill(valueOnDay, -1);
        int history = 0;
        for (int v = 0; v < s.size(); v++) {
            int d = dayOf(s.dateMillis(v));
            if (d < 0) {
                history = v + 1;
            } else if (d < days) {
                valueOnDay[d] = v;
            }
        }
        return new Published(s, history, valueOnDay);
    }

    /** Returns whether {@code onDay} holds something in the sample but nothing on a Saturday or Sunday. */
    private boolean weekdaysOnly(int[] onDay) {
        boolean any = false;
        for (int d = 0; d < days; d++) {
            if (onDay[d] >= 0) {
                DayOfWeek weekday = first.plusDays(d).getDayOfWeek();
                if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Returns n, the number of calendar days of the sample. */
    public int days() {
        return days;
    }

    /** Returns the sample's first day, D<sub>0</sub>. */
    public LocalDate firstDay() {
        return first;
    }

    /** Returns the sample's last day, D<sub>n−1</sub>. */
    public LocalDate lastDay() {
        return first.plusDays(days - 1L);
    }

    /** Returns the date of every day of the sample, D<sub>0</sub> first. */
    public List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            out.add(first.plusDays(d));
        }
        return out;
    }

    /** Returns the period paths must keep (see "Weekdays"): 7 when some data keeps weekends free, else 1. */
    public int period() {
        return period;
    }

    /**
     * Returns each instrument's daily log return on each day of the sample (0 on a day it has no
     * return), in universe order: the series whose dependence a block length should keep.
     */
    public double[][] dailyLogReturns() {
        double[][] out = new double[instruments.length][days];
        for (int i = 0; i < instruments.length; i++) {
            for (int d = 0; d < days; d++) {
                double r = instruments[i].ret()[d];
                out[i][d] = Double.isNaN(r) ? 0 : Math.log(r);
            }
        }
        return out;
    }

    /**
     * Returns the market data rebuilt along {@code path} (see the type's rules): the same
     * instruments, series, publication rules and sources, with resampled bars and values.
     *
     * @throws IllegalArgumentException when the path's length is not the sample's or it reaches a
     *                                  day outside the sample
     */
    public MarketData along(DayPath path) {
        if (path.length() != days) {
            throw new IllegalArgumentException("a path of " + path.length() + " positions for a sample of " + days + " days");
        }
        int[] source = path.days();
        for (int t = 0; t < days; t++) {
            if (source[t] < 0 || source[t] >= days) {
                throw new IllegalArgumentException("the path reaches day " + source[t] + " at position " + t
                        + " but the sample has " + days + " days");
            }
        }
        MarketData.Builder out = MarketData.builder();
        for (Instrument instrument : instruments) {
            out.add(bars(instrument, source));
        }
        for (Published published : series) {
            out.add(values(published, source));
        }
        return out.build();
    }

    private OhlcvSeries bars(Instrument x, int[] source) {
        OhlcvSeries real = x.bars();
        OhlcvSeries.Builder out = OhlcvSeries.builder(real.instrument()).source(real.source()).interval(BarInterval.DAY);
        for (int b = 0; b < x.history(); b++) {
            out.add(real.time(b), real.open(b), real.high(b), real.low(b), real.close(b), real.volume(b));
        }
        double close = x.history() > 0 ? real.close(x.history() - 1) : Double.NaN;
        double growth = 1;
        double volume = 0;
        int shape = -1;
        for (int t = 0; t < days; t++) {
            int s = source[t];
            if (!Double.isNaN(x.ret()[s])) {
                growth *= x.ret()[s];
                volume += x.volume()[s];
                shape = s;
            }
            int b = x.barOnDay()[t];
            if (b < 0) {
                continue;
            }
            Instant time = real.time(b);
            if (Double.isNaN(close)) {
                // Its data begins inside the sample: the first bar stays as it is and starts the chain.
                out.add(time, real.open(b), real.high(b), real.low(b), real.close(b), real.volume(b));
                close = real.close(b);
            } else if (shape < 0) {
                out.add(time, close, close, close, close, 0);
            } else {
                close *= growth;
                out.add(time, x.open()[shape] * close, x.high()[shape] * close, x.low()[shape] * close, close, volume);
            }
            growth = 1;
            volume = 0;
            shape = -1;
        }
        return out.build();
    }

    private NonPriceSeries values(Published p, int[] source) {
        NonPriceSeries real = p.series();
        long[] epochDays = new long[p.history() + days];
        double[] values = new double[epochDays.length];
        int size = 0;
        for (int v = 0; v < p.history(); v++) {
            epochDays[size] = real.date(v).toEpochDay();
            values[size++] = real.value(v);
        }
        for (int t = 0; t < days; t++) {
            int v = p.valueOnDay()[source[t]];
            if (v >= 0) {
                epochDays[size] = first.toEpochDay() + t;
                values[size++] = real.value(v);
            }
        }
        return NonPriceSeries.of(real.name(), real.rule(), Arrays.copyOf(epochDays, size), Arrays.copyOf(values, size),
                real.source());
    }

    @Override
    public String toString() {
        return "ResampledHistory(" + data.instruments().size() + " instruments, " + series.length + " series, " + first
                + " .. " + lastDay() + ", period " + period + ")";
    }
}
