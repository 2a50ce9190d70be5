package dev.crashlab.maven;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.download.DownloadException;
import dev.crashlab.data.io.download.DownloadOptions;
import dev.crashlab.data.io.download.DownloadRequest;
import dev.crashlab.data.io.download.Downloader;
import java.io.File;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads daily bars from a public source (Binance, Yahoo or Stooq) into
 * {@code data/cache/<source>/<symbol>.csv}, crashlab's CSV format; a cached file that covers the
 * range is not downloaded again unless {@code crashlab.refresh} is set. Needs network access and
 * says so clearly when there is none.
 *
 * @since 0.1.0
 */
@Mojo(name = "fetch", requiresProject = false, threadSafe = true)
public class FetchMojo extends CrashlabMojo {

    /** The source: binance, yahoo or stooq. */
    @Parameter(property = "crashlab.source", defaultValue = "binance")
    private String source;

    /** The symbols to download, as crashlab names them (BTC-USDT, SPY, ^GSPC ...). */
    @Parameter(property = "crashlab.symbols", required = true)
    private List<String> symbols;

    /** The first date, yyyy-MM-dd. */
    @Parameter(property = "crashlab.from", defaultValue = "2018-01-01")
    private String from;

    /** The last date, yyyy-MM-dd; yesterday (UTC) by default. */
    @Parameter(property = "crashlab.to")
    private String to;

    /** Whether to download again even when the cache covers the range. */
    @Parameter(property = "crashlab.refresh", defaultValue = "false")
    private boolean refresh;

    /** The folder under which data/cache/ is created. */
    @Parameter(property = "crashlab.baseDir", defaultValue = "${basedir}")
    private File baseDir;

    @Override
    public void execute() throws MojoFailureException {
        requireMaven();
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from);
            last = to == null ? LocalDate.now(ZoneOffset.UTC).minusDays(1) : LocalDate.parse(to);
        } catch (java.time.DateTimeException e) {
            throw new MojoFailureException("crashlab.from / crashlab.to: expected dates (yyyy-MM-dd): " + e.getMessage(), e);
        }
        try {
            Downloader downloader = Downloader.forSource(source, DownloadOptions.builder(baseDir.toPath()).build());
            for (String symbol : symbols) {
                DownloadRequest request = DownloadRequest.of(symbol.strip(), first, last).withRefresh(refresh);
                OhlcvSeries series = downloader.download(request);
                getLog().info("crashlab: " + symbol + ": " + series.size() + " bars " + series.date(0) + " .. "
                        + series.date(series.size() - 1) + " -> " + downloader.cacheFile(request));
            }
        } catch (DownloadException | IllegalArgumentException | dev.crashlab.data.DataFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
