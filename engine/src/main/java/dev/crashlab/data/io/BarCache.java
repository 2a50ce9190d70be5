package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The binary bar cache: a price file's bars stored by column, so that a file of millions of
 * one-minute bars is parsed once and then mapped back in a fraction of the time.
 *
 * <h2>Keyed by the source's SHA-256</h2>
 * The cache of a source is {@code <folder>/<sha256 of the source>.bars}: content-addressed, so a
 * changed source (a different digest) never meets the bars of its old bytes, and two copies of
 * one file share one cache. Hashing a 400 MB file costs more than mapping its cache, so a small
 * stamp, {@code <folder>/<file name>-<hash of its absolute path>.stamp}, remembers the source's
 * size, modification time and digest: while size and time are unchanged the digest is taken from
 * the stamp, as {@code git} and {@code make} trust them; any change of either rehashes the
 * source, and a new digest rebuilds the cache (and removes the old one).
 *
 * <h2>Layout (little-endian)</h2>
 * {@code CLBARS01}, the bar count (int) and the length of the metadata block (int); the metadata
 * (source path, SHA-256 and format of the {@link DataSource}, whether synthetic, and the
 * warnings the load raised, which belong to the bars); zero padding to 8 bytes; the columns,
 * times (epoch ms, long) then open, high, low, close and volume (double), each {@code n} values;
 * last the CRC32C of the column bytes. A cache that fails any check (magic, lengths, CRC, the
 * bar rules that {@link OhlcvSeries#ofColumns} applies again) is rebuilt from the source.
 *
 * <h2>Written atomically</h2>
 * Cache and stamp are written with {@link AtomicWrite}: after any failure the folder holds the
 * previous files or none, never a partial one.
 */
public final class BarCache {

    private static final byte[] MAGIC = "CLBARS01".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".bars";

    private BarCache() {
    }

    /**
     * Returns the bars of {@code source}: from the cache in {@code folder} when it holds them for
     * the source's current bytes, else from {@code parse} (which reads the source strictly), then
     * cached. The series is the one {@code parse} would return: same bars, source and warnings.
     */
    public static OhlcvSeries load(Path source, Path folder, Instrument instrument, Supplier<OhlcvSeries> parse) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (IOException e) {
            return parse.get(); // the loader says what is wrong with the file
        }
        Path stampFile = stampFor(source, folder);
        Stamp stamp = Stamp.read(stampFile);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String sha256 = stamp != null && stamp.size == size && stamp.modified == modified
                ? stamp.sha256 : sha256(source);
        OhlcvSeries cached = read(folder.resolve(sha256 + SUFFIX), source.toString(), instrument);
        if (cached == null) {
            cached = parse.get();
            // The digest of the bytes parsed (the file's, or its archive's): the file may have changed since it was hashed.
            sha256 = cached.source().sha256().isEmpty() ? sha256 : cached.source().sha256();
            write(cached, folder.resolve(sha256 + SUFFIX), source.toString());
        }
        if (stamp == null || stamp.size != size || stamp.modified != modified || !stamp.sha256.equals(sha256)) {
            if (stamp != null && !stamp.sha256.equals(sha256)) {
                deleteQuietly(folder.resolve(stamp.sha256 + SUFFIX));
            }
            AtomicWrite.text(stampFile, size + " " + modified + " " + sha256 + "\n");
        }
        return cached;
    }

    /** Returns the cache file of a source whose bytes have digest {@code sha256}. */
    public static Path cacheFile(Path folder, String sha256) {
        return folder.resolve(sha256 + SUFFIX);
    }

    private static Path stampFor(Path source, Path folder) {
        String absolute = source.toAbsolutePath().normalize().toString();
        String pathHash = PriceLoader.sha256(absolute.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return folder.resolve(source.getFileName() + "-" + pathHash + ".stamp");
    }

    private static String sha256(Path source) {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new DataFileException(source.toString(), 0, null, "file too large to cache (over 2 GB)");
            }
            return PriceLoader.sha256(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + source + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code series} to {@code cache}, atomically. */
    static void write(OhlcvSeries series, Path cache, String path) {
        byte[] metadata = metadata(series, path);
        int n = series.size();
        AtomicWrite.stream(cache, out -> {
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(n).putInt(metadata.length);
            out.write(head.array());
            out.write(metadata);
            out.write(new byte[padding(16 + metadata.length)]);
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int column = 0; column < 6; column++) {
                for (int i = 0; i < n; i++) {
                    if (!chunk.hasRemaining()) {
                        flush(chunk, out, crc);
                    }
                    switch (column) {
                        case 0 -> chunk.putLong(series.timeMillis(i));
                        case 1 -> chunk.putDouble(series.open(i));
                        case 2 -> chunk.putDouble(series.high(i));
                        case 3 -> chunk.putDouble(series.low(i));
                        case 4 -> chunk.putDouble(series.close(i));
                        default -> chunk.putDouble(series.volume(i));
                    }
                }
            }
            flush(chunk, out, crc);
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
            out.write(tail.array());
        });
    }

    private static void flush(ByteBuffer chunk, OutputStream out, CRC32C crc) throws IOException {
        crc.update(chunk.array(), 0, chunk.position());
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
    }

    /** Returns the metadata block; {@code path} is the source as loaded, which the names in it start with. */
    private static byte[] metadata(OhlcvSeries series, String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            DataSource source = series.source();
            out.writeUTF(path);
            out.writeUTF(source.path());
            out.writeUTF(source.sha256());
            out.writeUTF(source.format());
            out.writeBoolean(source.synthetic());
            out.writeInt(series.warnings().size());
            for (DataWarning w : series.warnings()) {
                out.writeUTF(w.kind().name());
                out.writeUTF(w.file());
                out.writeLong(w.line());
                out.writeUTF(w.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the series cached in {@code cache}, named as loaded from {@code path}, or
     * {@code null} when there is no cache or it fails a check (it is then rebuilt).
     */
    static OhlcvSeries read(Path cache, String path, Instrument instrument) {
        try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 24 || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            mapped.get(0, magic);
            int n = mapped.getInt(8);
            int metadataLength = mapped.getInt(12);
            if (!Arrays.equals(magic, MAGIC) || n < 0 || metadataLength < 0) {
                return null;
            }
            int columnsAt = 16 + metadataLength + padding(16 + metadataLength);
            long columnBytes = 48L * n;
            if (columnsAt + columnBytes + 8 != size) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(mapped.slice(columnsAt, (int) columnBytes));
            if (crc.getValue() != mapped.getLong((int) (columnsAt + columnBytes))) {
                return null;
            }
            byte[] metadata = new byte[metadataLength];
            mapped.get(16, metadata);
            long[] times = new long[n];
            mapped.slice(columnsAt, 8 * n).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(times);
            double[][] values = new double[5][n];
            for (int k = 0; k < 5; k++) {
                mapped.slice(columnsAt + 8 * n * (k + 1), 8 * n).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
                        .get(values[k]);
            }
            return columns(metadata, path, instrument, times, values);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null; // unreadable or broken: rebuilt from the source
        }
    }

    private static OhlcvSeries columns(byte[] metadata, String path, Instrument instrument, long[] times,
            double[][] values) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(metadata))) {
            String storedPath = in.readUTF();
            String sourcePath = renamed(in.readUTF(), storedPath, path);
            String sha256 = in.readUTF();
            String format = in.readUTF();
            boolean synthetic = in.readBoolean();
            int count = in.readInt();
            List<DataWarning> warnings = new ArrayList<>(Math.min(count, 10_000));
            for (int i = 0; i < count; i++) {
                DataWarning.Kind kind = DataWarning.Kind.valueOf(in.readUTF());
                String file = in.readUTF();
                long line = in.readLong();
                String message = in.readUTF();
                // The warnings name the file as the first load did; name it as this one does.
                warnings.add(new DataWarning(kind, renamed(file, storedPath, path), line, message));
            }
            return OhlcvSeries.ofColumns(instrument, times, values[0], values[1], values[2], values[3], values[4],
                    new DataSource(sourcePath, sha256, format, synthetic), warnings);
        }
    }

    /**
     * Returns {@code name} (a source or warning's file, such as {@code a.zip!a.csv}) as a load
     * from {@code path} names it: names start with the path of the load that wrote the cache.
     */
    private static String renamed(String name, String storedPath, String path) {
        return name.startsWith(storedPath) ? path + name.substring(storedPath.length()) : name;
    }

    private static int padding(int length) {
        return (8 - length % 8) % 8;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale cache file costs disk space, nothing else
        }
    }

    /** What a stamp remembers of a source. */
    private record Stamp(long size, long modified, String sha256) {

        static Stamp read(Path file) {
            try {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
                return parts.length == 3 && parts[2].matches("[0-9a-f]{64}")
                        ? new Stamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]) : null;
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }
    }
}
