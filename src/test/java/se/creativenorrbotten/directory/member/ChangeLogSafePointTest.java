package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The change log's safe point: how far every place of the change sequence is settled, over small inputs. */
class ChangeLogSafePointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ChangeLog.SafePoint safePoint = new ChangeLog.SafePoint(TIMEOUT, nanos::get);

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void anEmptyLogStaysAtZero() {
        assertEquals(0, safePoint.observe(List.of()));
    }

    @Test
    void aContiguousRunIsSettled() {
        assertEquals(3, safePoint.observe(List.of(2L, 1L, 3L)));
        assertEquals(5, safePoint.observe(List.of(4L, 5L)), "from where it was");
    }

    @Test
    void aGapHoldsTheSafePointUntilTheGapTimeout() {
        assertEquals(1, safePoint.observe(List.of(1L, 3L, 4L)), "2 may be a transaction still committing");
        pass(TIMEOUT);
        assertEquals(1, safePoint.observe(List.of(3L, 4L)), "not yet: exactly the timeout");
        pass(Duration.ofMillis(1));
        assertEquals(4, safePoint.observe(List.of(3L, 4L)), "4 was visible a gap timeout ago: 2 has ended");
    }

    @Test
    void aGapFilledLateIsWaitedFor() {
        assertEquals(1, safePoint.observe(List.of(1L, 3L)));
        pass(Duration.ofSeconds(5));
        assertEquals(3, safePoint.observe(List.of(2L, 3L)), "2 committed after 3");
    }

    @Test
    void onlyPlacesVisibleATimeoutAgoSettleTheGapsBelowThem() {
        assertEquals(1, safePoint.observe(List.of(1L, 3L)));
        pass(Duration.ofSeconds(30));
        assertEquals(1, safePoint.observe(List.of(3L, 5L)), "4 appeared as a gap only now");
        pass(Duration.ofSeconds(31));
        assertEquals(3, safePoint.observe(List.of(3L, 5L)), "2 timed out, 4 not yet");
        pass(Duration.ofSeconds(30));
        assertEquals(5, safePoint.observe(List.of(5L)));
    }

    @Test
    void aPlaceEndedHereSettlesAtOnceEitherWay() {
        safePoint.begin(2);
        safePoint.begin(3);
        assertEquals(1, safePoint.observe(List.of(1L, 4L)));
        safePoint.end(2); // rolled back: never visible
        assertEquals(2, safePoint.observe(List.of(4L)), "2 is settled, 3 still runs");
        safePoint.end(3); // committed, not yet read
        assertEquals(4, safePoint.observe(List.of(4L)));
    }

    @Test
    void aTransactionStillRunningHereNeverTimesOut() {
        safePoint.begin(2);
        assertEquals(1, safePoint.observe(List.of(1L, 3L)));
        pass(TIMEOUT.multipliedBy(3));
        assertEquals(1, safePoint.observe(List.of(3L, 4L)), "its place is not taken as rolled back");
        safePoint.end(2);
        assertEquals(4, safePoint.observe(List.of(3L, 4L)));
    }

    @Test
    void theSafePointNeverMovesDown() {
        assertEquals(3, safePoint.observe(List.of(1L, 2L, 3L)));
        assertEquals(3, safePoint.observe(List.of()), "the members above were erased and their tombstones not yet read");
    }

    @Test
    void aPlaceKnownSettledIsWhereTheWalkStarts() {
        safePoint.raise(100);
        assertEquals(100, safePoint.settled(), "a safe point read before, by a search index's commit");
        assertEquals(102, safePoint.observe(List.of(101L, 102L, 104L)), "from there on, place after place");
        safePoint.raise(50);
        assertEquals(102, safePoint.observe(List.of(104L)), "never moved down by an older one");
        safePoint.end(103);
        assertEquals(104, safePoint.observe(List.of(104L)));
    }
}
