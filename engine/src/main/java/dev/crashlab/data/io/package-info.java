/**
 * Files in and out of the data domain: {@link dev.crashlab.data.io.PriceLoader} and
 * {@link dev.crashlab.data.io.SeriesLoader} parse price and series files of several formats
 * (detected, or named by {@link dev.crashlab.data.io.LoadOptions}), strictly, with file:line
 * errors; {@link dev.crashlab.data.io.PriceWriter} writes crashlab's CSV; {@link
 * dev.crashlab.data.io.DataFolder} and {@link dev.crashlab.data.io.DataSummary} load and
 * describe a folder; {@link dev.crashlab.data.io.BarCache} keeps parsed bars by column, keyed by
 * the source's SHA-256; {@link dev.crashlab.data.io.AtomicWrite} is the one way crashlab writes a
 * file (to a temporary file, then moved into place), which the downloaders' cache and the jobs'
 * output folders use too.
 *
 * <h2>Dependencies</h2>
 * {@code dev.crashlab.data} and the JDK; downloaders live in {@code data.io.download}.
 */
package dev.crashlab.data.io;
