package dev.crashlab.data.sample;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.PriceWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sample-data generator writes crashlab's synthetic sample: daily bars of BTC-USD, ETH-USD,
 * SOL-USD, QQQ, MSTR and GLD and daily net flows of US spot-bitcoin ETFs, drawn from a seeded
 * model with the stylised behaviour of crash regimes. It is not market history.
 *
 * <h2>Model</h2>
 * Daily log-returns are drift plus a common factor (so that assets move together, crypto and
 * MSTR strongly, QQQ a little, GLD hardly) plus each asset's own shock. Factor and own shocks
 * have GARCH(1,1) variances (volatility clustering) and Student-t innovations with 4 degrees of
 * freedom, cut at 6 standard deviations (fat tails). Crypto trades every calendar day; QQQ, MSTR and GLD trade on XNYS
 * sessions only and take the factor's moves of closed days at the next session. Bars are built
 * around the closes: opens gap from the previous close (not at all for crypto), highs and lows
 * reach beyond open and close by an amount that scales with the day's volatility. ETF flows are
 * positive on average, chase BTC's five-day return, and start on 2024-01-11.
 *
 * <h2>Events</h2>
 * <ul>
 *   <li>2024-09-30 to 2024-10-18, liquidity crash: everything falls (BTC -45 %, ETH -58 %,
 *       SOL -65 %, MSTR -60 %, QQQ -25 %, GLD -7 %), volatility is 2.2 times normal and decays
 *       over the following weeks, ETF flows are negative every session until 2024-11-08.</li>
 *   <li>2024-10-19 to 2024-11-30, altcoin slump: ETH -5 %, SOL -8 %, so that on 1 December both
 *       are well over 30 % below their 90-day highs.</li>
 *   <li>2024-12-01 to 2024-12-15, December rebound: ETH +32 %, SOL +40 %.</li>
 *   <li>2024-12-16 to 2025-01-15, fade: ETH -25 %, SOL -30 %.</li>
 * </ul>
 * Each return is exact from the last close before the window to the last close in it; the path
 * inside the window stays random. An event is left out of a range unless its window starts at
 * least a week after the first day (so that every asset, equities too, has a close before it) and
 * ends on or before the last day.
 *
 * <h2>Determinism</h2>
 * The same options give byte-identical files: the numbers come from {@code L64X128MixRandom}
 * streams seeded from {@link Options#seed()}, computed with {@link StrictMath}, and nothing reads
 * the clock. A test regenerates the committed {@code data/sample} and compares bytes.
 */
public final class SampleDataGenerator {

    /** The seed of the committed sample. */
    public static final long DEFAULT_SEED = 20_200_101L;

    /** The name of the ETF-flow file. */
    public static final String ETF_FLOWS_FILE = "etf_flows_btc.csv";

    /** Where {@link #main} writes when given no folder, relative to the working directory. */
    public static final String DEFAULT_FOLDER = "data/sample";

    /**
     * What to generate.
     *
     * @param seed  the seed of every random stream
     * @param start the first date, inclusive
     * @param end   the last date, inclusive
     */
    public record Options(long seed, LocalDate start, LocalDate end) {

        /** The options of the committed sample: {@link #DEFAULT_SEED}, 2020-01-01 to 2025-12-31. */
        public static final Options DEFAULTS =
                new Options(DEFAULT_SEED, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31));

        /** Checks that both dates are given and that the range spans at least two days. */
        public Options {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end " + end + " must be after start " + start);
            }
        }

        /** Returns these options with another seed. */
        public Options withSeed(long otherSeed) {
            return new Options(otherSeed, start, end);
        }
    }

    private final Options options;

    /** Creates a generator of the sample {@code options} describe. */
    public SampleDataGenerator(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Returns the options this generator was created with. */
    public Options options() {
        return options;
    }

    /**
     * Writes the sample into {@code folder}, creating it when needed and replacing each file
     * atomically, and returns the files written: the six price files in crashlab's CSV format
     * ({@code BTC-USD.csv} ... {@code GLD.csv}), then {@value #ETF_FLOWS_FILE}. Every file opens
     * with comment lines, the first of which says "synthetic".
     */
    public List<Path> writeTo(Path folder) {
        Objects.requireNonNull(folder, "folder");
        List<Event> events = Scenario.EVENTS.stream().filter(this::inRange).toList();
        InstrumentCatalog catalog = InstrumentCatalog.defaults();
        List<Instrument> instruments = Scenario.ASSETS.stream()
                .map(asset -> catalog.find(asset.symbol()).orElseThrow())
                .toList();
        List<TradingCalendar> calendars = instruments.stream().map(Instrument::calendar).toList();
        List<ReturnModel.Path> paths = ReturnModel.simulate(Scenario.ASSETS, calendars, events, options.seed(),
                options.start(), options.end());

        List<Path> written = new ArrayList<>();
        OhlcvSeries btc = null;
        for (int a = 0; a < paths.size(); a++) {
            ReturnModel.Path path = paths.get(a);
            OhlcvSeries series = BarShaper.shape(path, instruments.get(a), options.seed());
            String symbol = path.asset().symbol();
            if (symbol.equals("BTC-USD")) {
                btc = series;
            }
            Path file = folder.resolve(symbol + ".csv");
            PriceWriter.write(series, file, header(symbol + " daily bars (date,open,high,low,close,volume)"));
            written.add(file);
        }
        Path flowsFile = folder.resolve(ETF_FLOWS_FILE);
        EtfFlows.write(EtfFlows.simulate(Objects.requireNonNull(btc, "BTC-USD path"), events, options.seed(),
                options.start(), options.end()), flowsFile,
                header("daily net flows of US spot-bitcoin ETFs in US$ millions, sessions from "
                        + EtfFlows.LAUNCH + " on"));
        written.add(flowsFile);
        return List.copyOf(written);
    }

    private boolean inRange(Event event) {
        // a week always holds an NYSE session: the longest closure, September 2001, ran six days
        return !event.from().isBefore(options.start().plusDays(7)) && !event.to().isAfter(options.end());
    }

    private List<String> header(String what) {
        return List.of(
                "synthetic sample data, not market history: " + what,
                "generated by " + SampleDataGenerator.class.getName() + " with seed " + options.seed() + ", "
                        + options.start() + " to " + options.end(),
                "model: GARCH(1,1) variance, Student-t(" + Shocks.DEGREES_OF_FREEDOM
                        + ") shocks, one common factor, stylised crash and December rebound; see data/README.md");
    }

    /**
     * Regenerates the sample with the default options into the folder named by the first
     * argument, or into {@value #DEFAULT_FOLDER} under the working directory, and prints each
     * file written.
     */
    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println("usage: SampleDataGenerator [output-folder]   (default: " + DEFAULT_FOLDER + ")");
            System.exit(2);
        }
        Path folder = Path.of(args.length == 1 ? args[0] : DEFAULT_FOLDER);
        for (Path file : new SampleDataGenerator(Options.DEFAULTS).writeTo(folder)) {
            System.out.println("wrote " + file);
        }
    }
}
