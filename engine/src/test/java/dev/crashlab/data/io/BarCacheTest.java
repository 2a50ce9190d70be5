package dev.crashlab.data.io;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCacheTest {

    private static final Instrument BTC = Instrument.of("BTC-USD", AssetClass.CRYPTO);

    @TempDir
    Path dir;

    private Path source() {
        return write(dir, "BTC-USD.csv",
                "# synthetic test bars",
                "time,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,100,101,99,100.5,1",
                "2024-01-01T00:01:00Z,100.5,102,100,101,2",
                "2024-01-01T00:05:00Z,101,103,100,102,3");
    }

    private Path cache() {
        return dir.resolve("cache");
    }

    private List<String> cacheFiles() {
        try (Stream<Path> files = Files.list(cache())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OhlcvSeries load(Path source, AtomicInteger parses) {
        return BarCache.load(source, cache(), BTC, () -> {
            parses.incrementAndGet();
            return PriceLoader.load(source, LoadOptions.builder().instrument(BTC).build());
        });
    }

    private static void assertSameSeries(OhlcvSeries actual, OhlcvSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(new double[] {actual.timeMillis(i), actual.open(i), actual.high(i), actual.low(i),
                    actual.close(i), actual.volume(i)}).containsExactly(expected.timeMillis(i), expected.open(i),
                    expected.high(i), expected.low(i), expected.close(i), expected.volume(i));
        }
        assertThat(actual.source()).isEqualTo(expected.source());
        assertThat(actual.warnings()).isEqualTo(expected.warnings());
        assertThat(actual.interval()).isEqualTo(expected.interval());
    }

    @Test
    void parsesOnceThenServesTheSameSeriesFromACacheNamedByTheSourcesDigest() throws IOException {
        Path source = source();
        AtomicInteger parses = new AtomicInteger();

        OhlcvSeries first = load(source, parses);
        OhlcvSeries second = load(source, parses);

        assertThat(parses).hasValue(1);
        assertSameSeries(second, first);
        String sha256 = PriceLoader.sha256(Files.readAllBytes(source));
        assertThat(first.source().sha256()).isEqualTo(sha256);
        assertThat(cacheFiles()).hasSize(2).contains(sha256 + ".bars")
                .anySatisfy(name -> assertThat(name).startsWith("BTC-USD.csv-").endsWith(".stamp"));
        assertThat(second.warnings()).isNotEmpty(); // the gap travels with the bars
        assertThat(second.source().synthetic()).isTrue();
    }

    @Test
    void rebuildsWhenTheSourceChangesAndRemovesTheOldCache() throws IOException {
        Path source = source();
        AtomicInteger parses = new AtomicInteger();
        String oldSha = load(source, parses).source().sha256();

        Files.writeString(source, Files.readString(source).replace("102,3", "102,30"));
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
        OhlcvSeries changed = load(source, parses);

        assertThat(parses).hasValue(2);
        assertThat(changed.volume(2)).isEqualTo(30);
        assertThat(cacheFiles()).contains(changed.source().sha256() + ".bars").doesNotContain(oldSha + ".bars");
    }

    @Test
    void rehashesATouchedSourceButKeepsItsCacheWhenTheBytesAreTheSame() throws IOException {
        Path source = source();
        AtomicInteger parses = new AtomicInteger();
        load(source, parses);

        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 5000));
        load(source, parses);

        assertThat(parses).hasValue(1);
    }

    @Test
    void rebuildsACacheThatFailsItsChecksum() throws IOException {
        Path source = source();
        AtomicInteger parses = new AtomicInteger();
        OhlcvSeries first = load(source, parses);
        Path bars = BarCache.cacheFile(cache(), first.source().sha256());
        byte[] bytes = Files.readAllBytes(bars);
        bytes[bytes.length - 20] ^= 0x01; // a bit of the volume column
        Files.write(bars, bytes);

        OhlcvSeries again = load(source, parses);

        assertThat(parses).hasValue(2);
        assertSameSeries(again, first);
    }

    @Test
    void leavesNoCacheFileWhenTheSourceFailsToLoad() {
        Path source = write(dir, "BTC-USD.csv",
                "time,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,100,101,99,100.5,1",
                "2024-01-01T00:01:00Z,100.5,99,100,101,2");

        assertThatThrownBy(() -> load(source, new AtomicInteger())).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(source + ":3: field 'high'");
        assertThat(Files.exists(cache()) ? cacheFiles() : List.of()).isEmpty();
    }

    @Test
    void servesTheLoaderWhenTheOptionsNameACacheFolderAndNamesTheSourceAsLoadedNow() throws IOException {
        Path source = source();
        LoadOptions options = LoadOptions.builder().instrument(BTC).cacheFolder(cache()).build();
        OhlcvSeries parsed = PriceLoader.load(source, LoadOptions.builder().instrument(BTC).build());

        PriceLoader.load(source, options);
        Path copy = Files.copy(source, dir.resolve("copy.csv"));
        OhlcvSeries cached = PriceLoader.load(copy, options);

        assertThat(cacheFiles()).filteredOn(name -> name.endsWith(".bars")).hasSize(1); // one digest, one cache
        assertThat(cached.source().path()).isEqualTo(copy.toString());
        assertThat(cached.warnings().getFirst().file()).isEqualTo(copy.toString());
        assertThat(cached.close(2)).isEqualTo(parsed.close(2));
    }
}
