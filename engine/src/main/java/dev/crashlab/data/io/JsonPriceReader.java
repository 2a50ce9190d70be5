package dev.crashlab.data.io;

import dev.crashlab.data.BarCollector;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON price formats: Binance's REST klines (an array of arrays) and CoinGecko's
 * {@code market_chart}. Elements are reported by line and by position, since API responses are
 * usually a single line.
 */
final class JsonPriceReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String[] KLINE_FIELDS = {"openTime", "open", "high", "low", "close", "volume"};

    private JsonPriceReader() {
    }

    /**
     * Reads {@code [[openTime, "open", "high", "low", "close", "volume", closeTime, ...], ...]}.
     * Numbers may be JSON numbers or strings, as Binance writes them.
     */
    static OhlcvSeries binanceKlines(String file, byte[] bytes, Instrument instrument, boolean lenient, String sha256) {
        BarCollector bars = new BarCollector(file, instrument, lenient, KLINE_FIELDS);
        Fields fields = new Fields(file, false);
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(file, p, p.nextToken(), JsonToken.START_ARRAY, "a JSON array of klines");
            int element = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                long line = p.currentTokenLocation().getLineNr();
                List<String> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken().isStructStart()) {
                        throw new DataFileException(file, line, null, "kline #" + element + ": expected numbers and strings");
                    }
                    values.add(p.getString());
                }
                if (values.size() < 6) {
                    throw new DataFileException(file, line, null, "kline #" + element + ": expected at least 6 values, got "
                            + values.size());
                }
                long time = fields.time(values.get(0), new TimeFormat(TimeFormat.Kind.EPOCH_MILLIS_OR_MICROS, null),
                        java.time.ZoneOffset.UTC, false, line, "kline #" + element + " openTime");
                double[] v = new double[5];
                for (int k = 0; k < 5; k++) {
                    v[k] = fields.number(values.get(k + 1), line, "kline #" + element + " " + KLINE_FIELDS[k + 1]);
                }
                bars.add(line, time, v[0], v[1], v[2], v[3], v[4]);
                element++;
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new DataFileException(file, p.currentTokenLocation().getLineNr(), null,
                        "expected a kline array, got " + p.currentToken());
            }
        } catch (JacksonException e) {
            throw new DataFileException(file, lineOf(e), null, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        return bars.finish(new DataSource(file, sha256, PriceFormat.BINANCE_JSON.label(), false));
    }

    /**
     * Reads CoinGecko {@code {"prices": [[ms, price], ...], "total_volumes": [[ms, volume], ...]}}
     * as close-only daily bars. CoinGecko's daily points are snapshots at 00:00 UTC, so the price
     * stamped D 00:00 is the close of day D-1; points at other times (the live "now" point at the
     * end) are dropped with a warning.
     */
    static OhlcvSeries coinGecko(String file, byte[] bytes, Instrument instrument, boolean lenient, String sha256) {
        List<long[]> priceLines = new ArrayList<>();
        List<double[]> prices = new ArrayList<>();
        java.util.Map<Long, Double> volumes = new java.util.HashMap<>();
        Fields fields = new Fields(file, false);
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(file, p, p.nextToken(), JsonToken.START_OBJECT, "a CoinGecko market_chart object");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("prices") && !name.equals("total_volumes")) {
                    p.skipChildren();
                    continue;
                }
                expect(file, p, value, JsonToken.START_ARRAY, "an array of [time, value] pairs under \"" + name + "\"");
                int element = 0;
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    long line = p.currentTokenLocation().getLineNr();
                    String field = name + "[" + element + "]";
                    p.nextToken();
                    long time = fields.time(p.getString(), new TimeFormat(TimeFormat.Kind.EPOCH_MILLIS, null),
                            java.time.ZoneOffset.UTC, false, line, field + " time");
                    p.nextToken();
                    String raw = p.currentToken() == JsonToken.VALUE_NULL ? "" : p.getString();
                    double number = fields.number(raw, line, field + " value");
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        throw new DataFileException(file, line, field, "expected a [time, value] pair");
                    }
                    if (name.equals("prices")) {
                        priceLines.add(new long[] {line, time});
                        prices.add(new double[] {number});
                    } else {
                        volumes.put(time, number);
                    }
                    element++;
                }
            }
        } catch (JacksonException e) {
            throw new DataFileException(file, lineOf(e), null, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (priceLines.isEmpty()) {
            throw new DataFileException(file, 0, "prices", "missing column: no \"prices\" array, or it is empty");
        }
        BarCollector bars = new BarCollector(file, instrument, lenient,
                new String[] {"prices time", "prices value", "prices value", "prices value", "prices value",
                    "total_volumes value"});
        int dropped = 0;
        long firstDropped = 0;
        for (int i = 0; i < priceLines.size(); i++) {
            long line = priceLines.get(i)[0];
            long time = priceLines.get(i)[1];
            if (Math.floorMod(time, DAY_MILLIS) != 0) {
                if (dropped++ == 0) {
                    firstDropped = line;
                }
                continue;
            }
            double price = prices.get(i)[0];
            double volume = volumes.getOrDefault(time, 0.0);
            bars.add(line, time - DAY_MILLIS, price, price, price, price, volume);
        }
        if (dropped > 0) {
            bars.warn(new DataWarning(DataWarning.Kind.SKIPPED_ROWS, file, firstDropped, dropped
                    + " price point" + (dropped == 1 ? "" : "s") + " not at 00:00 UTC dropped (a partial day, such as "
                    + "the live last point)"));
        }
        return bars.finish(new DataSource(file, sha256, PriceFormat.COINGECKO_JSON.label(), false));
    }

    private static void expect(String file, JsonParser p, JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            throw new DataFileException(file, p.currentTokenLocation().getLineNr(), null,
                    "expected " + what + ", got " + (actual == null ? "end of file" : actual));
        }
    }

    private static long lineOf(JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }
}
