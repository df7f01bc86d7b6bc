package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The index's lag from the follower's polls alone (IndexLag), on a clock the test moves. */
class IndexLagTest {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /** A clock that stands still until moved. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration amount) {
            now = now.plus(amount);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final StepClock clock = new StepClock();
    private final IndexLag lag = new IndexLag(clock, POLL_INTERVAL);

    /** A poll that reads {@code changes}, takes {@code duration} and applies them. */
    private void poll(int changes, Duration duration) {
        Instant started = lag.pollStarted();
        lag.read(changes);
        clock.advance(duration);
        lag.caughtUp(started);
    }

    @Test
    void beforeTheFirstPollEndsTheIndexIsBehindSinceTheStart() {
        clock.advance(Duration.ofSeconds(7));
        assertEquals(7.0, lag.seconds());
        Instant started = lag.pollStarted();
        lag.read(120);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(10.0, lag.seconds());
        assertEquals(120, lag.changes());
        lag.caughtUp(started);
        assertEquals(0.0, lag.seconds());
        assertEquals(0, lag.changes());
    }

    @Test
    void caughtUpItIsZeroHoweverLongAgoTheLastChangeWas() {
        poll(0, Duration.ofMillis(5));
        clock.advance(Duration.ofHours(3));
        assertEquals(0.0, lag.seconds());
        poll(4, Duration.ofMillis(20));
        assertEquals(0.0, lag.seconds());
    }

    @Test
    void changesReadAndNotYetAppliedCountFromTheStartOfTheLastPollThatCaughtUp() {
        poll(0, Duration.ofMillis(10));
        clock.advance(Duration.ofMillis(990));
        Instant started = lag.pollStarted();
        lag.read(2500);
        clock.advance(Duration.ofMillis(4500)); // a large import of another instance being applied
        assertEquals(2500, lag.changes());
        assertEquals(5.5, lag.seconds(), 1e-9);
        lag.caughtUp(started);
        assertEquals(0.0, lag.seconds());
        assertEquals(0, lag.changes());
    }

    @Test
    void aFailedPollKeepsTheIndexBehindUntilAPollSucceeds() {
        poll(0, Duration.ofMillis(10));
        for (int i = 0; i < 3; i++) {
            clock.advance(POLL_INTERVAL);
            lag.pollStarted();
            lag.read(1);
            lag.pollFailed();
        }
        assertEquals(3.01, lag.seconds(), 1e-9);
        assertEquals(1, lag.changes(), "what the failed poll read is still not in the index");
        clock.advance(POLL_INTERVAL);
        lag.pollStarted();
        lag.pollFailed(); // the database cannot be read at all
        clock.advance(Duration.ofSeconds(2));
        assertEquals(6.01, lag.seconds(), 1e-9);
        poll(1, Duration.ofMillis(10));
        assertEquals(0.0, lag.seconds());
    }

    @Test
    void aPollRunningLongerThanThePollIntervalCountsAsBehind() {
        poll(0, Duration.ofMillis(10));
        clock.advance(POLL_INTERVAL);
        Instant started = lag.pollStarted();
        clock.advance(POLL_INTERVAL);
        assertEquals(0.0, lag.seconds(), "one interval is a poll's due time, not yet stuck");
        clock.advance(Duration.ofMillis(1));
        assertEquals(2.011, lag.seconds(), 1e-9);
        clock.advance(Duration.ofSeconds(30)); // waiting for a database connection
        assertEquals(32.011, lag.seconds(), 1e-9);
        lag.caughtUp(started);
        assertEquals(0.0, lag.seconds());
    }

    @Test
    void aWriteThatCouldNotBeIndexedIsClearedOnlyByAPollThatBeganAfterIt() {
        poll(0, Duration.ofMillis(10));
        clock.advance(Duration.ofMillis(500));
        Instant earlier = lag.pollStarted();
        clock.advance(Duration.ofMillis(100));
        lag.writeMissed();
        clock.advance(Duration.ofMillis(100));
        lag.caughtUp(earlier);
        assertEquals(0.2, lag.seconds(), 1e-9, "the poll that began before the write did not read it");
        clock.advance(Duration.ofMillis(700));
        poll(1, Duration.ofMillis(10));
        assertEquals(0.0, lag.seconds());
    }

    @Test
    void aClockMovedBackDoesNotHideTheLagOfLaterPolls() {
        poll(0, Duration.ofMillis(10));
        clock.advance(Duration.ofMinutes(-5));
        poll(0, Duration.ofMillis(10));
        // The next poll is stuck: the index is behind since the start of the last poll that caught up, after the step.
        lag.pollStarted();
        clock.advance(Duration.ofSeconds(3));
        assertEquals(3.0, lag.seconds(), 0.011);
    }

    @Test
    void aWriteMissedBeforeTheClockSteppedBackIsClearedByTheNextPoll() {
        poll(0, Duration.ofMillis(10));
        lag.writeMissed();
        clock.advance(Duration.ofMinutes(-5));
        poll(0, Duration.ofMillis(10));
        assertEquals(0.0, lag.seconds());
    }

    @Test
    void aClockMovedBackNeverGivesANegativeLag() {
        poll(0, Duration.ofMillis(10));
        lag.writeMissed();
        clock.advance(Duration.ofMinutes(-5));
        assertEquals(0.0, lag.seconds());
    }
}
