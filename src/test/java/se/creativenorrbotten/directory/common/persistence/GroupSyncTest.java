package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit under the fsync: nobody returns before a sync that began after its call has ended. */
class GroupSyncTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoneCallerRunsOneSyncOfItsOwn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        GroupSync sync = new GroupSync(runs::incrementAndGet);
        sync.await();
        sync.await();
        assertEquals(2, runs.get());
        assertEquals(2, sync.actions());
    }

    @Test
    void aCallerArrivingDuringASyncWaitsForTheNextOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        GroupSync sync = new GroupSync(() -> {
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                releaseFirst.await();
            }
        });
        Future<?> first = threads.submit(() -> await(sync));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        // This caller's write may have missed the running sync: it must not return with it.
        Future<Integer> second = threads.submit(() -> {
            sync.await();
            return runs.get();
        });
        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(2, second.get(5, TimeUnit.SECONDS), "syncs run when the second caller returned");
        assertEquals(2, runs.get());
    }

    @Test
    void everyCallerIsCoveredByASyncThatStartedAfterItCalledAndManyShareOne() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<long[]> syncs = new CopyOnWriteArrayList<>(); // {start, end}
        GroupSync sync = new GroupSync(() -> {
            long start = clock.incrementAndGet();
            Thread.sleep(2);
            syncs.add(new long[] {start, clock.incrementAndGet()});
        });
        int callers = 200;
        List<Future<long[]>> calls = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < callers; i++) {
            calls.add(threads.submit(() -> {
                go.await();
                long called = clock.incrementAndGet();
                sync.await();
                return new long[] {called, clock.incrementAndGet()};
            }));
        }
        go.countDown();
        for (Future<long[]> call : calls) {
            long[] times = call.get(30, TimeUnit.SECONDS);
            boolean covered = syncs.stream().anyMatch(s -> s[0] > times[0] && s[1] < times[1]);
            assertTrue(covered, "a caller returned without a sync that started after its call");
        }
        assertTrue(syncs.size() < callers / 2, "concurrent callers should share syncs, got " + syncs.size());
    }

    @Test
    void aFailedSyncFailsItsCallerAndTheNextCallerSyncsAgain() throws Exception {
        IllegalStateException disk = new IllegalStateException("disk full");
        AtomicInteger runs = new AtomicInteger();
        GroupSync sync = new GroupSync(() -> {
            if (runs.incrementAndGet() == 1) {
                throw disk;
            }
        });
        assertSame(disk, assertThrows(IllegalStateException.class, sync::await));
        assertEquals(0, sync.actions());
        sync.await();
        assertEquals(2, runs.get());
        assertEquals(1, sync.actions());
    }

    private static Void await(GroupSync sync) throws Exception {
        sync.await();
        return null;
    }
}
