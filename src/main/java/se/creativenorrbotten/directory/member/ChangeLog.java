package se.creativenorrbotten.directory.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * The directory's change log, read by everything that follows the members (the search index, the partner feed).
 * Every write of a member gives it a new place in one directory-wide change sequence ({@code member.change_seq});
 * an erased member leaves a tombstone with its place. A member's earlier places are overwritten: the log holds
 * each member once, at its latest change.
 * <p>
 * Transactions commit out of order (place 11 visible before 10), and a rolled-back one leaves its place empty for
 * ever; an overwritten place looks the same. The {@link #safePoint() safe point} is the place up to which every
 * place is settled: visible, or certain never to be filled. A follower that has read every change up to it never
 * has to look below it again. A place is settled when
 * <ul>
 * <li>it is visible, or its transaction on this instance ended (committed or rolled back: see {@link #allocated});</li>
 * <li>or a higher place was already visible a gap timeout ago (DIRECTORY_SEARCH_GAP_TIMEOUT, longer than any write
 * transaction): its transaction, on any instance, began before then and has ended. A place whose transaction is
 * still running on this instance is never taken as settled that way.</li>
 * </ul>
 * The safe point only moves up. It is this instance's knowledge (another instance's may lag a little behind), but
 * what it asserts holds for every instance: any instance's safe point may be handed to any other.
 */
@ApplicationScoped
public class ChangeLog {

    /** A member written (or, with {@code erased}, deleted) at a place in the change sequence, and when. */
    public record Change(UUID id, long seq, boolean erased, Instant at) {
    }

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final SafePoint safePoint;

    @Inject
    public ChangeLog(DataSource dataSource, TransactionSynchronizationRegistry transactions, DirectoryConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.safePoint = new SafePoint(config.search().gapTimeout(), System::nanoTime);
    }

    /** The random identity of this database: a position in its change sequence means nothing in another. */
    public String databaseId() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id from directory_instance");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The highest place in the change sequence that is visible now. */
    public long latest() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(max(change_seq), 0) from member"
                        + " union all select coalesce(max(change_seq), 0) from member_tombstone");
                ResultSet rs = s.executeQuery()) {
            long latest = 0;
            while (rs.next()) {
                latest = Math.max(latest, rs.getLong(1));
            }
            return latest;
        }
    }

    /** Members written and deleted above the place {@code after}, in no particular order. */
    public List<Change> changesSince(long after) throws SQLException {
        return read("select id, change_seq, public_updated_at, 0 from member where change_seq > ?"
                + " union all select member_id, change_seq, deleted_at, 1 from member_tombstone where change_seq > ?",
                after, Long.MAX_VALUE);
    }

    /**
     * The first {@code limit} changes above the place {@code after} and at most {@code upTo}, in the order of the
     * sequence. Their time is what the public could see: the public view's date (a private edit does not change it),
     * or the time of the erasure.
     */
    public List<Change> page(long after, long upTo, int limit) throws SQLException {
        return read("select id, change_seq, public_updated_at, 0 as erased from member where change_seq > ? and change_seq <= ?"
                + " union all select member_id, change_seq, deleted_at, 1 as erased from member_tombstone"
                + " where change_seq > ? and change_seq <= ? order by 2 limit " + Math.max(0, limit), after, upTo);
    }

    private List<Change> read(String sql, long after, long upTo) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            boolean bounded = upTo != Long.MAX_VALUE;
            int i = 1;
            for (int table = 0; table < 2; table++) {
                s.setLong(i++, after);
                if (bounded) {
                    s.setLong(i++, upTo);
                }
            }
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                    changes.add(new Change(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(4) == 1,
                            at == null ? null : at.toInstant()));
                }
            }
        }
        return changes;
    }

    /**
     * The place up to which every place of the change sequence is settled (see the class comment). Read it before
     * reading the changes up to it: they are all visible then.
     */
    public long safePoint() throws SQLException {
        long from = safePoint.settled();
        List<Long> visible = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select change_seq from member where change_seq > ?"
                        + " union all select change_seq from member_tombstone where change_seq > ?")) {
            s.setLong(1, from);
            s.setLong(2, from);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    visible.add(rs.getLong(1));
                }
            }
        }
        return safePoint.observe(visible);
    }

    /**
     * Every place up to {@code place} is settled: a safe point read earlier from this database, by this instance or
     * another (the search index commits the one it last read). The safe point starts there instead of at 0, so that
     * its first read does not fetch the place of every member.
     */
    public void settledAtLeast(long place) {
        safePoint.raise(place);
    }

    /**
     * A place taken in the current transaction: until that transaction ends, the safe point stays below it; once it
     * ended (either way) the place is settled at once, without waiting out the gap timeout.
     */
    void allocated(long seq) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return; // no transaction to wait for: the place is written (or not) by the statement that took it
        }
        safePoint.begin(seq);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    safePoint.end(seq);
                }
            });
        } catch (RuntimeException notRegistered) {
            safePoint.forget(seq); // its end would never be told: the place waits out the gap timeout like a stranger's
            throw notRegistered;
        }
    }

    /**
     * The safe point's rules over the places seen, without the database (unit-tested on its own). Thread-safe.
     */
    static final class SafePoint {

        /** A highest visible place and when it was seen. */
        private record Sample(long nanos, long highest) {
        }

        /** Samples closer together than this add nothing (the bound only gets more cautious). */
        private static final long SAMPLE_EVERY = 50_000_000L;

        private final long timeout;
        private final LongSupplier clock;
        private final Deque<Sample> samples = new ArrayDeque<>();
        private final Set<Long> running = new HashSet<>();
        private final TreeSet<Long> ended = new TreeSet<>();
        private long settled;

        SafePoint(Duration gapTimeout, LongSupplier nanoClock) {
            this.timeout = gapTimeout.toNanos();
            this.clock = nanoClock;
        }

        synchronized long settled() {
            return settled;
        }

        /** A place known settled elsewhere (see {@link ChangeLog#settledAtLeast}); the safe point never moves down. */
        synchronized void raise(long place) {
            if (place > settled) {
                settled = place;
                ended.headSet(settled, true).clear();
            }
        }

        synchronized void begin(long seq) {
            running.add(seq);
        }

        synchronized void forget(long seq) {
            running.remove(seq);
        }

        synchronized void end(long seq) {
            running.remove(seq);
            if (seq > settled) {
                ended.add(seq);
            }
        }

        /** Takes in the places visible above {@link #settled()} (read just now) and answers the new safe point. */
        synchronized long observe(Collection<Long> visible) {
            long now = clock.getAsLong();
            Set<Long> seen = new HashSet<>(visible);
            long highest = settled;
            for (long seq : visible) {
                highest = Math.max(highest, seq);
            }
            Sample last = samples.peekLast();
            if (last == null || highest > last.highest() && now - last.nanos() >= SAMPLE_EVERY) {
                samples.addLast(new Sample(now, highest));
            }
            // Every place below one that was visible a gap timeout ago has ended, on any instance ...
            long timedOut = pruneSamples(now);
            long next = Math.max(settled, timedOut);
            // ... a place still running here is not ended, however old.
            for (long seq : running) {
                if (seq <= next) {
                    next = Math.min(next, seq - 1);
                }
            }
            next = Math.max(settled, next);
            // Then on, one place after the other, while each is visible or ended here.
            while (!running.contains(next + 1) && (seen.contains(next + 1) || ended.contains(next + 1))) {
                next++;
            }
            settled = next;
            ended.headSet(settled, true).clear();
            return settled;
        }

        /** Drops the samples older than the newest timed-out one; answers the highest place of that one (or 0). */
        private long pruneSamples(long now) {
            Sample newestOld = null;
            while (!samples.isEmpty() && now - samples.peekFirst().nanos() > timeout) {
                newestOld = samples.removeFirst();
            }
            if (newestOld == null) {
                return 0;
            }
            samples.addFirst(newestOld);
            return newestOld.highest();
        }
    }
}
