package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.io.download.LocalHttpServer.Reply;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherTest {

    @TempDir
    Path base;

    private final FakeTime time = new FakeTime("2024-06-10T12:00:00Z");

    private HttpFetcher fetcher(DownloadOptions.Builder options) {
        return new HttpFetcher(options.clock(time).sleeper(time).build());
    }

    private DownloadOptions.Builder options() {
        return DownloadOptions.builder(base);
    }

    @Test
    void returnsTheBodyOfASuccessfulAnswerOnTheFirstAttemptWithoutWaiting() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok("hello"))) {
            HttpFetcher.Response response = fetcher(options()).get(server.baseUri().resolve("/x"));

            assertThat(response.text()).isEqualTo("hello");
            assertThat(response.attempts()).isEqualTo(1);
            assertThat(time.sleeps()).isEmpty();
        }
    }

    @Test
    void sendsItsOwnUserAgentBecauseYahooRefusesJavasDefault() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok("ok"))) {
            fetcher(options().userAgent("crashlab-test")).get(server.baseUri().resolve("/x"));

            assertThat(server.requests().getFirst().userAgent()).isEqualTo("crashlab-test");
        }
    }

    @Test
    void retriesAfter503AndSucceedsWaitingADoublingBackoff() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.status(503, "busy"),
                Reply.status(503, "busy"), Reply.ok("done"))) {
            HttpFetcher.Response response = fetcher(options()).get(server.baseUri().resolve("/x"));

            assertThat(response.text()).isEqualTo("done");
            assertThat(response.attempts()).isEqualTo(3);
            assertThat(server.requests()).hasSize(3);
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void honoursRetryAfterInSecondsInsteadOfTheBackoff() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time,
                Reply.status(429, "slow down").withHeader("Retry-After", "7"), Reply.ok("done"))) {
            fetcher(options()).get(server.baseUri().resolve("/x"));

            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDateReadAgainstTheInjectedClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.parse("2024-06-10T12:00:12Z").atZone(ZoneOffset.UTC));
        try (LocalHttpServer server = LocalHttpServer.sequence(time,
                Reply.status(503, "maintenance").withHeader("Retry-After", date), Reply.ok("done"))) {
            fetcher(options()).get(server.baseUri().resolve("/x"));

            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void capsTheBackoffAtTheMaximum() {
        URI nowhere = LocalHttpServer.refusingAddress().resolve("/x");

        assertThatThrownBy(() -> fetcher(options().maxAttempts(5).maxBackoff(Duration.ofSeconds(3))).get(nowhere))
                .isInstanceOf(DownloadException.class);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void givesUpWhenNothingAnswersSayingWhichUrlAfterHowManyAttemptsAndThatTheMachineMayBeOffline() {
        URI nowhere = LocalHttpServer.refusingAddress().resolve("/api/v3/klines?symbol=BTCUSDT");

        assertThatThrownBy(() -> fetcher(options().maxAttempts(3)).get(nowhere))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DownloadException.Reason.UNREACHABLE);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.status()).isZero();
                    assertThat(e.url()).isEqualTo(nowhere.toString());
                })
                .hasMessageStartingWith("cannot reach 127.0.0.1: GET " + nowhere + " failed on all 3 attempts (last: ")
                .hasMessageContaining("The machine may be offline: crashlab:fetch needs network access to 127.0.0.1;"
                        + " run it where the internet is reachable or use files already in "
                        + base.resolve("data/cache") + "/.");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpOnAServerThatKeepsFailingNamingTheStatusAndTheLastBody() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.status(500, "internal\nerror"))) {
            URI uri = server.baseUri().resolve("/x");

            assertThatThrownBy(() -> fetcher(options().maxAttempts(2)).get(uri))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DownloadException.Reason.SERVER_ERROR);
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.attempts()).isEqualTo(2);
                    })
                    .hasMessage("127.0.0.1 kept failing: GET " + uri + " answered HTTP 500 on all 2 attempts"
                            + " (last body: \"internal error\"); try again later");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void returnsAClientErrorAtOnceForTheDownloaderToExplain() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.status(404, "{\"error\":\"nope\"}"))) {
            URI uri = server.baseUri().resolve("/x");
            HttpFetcher.Response response = fetcher(options()).get(uri);

            assertThat(response.status()).isEqualTo(404);
            assertThat(server.requests()).hasSize(1);
            assertThat(time.sleeps()).isEmpty();
            assertThatThrownBy(response::okBody)
                    .isInstanceOfSatisfying(DownloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.REFUSED))
                    .hasMessage("127.0.0.1 refused GET " + uri + ": HTTP 404: \"{\"error\":\"nope\"}\"");
        }
    }

    @Test
    void spacesRequestsByTheMinimumIntervalOnTheInjectedClock() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok("ok"))) {
            HttpFetcher fetcher = fetcher(options().minInterval(Duration.ofMillis(500)));
            for (int i = 0; i < 3; i++) {
                fetcher.get(server.baseUri().resolve("/x"));
            }

            assertThat(server.requests()).extracting(LocalHttpServer.Request::at).containsExactly(
                    Instant.parse("2024-06-10T12:00:00Z"), Instant.parse("2024-06-10T12:00:00.500Z"),
                    Instant.parse("2024-06-10T12:00:01Z"));
            assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        }
    }
}
