package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads every data file directly inside a folder (not its sub-folders), as
 * {@code ../shared/data} and {@code data/sample} are laid out: price files, recognised by their
 * header, and non-price series files (a {@code date} column then value columns). Instruments
 * come from the {@link InstrumentCatalog}; a file whose symbol it does not know stops the load
 * with a message saying what to add.
 *
 * @param folder    the folder read
 * @param prices    the price series, in file-name order
 * @param series    the non-price series files, each as its value columns, in file-name order
 */
public record DataFolder(Path folder, List<OhlcvSeries> prices, List<SeriesFile> series) {

    /**
     * A non-price series file and its columns.
     *
     * @param file    the file
     * @param columns one series per value column
     */
    public record SeriesFile(Path file, List<NonPriceSeries> columns) {
    }

    public DataFolder {
        prices = List.copyOf(prices);
        series = List.copyOf(series);
    }

    /** Loads the folder with the given catalog; non-price values are published by {@code rule}. */
    public static DataFolder load(Path folder, InstrumentCatalog catalog, PublicationRule rule) {
        if (!Files.isDirectory(folder)) {
            throw new DataFileException(folder.toString(), 0, null, "not a folder (looked for "
                    + folder.toAbsolutePath().normalize() + ")");
        }
        List<OhlcvSeries> prices = new ArrayList<>();
        List<SeriesFile> series = new ArrayList<>();
        for (Path file : dataFiles(folder)) {
            // Read and decoded once: the detection and the loader it picks both work on this copy.
            String name = file.toString();
            byte[] bytes = PriceLoader.readAll(file);
            String text = TextTable.decode(bytes);
            PriceFormat format = priceFormat(name, text);
            if (format != null) {
                Instrument instrument = catalog.require(PriceLoader.symbolOf(file), name);
                prices.add(PriceLoader.read(name, bytes, text, format, instrument, LoadOptions.DEFAULTS));
            } else {
                series.add(new SeriesFile(file, SeriesLoader.loadAll(file, bytes, text, rule)));
            }
        }
        if (prices.isEmpty() && series.isEmpty()) {
            throw new DataFileException(folder.toString(), 0, null, "no .csv or .json data files in this folder");
        }
        return new DataFolder(folder, prices, series);
    }

    /** Loads the folder with the default catalog and publication rule. */
    public static DataFolder load(Path folder) {
        return load(folder, InstrumentCatalog.defaults(), PublicationRule.NEXT_DAY_UTC);
    }

    /** Returns the price format detected from the file's start, or {@code null} when it is not a price file. */
    private static PriceFormat priceFormat(String name, String text) {
        try {
            return PriceLoader.detect(name, text);
        } catch (DataFileException e) {
            return null;
        }
    }

    private static List<Path> dataFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".csv") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
