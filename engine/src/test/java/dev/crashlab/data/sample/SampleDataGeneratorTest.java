package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.PriceLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final List<String> PRICE_FILES =
            List.of("BTC-USD.csv", "ETH-USD.csv", "SOL-USD.csv", "QQQ.csv", "MSTR.csv", "GLD.csv");

    /** The committed sample, seen from the engine module's folder, where Maven runs the tests. */
    private static final Path COMMITTED = Path.of("..", "data", "sample");

    @TempDir
    static Path sampleFolder;
    static List<Path> written;

    @BeforeAll
    static void generateTheDefaultSample() {
        written = new SampleDataGenerator(SampleDataGenerator.Options.DEFAULTS).writeTo(sampleFolder);
    }

    static OhlcvSeries load(String file) {
        return PriceLoader.load(sampleFolder.resolve(file));
    }

    @Nested
    class WrittenFiles {

        @Test
        void writesTheSixPriceFilesThenTheEtfFlowFile() {
            assertThat(written).extracting(p -> p.getFileName().toString())
                    .containsExactly("BTC-USD.csv", "ETH-USD.csv", "SOL-USD.csv", "QQQ.csv", "MSTR.csv", "GLD.csv",
                            "etf_flows_btc.csv");
            assertThat(written).allMatch(p -> p.getParent().equals(sampleFolder));
        }

        @Test
        void everyFileOpensWithACommentSayingSyntheticAndNotMarketHistory() {
            for (Path file : written) {
                String first = lines(file).getFirst();
                assertThat(first).as(file.toString()).startsWith("# synthetic").contains("not market history");
                assertThat(lines(file).get(1)).contains("seed " + SampleDataGenerator.DEFAULT_SEED);
            }
        }

        @Test
        void everyPriceFileLoadsStrictlyWithoutWarningsAndDeclaresItselfSynthetic() {
            for (String file : PRICE_FILES) {
                OhlcvSeries series = load(file);
                assertThat(series.gapCount()).as(file).isZero();
                assertThat(series.warnings()).as(file).isEmpty();
                assertThat(series.source().synthetic()).as(file).isTrue();
                assertThat(series.isDaily()).as(file).isTrue();
            }
        }

        @Test
        void cryptoHasABarEveryDayAndEquitiesOneEveryXnysSession() {
            LocalDate start = LocalDate.of(2020, 1, 1);
            LocalDate end = LocalDate.of(2025, 12, 31);
            for (String file : PRICE_FILES) {
                OhlcvSeries series = load(file);
                TradingCalendar calendar = series.instrument().calendar();
                List<LocalDate> expected = start.datesUntil(end.plusDays(1)).filter(calendar::isTradingDay).toList();
                List<LocalDate> actual = new ArrayList<>();
                for (int i = 0; i < series.size(); i++) {
                    actual.add(series.date(i));
                }
                assertThat(actual).as(file).isEqualTo(expected);
            }
            assertThat(load("BTC-USD.csv").size()).isEqualTo(2192);
            assertThat(load("QQQ.csv").instrument().calendar()).isSameAs(TradingCalendar.XNYS);
        }

        @Test
        void pricesAreWrittenWithNoMoreDecimalsThanFiveSignificantDigitsOrTwoDecimalsNeed() {
            for (String file : PRICE_FILES) {
                for (String line : dataLines(sampleFolder.resolve(file))) {
                    String[] fields = line.split(",");
                    for (int k = 1; k <= 4; k++) {
                        BigDecimal price = new BigDecimal(fields[k]).stripTrailingZeros();
                        int integerDigits = price.precision() - price.scale();
                        assertThat(price.scale()).as(file + ": " + line)
                                .isLessThanOrEqualTo(Math.max(2, 5 - integerDigits));
                    }
                }
            }
        }

        @Test
        void etfFlowsHaveOneRowPerXnysSessionFromLaunchAndTotalsThatAreTheSumOfTheFunds() {
            List<String> lines = lines(sampleFolder.resolve(SampleDataGenerator.ETF_FLOWS_FILE));
            assertThat(lines).filteredOn(l -> !l.startsWith("#")).first().isEqualTo("date,IBIT,FBTC,GBTC,total");
            List<LocalDate> dates = new ArrayList<>();
            for (Flow flow : flows()) {
                dates.add(flow.date());
                assertThat(flow.ibit() + flow.fbtc() + flow.gbtc()).as(flow.toString()).isEqualTo(flow.total());
            }
            assertThat(dates).isEqualTo(EtfFlows.LAUNCH.datesUntil(LocalDate.of(2026, 1, 1))
                    .filter(TradingCalendar.XNYS::isTradingDay).toList());
        }
    }

    @Nested
    class Determinism {

        @Test
        void theSameSeedWritesByteIdenticalFiles(@TempDir Path again) {
            List<Path> second = new SampleDataGenerator(SampleDataGenerator.Options.DEFAULTS).writeTo(again);
            for (int i = 0; i < written.size(); i++) {
                assertThat(bytes(second.get(i))).as(second.get(i).toString()).isEqualTo(bytes(written.get(i)));
            }
        }

        @Test
        void anotherSeedWritesOtherPrices(@TempDir Path other) {
            List<Path> second =
                    new SampleDataGenerator(SampleDataGenerator.Options.DEFAULTS.withSeed(7)).writeTo(other);
            for (int i = 0; i < written.size(); i++) {
                assertThat(dataLines(second.get(i))).as(second.get(i).toString())
                        .isNotEqualTo(dataLines(written.get(i)));
            }
        }

        @Test
        void theCommittedSampleIsExactlyWhatTheGeneratorWritesWithTheDefaultOptions() throws IOException {
            try (Stream<Path> files = Files.list(COMMITTED)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .as("files in " + COMMITTED.toAbsolutePath().normalize())
                        .isEqualTo(written.stream().map(p -> p.getFileName().toString()).sorted().toList());
            }
            for (Path file : written) {
                assertThat(bytes(COMMITTED.resolve(file.getFileName())))
                        .as(file.getFileName() + " differs from a fresh run: regenerate data/sample (see data/README.md)")
                        .isEqualTo(bytes(file));
            }
        }
    }

    @Nested
    class StylisedFacts {

        @Test
        void btcSquaredReturnsAreAutocorrelatedAtLagOne() {
            double[] r = logReturns(load("BTC-USD.csv"));
            double[] squared = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                squared[i] = r[i] * r[i];
            }
            assertThat(Stats.autocorrelation(squared, 1)).isGreaterThan(0.0);
        }

        @Test
        void btcDailyReturnsHaveFatTails() {
            assertThat(Stats.excessKurtosis(logReturns(load("BTC-USD.csv")))).isGreaterThan(1.0);
        }

        @Test
        void everyAssetFallsDuringTheCrashAndBtcLosesAboutHalfPeakToTrough() {
            Event crash = Scenario.CRASH;
            for (String file : PRICE_FILES) {
                OhlcvSeries series = load(file);
                int before = lastIndexBefore(series, crash.from());
                int last = lastIndexBefore(series, crash.to().plusDays(1));
                double fall = series.close(last) / series.close(before) - 1;
                assertThat(fall).as(file).isNegative();
                // the window return is set exactly, up to rounding of the two closes
                double target = crash.returns().get(PriceLoader.symbolOf(Path.of(file)));
                assertThat(fall).as(file).isCloseTo(target, offset(1e-3));
            }
            OhlcvSeries btc = load("BTC-USD.csv");
            int before = lastIndexBefore(btc, crash.from());
            double peak = 0;
            double trough = Double.MAX_VALUE;
            for (int i = before - 30; i <= lastIndexBefore(btc, crash.to().plusDays(1)); i++) {
                if (i <= before) {
                    peak = Math.max(peak, btc.close(i));
                } else {
                    trough = Math.min(trough, btc.close(i));
                }
            }
            assertThat(trough / peak - 1).isBetween(-0.55, -0.40);
        }

        @Test
        void etfFlowsAreNegativeEverySessionOfTheCrashAndTheWeeksAfter() {
            List<Flow> window = flows().stream()
                    .filter(f -> !f.date().isBefore(Scenario.CRASH.from())
                            && !f.date().isAfter(Scenario.CRASH.outflowsUntil()))
                    .toList();
            assertThat(window).hasSize(Scenario.CRASH.from().datesUntil(Scenario.CRASH.outflowsUntil().plusDays(1))
                    .filter(TradingCalendar.XNYS::isTradingDay).toList().size());
            assertThat(window).allSatisfy(f -> assertThat(f.total()).as(f.toString()).isNegative());
        }

        @Test
        void etfFlowsArePositiveOnAverageAndChaseBtc() {
            List<Flow> flows = flows();
            assertThat(flows.stream().mapToLong(Flow::total).average().orElseThrow()).isPositive();
            OhlcvSeries btc = load("BTC-USD.csv");
            List<Flow> free = flows.stream().filter(f -> !Scenario.CRASH.forcesOutflow(f.date())).toList();
            double[] totals = free.stream().mapToDouble(f -> f.total()).toArray();
            double[] weekReturns = free.stream().mapToDouble(f -> {
                int i = lastIndexBefore(btc, f.date().plusDays(1));
                return Math.log(btc.close(i) / btc.close(i - 5));
            }).toArray();
            assertThat(Stats.correlation(totals, weekReturns)).isGreaterThan(0.2);
        }

        @Test
        void altcoinsReboundInTheFirstHalfOfDecemberAfterFallingFarBelowTheir90DayHigh() {
            LocalDate december = Scenario.DECEMBER_REBOUND.from();
            assertThat(december).isEqualTo(LocalDate.of(2024, 12, 1));
            for (String file : List.of("ETH-USD.csv", "SOL-USD.csv")) {
                OhlcvSeries series = load(file);
                int lastNovember = lastIndexBefore(series, december);
                double high90 = 0;
                for (int i = lastIndexBefore(series, december.minusDays(90)) + 1; i <= lastNovember; i++) {
                    high90 = Math.max(high90, series.high(i));
                }
                assertThat(series.close(lastNovember) / high90 - 1).as(file + " below its 90-day high")
                        .isLessThanOrEqualTo(-0.30);

                int earlyEnd = lastIndexBefore(series, december.plusDays(7));
                int lowIndex = lastNovember + 1;
                for (int i = lastNovember + 1; i <= earlyEnd; i++) {
                    lowIndex = series.low(i) < series.low(lowIndex) ? i : lowIndex;
                }
                double best = 0;
                for (int i = lowIndex; i <= lastIndexBefore(series, december.plusDays(15)); i++) {
                    best = Math.max(best, series.close(i));
                }
                assertThat(best / series.low(lowIndex) - 1).as(file + " rebound from its early-December low")
                        .isGreaterThanOrEqualTo(0.20);

                int midDecember = lastIndexBefore(series, december.plusDays(15));
                int midJanuary = lastIndexBefore(series, Scenario.REBOUND_FADE.to().plusDays(1));
                assertThat(series.close(midJanuary)).as(file + " fades by mid-January")
                        .isLessThan(series.close(midDecember));
            }
        }
    }

    @Nested
    class OptionsAndRange {

        @Test
        void rejectsAnEndThatIsNotAfterTheStart() {
            LocalDate day = LocalDate.of(2024, 1, 1);
            assertThatThrownBy(() -> new SampleDataGenerator.Options(1, day, day))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("end 2024-01-01 must be after start 2024-01-01");
        }

        @Test
        void leavesOutEventsOutsideTheRangeAndWritesNoFlowsBeforeTheEtfsExist(@TempDir Path folder) {
            var options = new SampleDataGenerator.Options(3, LocalDate.of(2020, 1, 1), LocalDate.of(2023, 6, 30));
            List<Path> files = new SampleDataGenerator(options).writeTo(folder);
            assertThat(PriceLoader.load(files.getFirst()).size()).isEqualTo(1277);
            assertThat(dataLines(files.getLast())).isEmpty();
        }

        @Test
        void generatesARangeThatStartsInsideTheCrashWindowWithoutTheCrash(@TempDir Path folder) {
            var options = new SampleDataGenerator.Options(3, LocalDate.of(2024, 10, 7), LocalDate.of(2025, 3, 31));
            List<Path> files = new SampleDataGenerator(options).writeTo(folder);
            assertThat(files).hasSize(7);
            assertThat(PriceLoader.load(folder.resolve("QQQ.csv")).gapCount()).isZero();
        }

        @Test
        void leavesOutAnEventThatStartsBeforeEveryAssetHasAClose(@TempDir Path folder) {
            // a Saturday start: the crypto files have two days before the crash, QQQ none
            var options = new SampleDataGenerator.Options(3, LocalDate.of(2024, 9, 28), LocalDate.of(2024, 12, 31));
            new SampleDataGenerator(options).writeTo(folder);
            assertThat(PriceLoader.load(folder.resolve("QQQ.csv")).date(0)).isEqualTo(LocalDate.of(2024, 9, 30));
        }

        @Test
        void mainWritesIntoTheFolderItIsGivenAndListsTheFiles(@TempDir Path folder) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream console = System.out;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                SampleDataGenerator.main(new String[] {folder.toString()});
            } finally {
                System.setOut(console);
            }
            for (Path file : written) {
                assertThat(bytes(folder.resolve(file.getFileName()))).isEqualTo(bytes(file));
            }
            assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                    .containsExactlyElementsOf(written.stream()
                            .map(p -> "wrote " + folder.resolve(p.getFileName())).toList());
        }
    }

    /** One row of the flow file, in tenths of US$ millions so that sums are exact. */
    record Flow(LocalDate date, long ibit, long fbtc, long gbtc, long total) {
    }

    /** Reads the flows back from the written text. */
    static List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        for (String line : dataLines(sampleFolder.resolve(SampleDataGenerator.ETF_FLOWS_FILE))) {
            String[] f = line.split(",");
            flows.add(new Flow(LocalDate.parse(f[0]), tenths(f[1]), tenths(f[2]), tenths(f[3]), tenths(f[4])));
        }
        return flows;
    }

    private static long tenths(String value) {
        return Math.round(Double.parseDouble(value) * 10);
    }

    static int lastIndexBefore(OhlcvSeries series, LocalDate date) {
        return series.indexAtOrBefore(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
    }

    static double[] logReturns(OhlcvSeries series) {
        double[] r = new double[series.size() - 1];
        for (int i = 1; i < series.size(); i++) {
            r[i - 1] = Math.log(series.close(i) / series.close(i - 1));
        }
        return r;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the lines after the comments and the header. */
    static List<String> dataLines(Path file) {
        List<String> lines = lines(file).stream().filter(l -> !l.startsWith("#")).toList();
        return lines.subList(1, lines.size());
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
