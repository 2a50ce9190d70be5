package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final FakeTime time = new FakeTime("2024-06-10T12:00:00Z");
    private final RateLimiter limiter = new RateLimiter(Duration.ofMillis(500), time, time);

    @Test
    void letsTheFirstRequestGoAtOnce() throws InterruptedException {
        limiter.acquire();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void waitsOnlyTheRestOfTheIntervalWhenSomeTimeHasPassed() throws InterruptedException {
        limiter.acquire();
        time.advance(Duration.ofMillis(200));
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void doesNotWaitOnceTheIntervalHasPassed() throws InterruptedException {
        limiter.acquire();
        time.advance(Duration.ofSeconds(2));
        limiter.acquire();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void keepsTheSpacingEvenWhenTheSleeperReturnsEarly() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RateLimiter stubborn = new RateLimiter(Duration.ofMillis(500),
                Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC), waits::add);

        stubborn.acquire();
        stubborn.acquire();
        stubborn.acquire();

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }
}
