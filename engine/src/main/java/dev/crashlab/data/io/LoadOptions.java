package dev.crashlab.data.io;

import dev.crashlab.data.GapPolicy;
import dev.crashlab.data.Instrument;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read a price file: an immutable value built with {@link #builder()}, every option with
 * its default in one place.
 *
 * @param format       the file format; {@link PriceFormat#AUTO} by default
 * @param instrument   the instrument the file holds, or {@code null} to infer it from the file
 *                     name through the {@link InstrumentCatalog}
 * @param columns      the column mapping for {@link PriceFormat#GENERIC_CSV}
 * @param timeFormat   the timestamp format for {@link PriceFormat#GENERIC_CSV}; ISO dates by default
 * @param zone         the zone of local date-times; UTC by default
 * @param delimiter    the field delimiter; {@code ','} by default
 * @param decimalComma whether numbers use a comma as decimal separator ({@code 1234,5})
 * @param header       whether a generic CSV file starts with a header row; true by default
 * @param dailyBars    whether to key each bar by its date in {@code zone} (stamped 00:00 UTC),
 *                     as for daily bars stamped at an exchange's open or close time
 * @param adjusted     for Yahoo files, whether to scale open, high, low and close by
 *                     {@code Adj Close / Close}; true by default
 * @param lenient      whether unsorted rows are sorted with a warning instead of refused
 * @param gaps         what to do with missing intraday bars ({@link GapPolicy}); keep them as holes,
 *                     with warnings, by default
 * @param cacheFolder  the folder of the binary bar cache ({@link BarCache}), or {@code null} (the
 *                     default) to parse the file at every load
 */
public record LoadOptions(PriceFormat format, Instrument instrument, ColumnMapping columns, TimeFormat timeFormat,
        ZoneId zone, char delimiter, boolean decimalComma, boolean header, boolean dailyBars, boolean adjusted,
        boolean lenient, GapPolicy gaps, Path cacheFolder) {

    /** The defaults: format detected, instrument inferred, strict. */
    public static final LoadOptions DEFAULTS = builder().build();

    public LoadOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(gaps, "gaps");
        if (format == PriceFormat.GENERIC_CSV && columns == null) {
            throw new IllegalArgumentException("the generic-csv format needs a column mapping");
        }
        if (decimalComma && delimiter == ',') {
            throw new IllegalArgumentException("a decimal comma needs another delimiter, such as ';'");
        }
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.instrument = instrument;
        b.columns = columns;
        b.timeFormat = timeFormat;
        b.zone = zone;
        b.delimiter = delimiter;
        b.decimalComma = decimalComma;
        b.header = header;
        b.dailyBars = dailyBars;
        b.adjusted = adjusted;
        b.lenient = lenient;
        b.gaps = gaps;
        b.cacheFolder = cacheFolder;
        return b;
    }

    /** Builds {@link LoadOptions}; every setter returns this builder. */
    public static final class Builder {
        private PriceFormat format = PriceFormat.AUTO;
        private Instrument instrument;
        private ColumnMapping columns;
        private TimeFormat timeFormat = TimeFormat.ISO_DATE;
        private ZoneId zone = ZoneOffset.UTC;
        private char delimiter = ',';
        private boolean decimalComma;
        private boolean header = true;
        private boolean dailyBars;
        private boolean adjusted = true;
        private boolean lenient;
        private GapPolicy gaps = GapPolicy.KEEP;
        private Path cacheFolder;

        private Builder() {
        }

        /** Sets the file format. */
        public Builder format(PriceFormat value) {
            this.format = value;
            return this;
        }

        /** Sets the instrument the file holds. */
        public Builder instrument(Instrument value) {
            this.instrument = value;
            return this;
        }

        /** Sets the column mapping for generic CSV (and implies that format when none is set). */
        public Builder columns(ColumnMapping value) {
            this.columns = value;
            if (format == PriceFormat.AUTO) {
                format = PriceFormat.GENERIC_CSV;
            }
            return this;
        }

        /** Sets the timestamp format for generic CSV. */
        public Builder timeFormat(TimeFormat value) {
            this.timeFormat = value;
            return this;
        }

        /** Sets the zone of local date-times. */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /** Sets the field delimiter. */
        public Builder delimiter(char value) {
            this.delimiter = value;
            return this;
        }

        /** Sets whether numbers use a decimal comma. */
        public Builder decimalComma(boolean value) {
            this.decimalComma = value;
            return this;
        }

        /** Sets whether a generic CSV file has a header row. */
        public Builder header(boolean value) {
            this.header = value;
            return this;
        }

        /** Sets whether bars are keyed by their date in the zone. */
        public Builder dailyBars(boolean value) {
            this.dailyBars = value;
            return this;
        }

        /** Sets whether Yahoo prices are adjusted by {@code Adj Close}. */
        public Builder adjusted(boolean value) {
            this.adjusted = value;
            return this;
        }

        /** Sets whether unsorted rows are sorted with a warning. */
        public Builder lenient(boolean value) {
            this.lenient = value;
            return this;
        }

        /** Sets what to do with missing intraday bars. */
        public Builder gaps(GapPolicy value) {
            this.gaps = value;
            return this;
        }

        /** Sets the folder of the binary bar cache, or {@code null} for none. */
        public Builder cacheFolder(Path value) {
            this.cacheFolder = value;
            return this;
        }

        /** Returns the options. */
        public LoadOptions build() {
            return new LoadOptions(format, instrument, columns, timeFormat, zone, delimiter, decimalComma, header,
                    dailyBars, adjusted, lenient, gaps, cacheFolder);
        }
    }
}
