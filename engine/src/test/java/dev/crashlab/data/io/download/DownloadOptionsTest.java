package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownloadOptionsTest {

    private final Path base = Path.of("/project");

    @Test
    void cachesInDataCacheUnderTheBaseDirectoryByDefault() {
        assertThat(DownloadOptions.builder(base).build().cacheFolder()).isEqualTo(Path.of("/project/data/cache"));
    }

    @Test
    void hasPoliteDefaultsInOnePlace() {
        DownloadOptions options = DownloadOptions.builder(base).build();

        assertThat(options.baseUri()).isNull();
        assertThat(options.maxAttempts()).isEqualTo(4);
        assertThat(options.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.minInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.adjusted()).isTrue();
        assertThat(options.sleeper()).isSameAs(Sleeper.SYSTEM);
    }

    @Test
    void usesTheSourcesPublicEndpointUnlessABaseUriIsSet() {
        URI fallback = URI.create("https://api.binance.com");
        URI local = URI.create("http://127.0.0.1:8080");

        assertThat(DownloadOptions.builder(base).build().baseUriOr(fallback)).isEqualTo(fallback);
        assertThat(DownloadOptions.builder(base).baseUri(local).build().baseUriOr(fallback)).isEqualTo(local);
    }

    @Test
    void toBuilderKeepsEveryOption() {
        DownloadOptions options = DownloadOptions.builder(base).maxAttempts(2).minInterval(Duration.ZERO)
                .adjusted(false).userAgent("x").baseUri(URI.create("http://127.0.0.1:1")).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void refusesNonsenseNamingTheOption() {
        assertThatThrownBy(() -> DownloadOptions.builder(base).maxAttempts(0).build())
                .hasMessage("maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> DownloadOptions.builder(base).minInterval(Duration.ofSeconds(-1)).build())
                .hasMessage("minInterval must not be negative, got PT-1S");
        assertThatThrownBy(() -> DownloadOptions.builder(base).timeout(Duration.ZERO).build())
                .hasMessage("timeout must be positive, got PT0S");
        assertThatThrownBy(() -> DownloadOptions.builder(base).baseUri(URI.create("localhost")).build())
                .hasMessageContaining("baseUri must be absolute with a host");
    }
}
