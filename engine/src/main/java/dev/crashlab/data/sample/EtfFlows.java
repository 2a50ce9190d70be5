package dev.crashlab.data.sample;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.AtomicWrite;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws daily net flows of three US spot-bitcoin ETFs, in US$ millions, and writes them as
 * {@code date,IBIT,FBTC,GBTC,total}.
 *
 * <h2>Model</h2>
 * One row per XNYS session from {@link #LAUNCH} (the first trading day of the US spot ETFs) on.
 * The day's total is {@code MEAN + CHASE * s + a}, where {@code s} is BTC's log-return over the
 * five days up to that day's close (flows chase price) and {@code a} is AR(1) noise,
 * {@code a' = PERSISTENCE * a + NOISE * t} with {@code t} unit-variance fat-tailed ({@link Shocks#fatTailed()}). On days an
 * event forces outflows the total is instead {@code -(20 + 250 * exp(0.6 z))}: negative every
 * day, with a median of about -270. GBTC bleeds steadily (a median outflow of 300 at launch,
 * decaying to 20 with a time constant of 60 days); IBIT takes a random share around 62 % of the
 * rest, FBTC the remainder.
 *
 * <h2>Rounding</h2>
 * Values are drawn in US$ millions and written with one decimal; the total is the exact sum of
 * the written fund values.
 */
final class EtfFlows {

    /** The first trading day of the US spot-bitcoin ETFs; there are no rows before it. */
    static final LocalDate LAUNCH = LocalDate.of(2024, 1, 11);
    /** The random stream of the flows. */
    static final int STREAM = 200;
    /** The header of the written file. */
    static final String HEADER = "date,IBIT,FBTC,GBTC,total";

    /** Mean daily total inflow outside forced-outflow days, US$ millions. */
    static final double MEAN = 150;
    /** Extra daily inflow per unit of BTC's five-day log-return, US$ millions (a 10 % week adds about 190). */
    static final double CHASE = 2000;
    /** Day-to-day persistence of the flow noise. */
    static final double PERSISTENCE = 0.4;
    /** Standard deviation of the flow noise's daily innovation, US$ millions. */
    static final double NOISE = 220;

    /**
     * One day's flows, in tenths of US$ millions so that the total is an exact sum.
     *
     * @param date       the session date
     * @param ibitTenths IBIT's net flow
     * @param fbtcTenths FBTC's net flow
     * @param gbtcTenths GBTC's net flow
     */
    record Row(LocalDate date, long ibitTenths, long fbtcTenths, long gbtcTenths) {

        /** Returns the total of the three funds, in tenths of US$ millions. */
        long totalTenths() {
            return ibitTenths + fbtcTenths + gbtcTenths;
        }
    }

    private EtfFlows() {
    }

    /**
     * Returns the flows of every XNYS session in [{@code start}, {@code end}] from
     * {@link #LAUNCH} on, chasing the closes of {@code btc} (a series with a bar every day of the
     * range).
     */
    static List<Row> simulate(OhlcvSeries btc, List<Event> events, long seed, LocalDate start, LocalDate end) {
        Shocks shocks = Shocks.stream(seed, STREAM);
        List<Row> rows = new ArrayList<>();
        LocalDate first = start.isBefore(LAUNCH) ? LAUNCH : start;
        LocalDate btcStart = btc.date(0);
        double noise = 0;
        for (LocalDate date = first; !date.isAfter(end); date = date.plusDays(1)) {
            if (!TradingCalendar.XNYS.isTradingDay(date)) {
                continue;
            }
            int today = (int) btcStart.until(date, ChronoUnit.DAYS);
            int weekAgo = Math.max(0, today - 5);
            double chase = StrictMath.log(btc.close(today) / btc.close(weekAgo));
            // every day draws the same numbers whatever its regime, so an event moved in time
            // changes the flows of its own days only
            double innovation = NOISE * shocks.fatTailed();
            double outflowSize = 20 + 250 * StrictMath.exp(0.6 * shocks.normal());
            double total;
            if (forcesOutflow(events, date)) {
                total = -outflowSize;
                noise = total - MEAN - CHASE * chase;
            } else {
                noise = PERSISTENCE * noise + innovation;
                total = MEAN + CHASE * chase + noise;
            }
            double daysLive = LAUNCH.until(date, ChronoUnit.DAYS);
            double gbtc = -(20 + 280 * StrictMath.exp(-daysLive / 60)) * StrictMath.exp(0.4 * shocks.normal());
            double ibitShare = Math.clamp(0.62 + 0.12 * shocks.normal(), 0.2, 0.95);

            long totalTenths = Math.round(total * 10);
            long gbtcTenths = Math.round(gbtc * 10);
            long ibitTenths = Math.round(ibitShare * (totalTenths - gbtcTenths));
            rows.add(new Row(date, ibitTenths, totalTenths - gbtcTenths - ibitTenths, gbtcTenths));
        }
        return rows;
    }

    private static boolean forcesOutflow(List<Event> events, LocalDate date) {
        for (Event event : events) {
            if (event.forcesOutflow(date)) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code rows} to {@code target} atomically, after {@code comments} as {@code #} lines. */
    static void write(List<Row> rows, Path target, List<String> comments) {
        AtomicWrite.stream(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (String comment : comments) {
                w.write("# " + comment + "\n");
            }
            w.write(HEADER + "\n");
            for (Row row : rows) {
                w.write(row.date() + "," + tenths(row.ibitTenths()) + "," + tenths(row.fbtcTenths()) + ","
                        + tenths(row.gbtcTenths()) + "," + tenths(row.totalTenths()) + "\n");
            }
            w.flush();
        });
    }

    /** Returns a count of tenths as a decimal with one digit after the point: -953 is "-95.3". */
    static String tenths(long tenths) {
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }
}
