/**
 * Downloads daily bars from public sources (Binance klines, Yahoo's chart API, Stooq's CSV)
 * into the project's cache, {@code data/cache/<source>/<SYMBOL>.csv}, for the
 * {@code crashlab:fetch} goal and anyone else who needs fresh data; and Binance's monthly
 * intraday kline dumps, checksum-verified, into {@code data/cache/binance-vision/}
 * ({@link dev.crashlab.data.io.download.BinanceDumps}).
 *
 * <p>Start at {@link dev.crashlab.data.io.download.Downloader#forSource}, configured by
 * {@link dev.crashlab.data.io.download.DownloadOptions} and asked with a
 * {@link dev.crashlab.data.io.download.DownloadRequest}.
 *
 * <h2>One validator</h2>
 * Responses are read by {@link dev.crashlab.data.io.PriceLoader#parse}, with the same rules as
 * files: a bad row fails the download with a {@link dev.crashlab.data.DataFileException} naming
 * the URL and the field, and nothing is cached.
 *
 * <h2>The cache</h2>
 * A cache file is crashlab's own CSV, headed by comments that give the source, the URL (these
 * sources need no credentials, so URLs hold none), the download time and the {@code range} of
 * dates it covers. A request that range covers is served from disk without network access;
 * otherwise, or on {@code refresh}, the file is replaced atomically once the whole download has
 * succeeded, so a failure leaves the previous file as it was. The folder is git-ignored.
 *
 * <h2>Complete days only</h2>
 * Bars end at the last complete UTC day by the options' clock: a day in progress would change
 * after it is cached. Binance's partial kline is recognised by its close time, Yahoo's live
 * session by its date.
 *
 * <h2>Politeness and failure</h2>
 * Every request goes through one fetcher: requests of a downloader are spaced by a minimum
 * interval, 408, 429, 5xx and I/O failures are retried with doubling backoff (a
 * {@code Retry-After} header is honoured), and when no answer comes the
 * {@link dev.crashlab.data.io.download.DownloadException} says which URL failed after how many
 * attempts, and that the machine may be offline. Time is read from an injected clock and waited
 * with an injected {@link dev.crashlab.data.io.download.Sleeper}, so tests never wait.
 */
package dev.crashlab.data.io.download;
