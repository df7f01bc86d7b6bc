package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The sliding window, on a clock the test moves. */
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private long now = 1_000_000_000_000L;

    private RateLimiter limiter(int limit, Duration window, Duration block) {
        return new RateLimiter(limit, window, block, () -> now);
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    @Test
    void theLimitThEventWithinTheWindowBlocksTheKey() {
        RateLimiter limiter = limiter(3, MINUTE, MINUTE);

        assertEquals(0, limiter.record("a"));
        assertEquals(0, limiter.record("a"));
        assertEquals(60, limiter.record("a"));
        assertEquals(60, limiter.blockedSeconds("a"));
    }

    @Test
    void eventsOlderThanTheWindowDoNotCount() {
        RateLimiter limiter = limiter(3, MINUTE, MINUTE);

        limiter.record("a");
        advance(Duration.ofSeconds(30));
        limiter.record("a");
        advance(Duration.ofSeconds(31));
        // The first event is 61 s old: only two fall within the last minute.
        assertEquals(0, limiter.record("a"));
        assertEquals(0, limiter.blockedSeconds("a"));
        advance(Duration.ofSeconds(1));
        assertEquals(60, limiter.record("a"));
    }

    @Test
    void anEventExactlyOneWindowOldIsOutsideIt() {
        RateLimiter limiter = limiter(2, MINUTE, MINUTE);

        limiter.record("a");
        advance(MINUTE);
        assertEquals(0, limiter.record("a"));
    }

    @Test
    void keysAreCountedApart() {
        RateLimiter limiter = limiter(2, MINUTE, MINUTE);

        limiter.record("a");
        assertEquals(0, limiter.record("b"));
        assertEquals(0, limiter.blockedSeconds("b"));
        assertEquals(60, limiter.record("a"));
        assertEquals(0, limiter.blockedSeconds("b"));
        assertEquals(0, limiter.blockedSeconds("never-seen"));
    }

    @Test
    void theBlockEndsAfterTheBlockTimeAndStartsAFreshCount() {
        RateLimiter limiter = limiter(2, MINUTE, Duration.ofSeconds(90));

        limiter.record("a");
        limiter.record("a");
        advance(Duration.ofSeconds(89));
        assertEquals(1, limiter.blockedSeconds("a"));
        advance(Duration.ofSeconds(1));
        assertEquals(0, limiter.blockedSeconds("a"));
        // The events before the block are gone: one new event does not block again.
        assertEquals(0, limiter.record("a"));
        assertEquals(90, limiter.record("a"));
    }

    @Test
    void eventsWhileBlockedNeitherCountNorExtendTheBlock() {
        RateLimiter limiter = limiter(2, MINUTE, MINUTE);

        limiter.record("a");
        limiter.record("a");
        advance(Duration.ofSeconds(50));
        for (int i = 0; i < 5; i++) {
            assertEquals(10, limiter.record("a"));
        }
        advance(Duration.ofSeconds(10));
        assertEquals(0, limiter.blockedSeconds("a"));
        assertEquals(0, limiter.record("a"));
    }

    @Test
    void remainingSecondsAreRoundedUp() {
        RateLimiter limiter = limiter(1, MINUTE, Duration.ofMillis(2500));

        assertEquals(3, limiter.record("a"));
        advance(Duration.ofMillis(1600));
        assertEquals(1, limiter.blockedSeconds("a"));
        advance(Duration.ofMillis(899));
        assertEquals(1, limiter.blockedSeconds("a"));
        advance(Duration.ofMillis(1));
        assertEquals(0, limiter.blockedSeconds("a"));
    }

    @Test
    void forgetClearsAKeysEventsAndBlock() {
        RateLimiter limiter = limiter(2, MINUTE, MINUTE);

        limiter.record("a");
        limiter.forget("a");
        assertEquals(0, limiter.record("a"));
        assertEquals(60, limiter.record("a"));
        limiter.forget("a");
        assertEquals(0, limiter.blockedSeconds("a"));
    }

    @Test
    void theSweepOfExpiredKeysKeepsKeysWithLiveEvents() {
        RateLimiter limiter = limiter(2, MINUTE, MINUTE);

        for (int i = 0; i < 12_000; i++) {
            limiter.record("k" + i);
        }
        advance(Duration.ofSeconds(45));
        limiter.record("live");
        advance(Duration.ofSeconds(20));
        // Over 10,000 keys: this record sweeps the k-keys (65 s old) but must keep "live" (20 s old).
        limiter.record("new");
        assertEquals(60, limiter.record("live"));
    }
}
