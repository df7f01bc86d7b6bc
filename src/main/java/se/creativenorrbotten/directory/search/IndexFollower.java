package se.creativenorrbotten.directory.search;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.concurrent.Background;
import se.creativenorrbotten.directory.common.persistence.DatabaseSync;
import se.creativenorrbotten.directory.member.BulkWritesEnded;
import se.creativenorrbotten.directory.member.ChangeLog;
import se.creativenorrbotten.directory.member.MemberWritten;
import se.creativenorrbotten.directory.taxonomy.TaxonomyChanged;

/**
 * Keeps the search index equal to the database.
 * <ul>
 * <li>At start, in the background (readiness says DOWN until done): reopen the index and catch up from the
 * position its last commit recorded, or rebuild it from the database when it was built from another
 * database, in another format, or is ahead of it: its followed position or the newest change it holds is
 * past the database's latest (the database lost writes the index had seen, e.g. restored from a backup).</li>
 * <li>The index is committed only after the database has forced its writes to disk ({@link DatabaseSync}),
 * so that a committed index never holds a change the database could still lose.</li>
 * <li>After each committed write on this instance: re-read the written members and refresh, before the
 * write's response is sent. The chunks of a bulk import are followed on the follower's thread instead, while the
 * import writes its next chunk, and the import waits for them before it says it is done ({@link BulkWritesEnded}).</li>
 * <li>Every poll interval: read the change log ({@link ChangeLog}, the member side's) for writes by other
 * instances. Transactions can commit out of order (seq 11 visible before seq 10), so the followed position
 * only advances to the change log's safe point (past a gap once it is filled or older than the gap timeout:
 * a rolled-back transaction); until then the rows above it are re-read, and a member is only re-indexed
 * when its change is newer than the indexed one.</li>
 * </ul>
 */
@ApplicationScoped
public class IndexFollower {

