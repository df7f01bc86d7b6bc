package se.creativenorrbotten.directory.common.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;


/**
 * A keyed limit on buckets in memory, on a clock the test moves: the capacity at once, one event earned back per
 * period / capacity, the optional block, and what take and refund do. (The same limits on PostgreSQL, shared by two
 * stores: LimitStoreTest; by two services: .ci/cluster-check.sh.)
 */
class KeyedLimitTest {

    private final ManualTime time = new ManualTime();
    private final LimitStore store = LimitStore.inMemory(time);

    /** 10 events a minute; the 10th blocks for a minute (the login's defaults). */
    private final KeyedLimit blocking = new KeyedLimit(store, "blocking", 10, Duration.ofMinutes(1), Duration.ofMinutes(1));
    /** 3 an hour, one back each 20 minutes, no block. */
    private final KeyedLimit budget = new KeyedLimit(store, "budget", 3, Duration.ofHours(1));

    @Test
    void theEventThatSpendsTheLastBlocksTheKeyForTheBlockTime() {
        for (int i = 1; i < 10; i++) {
            assertEquals(0, blocking.record("k"), "event " + i);
        }
        assertEquals(60, blocking.record("k"));
        assertEquals(60, blocking.waitSeconds("k"));
        time.advance(Duration.ofSeconds(59));
        assertEquals(1, blocking.waitSeconds("k"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(0, blocking.waitSeconds("k"));
        // After the block the key has one event, not a fresh capacity: the next blocks again at once.
        assertEquals(60, blocking.record("k"));
    }

    @Test
    void eventsWhileBlockedNeitherCountNorExtendTheBlock() {
        for (int i = 0; i < 10; i++) {
            blocking.record("k");
        }
        time.advance(Duration.ofSeconds(30));
        assertEquals(30, blocking.record("k"));
        assertEquals(30, blocking.record("k"));
        time.advance(Duration.ofSeconds(30));
        assertEquals(0, blocking.waitSeconds("k"));
    }

    @Test
    void slowEventsNeverReachTheLimit() {
        for (int i = 0; i < 100; i++) {
            assertEquals(0, blocking.record("k"), "event " + i);
            time.advance(Duration.ofSeconds(6));
        }
    }

    @Test
    void keysAndLimitsAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            blocking.record("a");
        }
        assertEquals(60, blocking.waitSeconds("a"));
        assertEquals(0, blocking.waitSeconds("b"));
        // Another limit's bucket of the same key, and the same name with another capacity: their own buckets.
        assertEquals(0, budget.waitSeconds("a"));
        KeyedLimit moreOfTheSame = new KeyedLimit(store, "blocking", 20, Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(0, moreOfTheSame.waitSeconds("a"));
    }

    @Test
    void aBudgetWithoutBlockRefillsOneEventPerInterval() {
        assertEquals(0, budget.record("u"));
        assertEquals(0, budget.record("u"));
        assertEquals(20 * 60, budget.record("u"));
        // Beyond an empty budget nothing is overdrawn: the wait stays one interval.
        assertEquals(20 * 60, budget.record("u"));
        time.advance(Duration.ofMinutes(20));
        assertEquals(0, budget.waitSeconds("u"));
        assertEquals(20 * 60, budget.record("u"));
        // The whole budget is back one period after the last event.
        time.advance(Duration.ofMinutes(60));
        for (int i = 0; i < 2; i++) {
            assertEquals(0, budget.record("u"));
        }
    }

    @Test
    void tryTakeTakesOnlyWhatTheBudgetHoldsAndRefundGivesItBack() {
        assertTrue(budget.tryTake("u"));
        assertTrue(budget.tryTake("u"));
        assertTrue(budget.tryTake("u"));
        assertFalse(budget.tryTake("u"));
        budget.refund("u");
        assertTrue(budget.tryTake("u"));
        assertFalse(budget.tryTake("u"));
        // Refunds never go beyond the capacity.
        for (int i = 0; i < 10; i++) {
            budget.refund("v");
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.tryTake("v"));
        }
        assertFalse(budget.tryTake("v"));
    }

    @Test
    void anyTextIsAKeyAndTheStoreKeepsOnlyItsDigest() {
        String nul = "ad\u0000min", lone = "x\uD800y", long_ = "a".repeat(10_000);
        for (int i = 0; i < 10; i++) {
            blocking.record(nul);
        }
        assertEquals(60, blocking.waitSeconds(nul));
        assertEquals(0, blocking.waitSeconds("admin"));
        assertEquals(0, blocking.record(lone));
        assertEquals(0, blocking.record(long_));
        // A fixed length (SHA-256, base64url), whatever the key.
        assertEquals(43, KeyedLimit.digest(long_).length());
        assertEquals(KeyedLimit.digest(nul), KeyedLimit.digest("ad\u0000min"));
    }

    @Test
    void aLimitThatCouldNeverAllowAnEventIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedLimit(store, "none", 0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new KeyedLimit(store, "instant", 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedLimit(store, "back", 1, Duration.ofMinutes(1), Duration.ofSeconds(-1)));
    }

    @Test
    void waitsAreRoundedUpToWholeSeconds() {
        KeyedLimit fast = new KeyedLimit(store, "fast", 3, Duration.ofMillis(1500));
        for (int i = 0; i < 3; i++) {
            fast.record("k");
        }
        // One event back each 0.5 s: half a second to wait is answered as one.
        assertEquals(1, fast.waitSeconds("k"));
    }

    @Test
    void clearDropsTheBucketsOfOneLimitOnly() {
        for (int i = 0; i < 10; i++) {
            blocking.record("k");
        }
        for (int i = 0; i < 3; i++) {
            budget.record("k");
        }
        store.clear(KeyedLimit.prefix("blocking"));
        assertEquals(0, blocking.waitSeconds("k"));
        assertEquals(20 * 60, budget.waitSeconds("k"));
    }

    @Test
    void aBucketIsForgottenOnceItIsFullAgain() {
        budget.record("gone");
        assertEquals(1, store.size());
        time.advance(Duration.ofMinutes(20).plus(LimitStore.KEEP_WHEN_FULL).plusSeconds(1));
        store.cleanUp();
        assertEquals(0, store.size());
    }
}
