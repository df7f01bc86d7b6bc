package se.creativenorrbotten.directory.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the search index is behind the database's change log, from what the follower learns at each poll: no
 * query of its own (the metrics read it at every scrape).
 * <p>
 * The index is <em>caught up</em> once a poll has ended holding every change it read: then it holds every change
 * committed before that poll began. It is <em>behind</em> while a poll applies changes it read, after a poll failed
 * or a write of this instance could not be indexed at once (until a poll that began after it ends caught up), while
 * a poll runs for longer than the poll interval (it may be stuck reading), and before the first poll after the
 * start ended. Behind, the lag is the time since the start of the last poll that ended caught up (since the start,
 * before the first): a bound on the age of the oldest change the index may miss, which counts the time a change
 * waits for the poll that reads it. Caught up, it is 0, however long ago the last change was.
 * Thread-safe.
 */
final class IndexLag {

    private final Clock clock;
    private final Duration pollInterval;
    private final Instant startedAt;
    private Instant caughtUpAt;
    private Instant pollStartedAt;
    private int unapplied;
    private boolean pollFailed;
    /** Polls begun so far: what orders polls and missed writes, since the wall clock may step back. */
    private long polls;
    /** The number of polls begun when a write was missed (-1: none): a later poll takes it. */
    private long missedDuring = -1;
    private Instant missedAt;

    IndexLag(Clock clock, Duration pollInterval) {
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.startedAt = clock.instant();
    }

    /** A poll begins; answers its start, to hand back to {@link #caughtUp}. */
    synchronized Instant pollStarted() {
        polls++;
        pollStartedAt = clock.instant();
        return pollStartedAt;
    }

    /** The poll read the change log: this many changes are not in the index yet (it applies them next). */
    synchronized void read(int changes) {
        unapplied = changes;
    }

    /**
     * The last poll begun, at {@code started}, ended with every change it read in the index. (The polls run one after
     * the other; they are ordered by when they began, not by the clock, which may step back.)
     */
    synchronized void caughtUp(Instant started) {
        pollStartedAt = null;
        unapplied = 0;
        pollFailed = false;
        caughtUpAt = started;
        if (missedDuring >= 0 && polls > missedDuring) {
            missedDuring = -1;
            missedAt = null;
        }
    }

    /** The poll failed (the database or the index): what it read, if anything, waits for the next one. */
    synchronized void pollFailed() {
        pollStartedAt = null;
        pollFailed = true;
    }

    /** A write of this instance could not be indexed at once: the next poll that begins after now takes it. */
    synchronized void writeMissed() {
        if (missedDuring < 0) {
            missedDuring = polls;
            missedAt = clock.instant();
        }
    }

    /** Changes the last poll read that the index did not hold yet (0 once they are applied). */
    synchronized int changes() {
        return unapplied;
    }

    /** Seconds the index is behind (see the class comment); 0 when caught up. */
    synchronized double seconds() {
        Instant now = clock.instant();
        boolean stuck = pollStartedAt != null && Duration.between(pollStartedAt, now).compareTo(pollInterval) > 0;
        boolean behind = caughtUpAt == null || unapplied > 0 || pollFailed || missedAt != null || stuck;
        if (!behind) {
            return 0;
        }
        Instant since = caughtUpAt == null ? startedAt : caughtUpAt;
        return Math.max(0, Duration.between(since, now).toNanos() / 1e9);
    }
}
