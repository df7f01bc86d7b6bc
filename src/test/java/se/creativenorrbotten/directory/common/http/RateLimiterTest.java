package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sliding window: {@code limit} events per window are allowed, the one that reaches the limit blocks the key. */
class RateLimiterTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    private RateLimiter limiter(int limit) {
        return new RateLimiter(limit, HOUR, HOUR, clock::get);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void exactlyLimitEventsAreAllowedWithinTheWindow(int limit) {
        RateLimiter limiter = limiter(limit);
        for (int i = 1; i < limit; i++) {
            assertEquals(0, limiter.blockedSeconds("client"), "before event " + i);
            assertEquals(0, limiter.record("client"), "event " + i + " of " + limit);
            clock.addAndGet(SECOND);
        }
        assertEquals(0, limiter.blockedSeconds("client"), "before the last allowed event");

        assertEquals(3600, limiter.record("client"), "the limit-th event blocks the key for the block time");

        assertEquals(3600, limiter.blockedSeconds("client"));
    }

    @Test
    void eventsOlderThanTheWindowDoNotCount() {
        RateLimiter limiter = limiter(3);
        limiter.record("client");
        clock.addAndGet(HOUR.toNanos() - SECOND);
        limiter.record("client");
        clock.addAndGet(2 * SECOND); // the first event is now older than an hour

        assertEquals(0, limiter.record("client"));
        assertEquals(0, limiter.blockedSeconds("client"));
    }

    @Test
    void theBlockEndsAfterItsTimeAndRoundsUp() {
        RateLimiter limiter = limiter(1);
        limiter.record("client");

        clock.addAndGet(HOUR.toNanos() - SECOND / 2);
        assertEquals(1, limiter.blockedSeconds("client"));
        clock.addAndGet(SECOND / 2);
        assertEquals(0, limiter.blockedSeconds("client"));
        assertEquals(0, limiter.blockedSeconds("other"), "other keys were never blocked");
    }

    @Test
    void keysAreCountedApart() {
        RateLimiter limiter = limiter(2);
        limiter.record("a");
        limiter.record("b");

        assertEquals(0, limiter.blockedSeconds("a"));
        assertEquals(3600, limiter.record("a"));
        assertEquals(0, limiter.blockedSeconds("b"));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0));
    }
}