    private static final Logger LOG = Logger.getLogger(IndexFollower.class);
    /** At a rebuild, the last this many positions are re-read, for transactions still committing then. */
    private static final long REBUILD_OVERLAP = 1000;
    private static final long DELETED = Long.MAX_VALUE;
    private static final int REBUILD_THREADS = 2;
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);
    /** How long the shutdown waits for a poll that is still applying changes (a large import of another instance). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Before the other StartupEvent observers (DemoData's is 10, the default APPLICATION + 500). */
    static final int START_PRIORITY = jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE + 1;
    /** After the other ShutdownEvent observers (the default is APPLICATION + 500): the import job stops first. */
    static final int STOP_PRIORITY = jakarta.interceptor.Interceptor.Priority.APPLICATION + 900;
    /** The members one transaction wrote ({@link PendingWrites}), kept with it until it ends. */
    private static final Object PENDING_WRITES = new Object();
    /** Members read from the database at a time when written ones are indexed: memory stays flat for an import. */
    private static final int APPLY_SLICE = 1000;

    private final IndexSource source;
    private final ChangeLog changeLog;
    private final DirectoryConfig config;
    private final DatabaseSync databaseSync;
    private final TransactionSynchronizationRegistry transactions;
    private final TransactionManager transactionManager;
    private final IndexLag lag;
    private final Map<UUID, Long> indexedSeq = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final CountDownLatch readyLatch = new CountDownLatch(1);
    /**
     * Members of a bulk import's committed chunks, to be indexed on the follower's thread (guarded by itself); all
     * those committed while one apply runs are indexed by the next, with one refresh. Not empty: an apply is queued.
     */
    private final Set<UUID> bulk = new LinkedHashSet<>();

    private ScheduledExecutorService scheduler;
    private volatile SearchIndex index;
    private volatile Taxonomy taxonomy;
    private volatile boolean ready;
    private String databaseId;
    private long safePoint;
    /** The change log's safe point as last read (recorded at each commit; see SearchIndex.SETTLED). */
    private long settledRead;
    /** The highest change sequence of a member put into the index (recorded at each commit). */
    private long highestIndexed = -1;
    private long lastCommit;
    private boolean uncommitted;
    /** A member was deleted: its data must be merged out of the index files (see SearchIndex.purgeDeleted). */
    private volatile boolean purgePending;
    /** What the index holds: {@link #contents()}, kept up to date under the write lock. */
    private long digest;
    private volatile long contents;

    public IndexFollower(IndexSource source, ChangeLog changeLog, DirectoryConfig config, DatabaseSync databaseSync,
            TransactionSynchronizationRegistry transactions, TransactionManager transactionManager, java.time.Clock clock) {
        this.lag = new IndexLag(clock, pollInterval(config));
        this.source = source;
        this.transactions = transactions;
        this.transactionManager = transactionManager;
        this.changeLog = changeLog;
        this.config = config;
        this.databaseSync = databaseSync;
    }

    /**
     * The first StartupEvent observer: the index opens (and catches up) on the follower's thread while the others
     * run on the main one (the demo data, the members' upgrade, the first admin), instead of after them.
     */
    void onStart(@Observes @Priority(START_PRIORITY) StartupEvent start) {
        scheduler = Background.scheduled("search-index-follower");
        scheduler.execute(this::open);
    }

    /**
     * At shutdown, once the requests in flight have finished (quarkus.shutdown.timeout) and the import job has stopped
     * (its observer runs first): the running poll may end, one more follows the change log to its end (this instance's
     * last writes included, so the position committed is the database's latest and the next start has nothing to
     * catch up), and the index is committed. The poll is waited for, not interrupted: an interrupt during a read closes
     * the index's files (NIOFSDirectory), and the commit would fail. An index that never got ready is not committed:
     * its last commit stays, and the next start goes on from there.
     */
    void onStop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent stop) {
        if (scheduler != null) {
            if (!Background.stop(scheduler, STOP_WAIT)) {
                LOG.warnf("The search index's poll did not end within %d s of the shutdown; interrupting it",
                        STOP_WAIT.toSeconds());
                scheduler.shutdownNow();
            }
        }
        if (ready) {
            try {
                poll();
            } catch (Exception e) {
                LOG.warn("Could not read the change log at shutdown; the next start catches up", e);
            }
        }
        synchronized (writeLock) {
            SearchIndex current = index;
            boolean wasReady = ready;
            ready = false;
            index = null;
            if (current != null) {
                try {
                    if (wasReady) {
                        awaitDatabaseBefore(current);
                        current.commit(databaseId, safePoint, highestIndexed, settledRead);
                        LOG.infof("Search index committed at shutdown, at change %d", safePoint);
                    }
                    current.close();
                } catch (Exception e) {
                    LOG.warn("Could not commit the search index at shutdown; it is caught up at the next start", e);
                }
            }
        }
    }

    /** True once searches can run. */
    public boolean isReady() {
        return ready;
    }

    /** Waits (at most the timeout) until searches can run; true when they can. */
    boolean awaitReady(Duration timeout) {
        try {
            return readyLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    SearchIndex index() {
        return index;
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * A digest of what the searchers hold: the XOR of a hash of (id, change sequence) of every member in the
     * index. It changes with every member put into or deleted from the index, whatever the order the changes
     * arrive in, and is the same on every instance whose index holds the same members at the same changes
     * (an index built from the database: in memory, or rebuilt; a reopened file index starts from its committed
     * position). Published only after the searchers were refreshed: a searcher acquired after reading it holds
     * at least what it describes. The search's ETags start from it (SearchService.tag).
     */
    long contents() {
        return contents;
    }

    /** One member at one change, for {@link #contents()}: a 64-bit mix (MurmurHash3's finaliser). */
    static long entry(UUID id, long seq) {
        long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits() ^ Long.rotateLeft(seq, 29);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Members written on this instance: searchable (or gone) before the write's response leaves. The writes of one
     * transaction are indexed together once it commits, with one refresh; a write outside a transaction at once. A
     * bulk import's chunk is indexed in the background ({@link #followInBulk}).
     */
    void onWritten(@Observes MemberWritten written) {
        if (!ready || written.ids().isEmpty()) {
            return;
        }
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            applyLogged(written.ids());
            return;
        }
        PendingWrites pending = (PendingWrites) transactions.getResource(PENDING_WRITES);
        if (pending == null) {
            PendingWrites writes = new PendingWrites();
            transactions.putResource(PENDING_WRITES, writes);
            // A plain synchronization, not an interposed one: those end before the pool takes the transaction's
            // connection back, and a write that waited here for the index would keep it while the index needs one.
            register(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return;
                    }
                    if (writes.inBulk) {
                        followInBulk(writes.ids);
                    } else {
                        applyLogged(writes.ids);
                    }
                }
            });
            pending = writes;
        }
        pending.add(written);
    }

    /** What one transaction wrote: followed in bulk only when every write of it was a bulk import's. */
    private static final class PendingWrites {
        private final Set<UUID> ids = new LinkedHashSet<>();
        private boolean inBulk = true;

        void add(MemberWritten written) {
            ids.addAll(written.ids());
            inBulk &= written.inBulk();
        }
    }

    /**
     * A bulk import's committed chunk: indexed on the follower's thread, so that the import writes its next chunk
     * meanwhile (the database's work and the index's then share the machine's cores), and polls and applies never
     * overlap. Members of chunks committed while an apply runs wait for the next one, which indexes them together.
     */
    private void followInBulk(Collection<UUID> ids) {
        synchronized (bulk) {
            boolean queued = !bulk.isEmpty();
            bulk.addAll(ids);
            if (queued) {
                return;
            }
        }
        try {
            scheduler.execute(this::applyBulk);
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: the last poll (onStop) follows the change log to its end, these members too.
        }
    }

    private void applyBulk() {
        List<UUID> ids;
        synchronized (bulk) {
            ids = List.copyOf(bulk);
            bulk.clear();
        }
        if (!ids.isEmpty()) {
            applyLogged(ids);
        }
    }

    /**
     * A bulk import ends: returns once every chunk it committed is indexed. The follower's thread runs its tasks in
     * order, so a task queued now runs after the apply of every chunk committed before.
     */
    void onBulkWritesEnded(@Observes BulkWritesEnded ended) {
        if (!ready) {
            return; // the start's poll follows the change log, these members too
        }
        try {
            scheduler.submit(() -> {
            }).get(ended.atMost().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException stopping) {
            // The service is stopping: the last poll (onStop) follows the change log to its end.
        } catch (TimeoutException e) {
            LOG.warnf("The search index has not followed a bulk import within %d ms; it goes on in the background",
                    ended.atMost().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void register(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("could not follow the transaction's end", e);
        }
    }

    private void applyLogged(Collection<UUID> ids) {
        try {
            apply(ids);
        } catch (Exception e) {
            lag.writeMissed();
            LOG.error("Could not index a write at once; the next poll retries it", e);
        }
    }

    /**
     * A skill was added, renamed or removed here: labels and validation use the new taxonomy at once, and
     * the members whose searchable text changed with it are re-indexed.
     */
    void onTaxonomyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaxonomyChanged change) {
        try {
            taxonomy = Taxonomy.load(source);
            if (ready && !change.members().isEmpty()) {
                apply(change.members());
            }
        } catch (Exception e) {
            LOG.warn("Could not follow a taxonomy change at once; the next poll does", e);
        }
    }

    private void open() {
        long started = System.nanoTime();
        boolean rebuilt = false;
        try {
            synchronized (writeLock) {
                databaseId = changeLog.databaseId();
                taxonomy = Taxonomy.load(source);
                index = new SearchIndex(folder(), config.search().wordCacheMb() * 1024L * 1024L);
                Map<String, String> committed = index.committed();
                long latest = changeLog.latest();
                if (canCatchUp(committed, databaseId, latest)) {
                    safePoint = Long.parseLong(committed.get(SearchIndex.SAFE_POINT));
                    highestIndexed = Long.parseLong(committed.getOrDefault(SearchIndex.HIGHEST_SEQ, "-1"));
                    settledRead = settledOnReopen(committed, safePoint);
                    changeLog.settledAtLeast(settledRead);
                    digest = entry(new UUID(databaseId.hashCode(), safePoint), highestIndexed);
                    contents = digest;
                    LOG.infof("Search index reopened; catching up from change %d to %d (the change log settled up to %d)",
                            safePoint, latest, settledRead);
                } else {
                    if (!committed.isEmpty()) {
                        LOG.infof("Search index does not match the database (committed %s, database %s at change %d):"
                                + " rebuilding it", committed, databaseId, latest);
                    }
                    rebuild(latest);
                    rebuilt = true;
                }
            }
            poll();
            synchronized (writeLock) {
                commit();
            }
            ready = true;
            readyLatch.countDown();
            LOG.infof("Search ready in %d ms", (System.nanoTime() - started) / 1_000_000);
            if (rebuilt) {
                scheduler.execute(this::mergeRebuilt);
            }
            long every = pollInterval(config).toMillis();
            scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.error("Could not open the search index; retrying in 5 s", e);
            scheduler.schedule(this::open, 5, TimeUnit.SECONDS);
        }
    }

    /**
     * Whether the committed index can be caught up from its followed position: built from this database, in
     * the current format, and not ahead of it. An index that holds a change the database does not (its
     * followed position or its newest change past the database's latest) is rebuilt: catching up would
     * leave members in it that the database lost.
     */
    static boolean canCatchUp(Map<String, String> committed, String databaseId, long latest) {
        long followed = Long.parseLong(committed.getOrDefault(SearchIndex.SAFE_POINT, "-1"));
        long highest = Long.parseLong(committed.getOrDefault(SearchIndex.HIGHEST_SEQ, "-1"));
        return databaseId.equals(committed.get(SearchIndex.DATABASE_ID))
                && SearchIndex.CURRENT_FORMAT.equals(committed.get(SearchIndex.FORMAT))
                && followed >= 0 && followed <= latest && highest <= latest;
    }

    /**
     * Where the change log may start as settled when a committed index is caught up: the place the commit recorded as
     * settled, never above the commit's followed position, which {@link #canCatchUp} checked against the database's
     * newest change (a commit read against a database restored to an older state must not make its later places
     * settled).
     */
    static long settledOnReopen(Map<String, String> committed, long followed) {
        return Math.min(Long.parseLong(committed.getOrDefault(SearchIndex.SETTLED, "0")), followed);
    }

    private void rebuild(long latest) throws Exception {
        long started = System.nanoTime();
        index.deleteAll();
        indexedSeq.clear();
        highestIndexed = -1;
        AtomicInteger count = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // Reading the database and analysing text overlap: documents are built and added by two workers
        // (IndexWriter is thread-safe); a full queue makes the reader add documents itself.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(REBUILD_THREADS,
                REBUILD_THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            source.forEachMember(member -> workers.execute(() -> {
                try {
                    index.add(member, taxonomy);
                    indexedSeq.put(member.id(), member.changeSeq());
                    count.incrementAndGet();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        } finally {
            workers.shutdown();
            workers.awaitTermination(10, TimeUnit.MINUTES);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        safePoint = Math.max(0, latest - REBUILD_OVERLAP);
        highestIndexed = indexedSeq.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        digest = 0;
        indexedSeq.forEach((id, seq) -> digest ^= entry(id, seq));
        commit();
        index.refresh();
        contents = digest;
        LOG.infof("Search index built from the database: %d members in %d ms", count.get(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A rebuilt index is the segments its build flushed (a few at 100,000 members). One segment answers a search
     * several times faster: each query word is looked up once instead of once per segment, and orders need no ordinals
     * global to the segments. So once searches are served, the follower merges them into one, once, and commits it,
     * so a restart opens the merged index. Polls wait meanwhile (a few seconds at 100,000 members); later writes
     * make small segments that the merge policy merges as usual.
     */
    private void mergeRebuilt() {
        long started = System.nanoTime();
        try {
            index.mergeToOne();
            synchronized (writeLock) {
                commit();
            }
            index.refresh();
            LOG.infof("Search index merged into one segment in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (Exception e) {
            LOG.warn("Could not merge the rebuilt search index; searches use its segments as they are", e);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (Exception e) {
            LOG.warn("Search index poll failed; retrying", e);
        }
    }

    /** Reads the changes above the followed position and applies those newer than what the index has. */
    void poll() throws Exception {
        java.time.Instant pollStarted = lag.pollStarted();
        long settled;
        try {
            Taxonomy fresh = Taxonomy.load(source);
            if (!fresh.sameAs(taxonomy)) {
                taxonomy = fresh;
            }
            long from;
            synchronized (writeLock) {
                from = safePoint;
            }
            // The safe point first: every change up to it is visible to the read that follows.
            settled = changeLog.safePoint();
            List<ChangeLog.Change> changes = changeLog.changesSince(from);
            Set<UUID> stale = new HashSet<>();
            for (ChangeLog.Change change : changes) {
                if (change.seq() > indexedSeq.getOrDefault(change.id(), -1L)) {
                    stale.add(change.id());
                }
            }
            lag.read(stale.size());
            if (!stale.isEmpty()) {
                synchronized (bulk) {
                    bulk.removeAll(stale); // indexed here, on the thread that would have applied them
                }
                apply(stale);
            }
        } catch (Exception | Error e) {
            lag.pollFailed();
            throw e;
        }
        // Every change committed before this poll began is searchable now (purging and committing are not about that).
        lag.caughtUp(pollStarted);
        boolean purge = purgePending;
        if (purge) {
            purgePending = false;
            long started = System.nanoTime();
            try {
                index.purgeDeleted();
                index.refresh();
            } catch (java.io.IOException | RuntimeException e) {
                purgePending = true; // the next poll tries again: an erased member must not stay in the files
                throw e;
            }
            LOG.infof("Deleted members purged from the search index in %d ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        synchronized (writeLock) {
            safePoint = Math.max(safePoint, settled);
            settledRead = Math.max(settledRead, settled);
            if (purge || uncommitted && System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                commit();
            }
        }
    }

    /** Re-reads these members from the database and puts their current state (or absence) in the index. */
    void apply(Collection<UUID> ids) throws SQLException, java.io.IOException {
        synchronized (writeLock) {
            SearchIndex current = index;
            if (current == null) {
                return;
            }
            List<UUID> changed = new ArrayList<>();
            List<UUID> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += APPLY_SLICE) {
                List<UUID> slice = all.subList(from, Math.min(all.size(), from + APPLY_SLICE));
                applySlice(current, slice, source.members(slice), changed);
            }
            if (!changed.isEmpty()) {
                current.refresh();
                contents = digest;
                uncommitted = true;
            }
        }
    }

    /** Puts or deletes one slice of the members written, read from the database together. */
    private void applySlice(SearchIndex current, List<UUID> ids, Map<UUID, MemberDocument> found, List<UUID> changed)
            throws java.io.IOException {
        for (UUID id : ids) {
            MemberDocument member = found.get(id);
            long known = indexedSeq.getOrDefault(id, -1L);
            if (member == null && known != DELETED) {
                current.delete(id);
                // Out goes its entry; a member this process never indexed (a reopened index) still changes it.
                digest ^= known >= 0 ? entry(id, known) : entry(id, DELETED);
                purgePending = true;
                indexedSeq.put(id, DELETED);
                changed.add(id);
            } else if (member != null && member.changeSeq() > known) {
                current.put(member, taxonomy);
                digest ^= (known >= 0 && known != DELETED ? entry(id, known) : 0) ^ entry(id, member.changeSeq());
                indexedSeq.put(id, member.changeSeq());
                highestIndexed = Math.max(highestIndexed, member.changeSeq());
                changed.add(id);
            }
        }
    }

    private void commit() throws Exception {
        awaitDatabaseBefore(index);
        index.commit(databaseId, safePoint, highestIndexed, settledRead);
        lastCommit = System.nanoTime();
        uncommitted = false;
    }

    /**
     * What a committed index holds must be on the disk in the database first (see DatabaseSync). An index in
     * memory outlives nothing, so its commits need no fsync of the database.
     */
    private void awaitDatabaseBefore(SearchIndex committing) throws Exception {
        if (committing.persistent()) {
            databaseSync.awaitDurable();
        }
    }

    /** How long the follower waits between polls (at least 50 ms). */
    private static Duration pollInterval(DirectoryConfig config) {
        return Duration.ofMillis(Math.max(50, config.search().pollInterval().toMillis()));
    }

    /** Runs a task on the follower's thread after the ones queued before it (a test holds the thread with one). */
    void onFollowerThread(Runnable task) {
        scheduler.execute(task);
    }

    /** How far the index is behind the change log: the metrics' view of this follower (SearchMetrics). */
    IndexLag lag() {
        return lag;
    }

    private Path folder() {
        String configured = config.search().indexDir().orElse(config.inDataDir("index"));
        return "memory".equals(configured) ? null : Path.of(configured);
    }
}
