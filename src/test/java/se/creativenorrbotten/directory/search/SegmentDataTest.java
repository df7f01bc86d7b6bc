package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment's data is built once, when a searcher holding the segment is opened: no search builds it. A burst of
 * searches right after a start, each building the arrays of a 100,000-member segment at once, ran a 150 MB heap out
 * of memory and was answered 500.
 */
class SegmentDataTest {

    @Test
    void aSearcherIsHandedOutWithTheDataOfEachOfItsSegmentsBuilt() throws IOException {
        try (SearchFixture index = new SearchFixture()) {
            index.add(index.member("Anna foto"), index.member("Zelda")).flush();
            index.add(index.member("Örjan foto")).flush();
            IndexSearcher searcher = index.index.acquire();
            try {
                assertEquals(2, searcher.getIndexReader().leaves().size());
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    assertTrue(index.index.holdsSegment(leaf.reader()), "built before any search asked for it");
                    assertTrue(index.index.segment(leaf.reader()) == index.index.segment(leaf.reader()), "and once");
                }
            } finally {
                index.index.release(searcher);
            }
        }
    }

    @Test
    void searchesAskingAtOnceForASegmentNotYetBuiltShareOneBuild(@TempDir Path folder) throws Exception {
        try (SearchFixture index = new SearchFixture(folder)) {
            for (int i = 0; i < 3000; i++) {
                index.add(index.member("Medlem " + i + (i % 2 == 0 ? " foto" : "")));
            }
            index.index.commit("db", 0, 0, 0);
            // A reader of its own opens the committed segment afresh: its data is not built yet.
            try (Directory directory = new NIOFSDirectory(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                assertFalse(index.index.holdsSegment(leaf));
                int callers = 8;
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                try {
                    List<Future<SegmentData>> answers = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            return index.index.segment(leaf);
                        }));
                    }
                    go.countDown();
                    Set<SegmentData> built = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (Future<SegmentData> answer : answers) {
                        built.add(answer.get(30, TimeUnit.SECONDS));
                    }
                    assertEquals(1, built.size(), "one build, every caller answered with it");
                    assertTrue(index.index.holdsSegment(leaf));
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void documentsByTimeLatestFirstTiesInDocumentOrder() {
        assertArrayEquals(new int[] {1, 4, 0, 2, 5, 3}, SegmentData.byTimeDescending(new long[] {5, 9, 5, 1, 9, 5}));
        assertArrayEquals(new int[0], SegmentData.byTimeDescending(new long[0]));
        long[] many = new long[10_000];
        for (int doc = 0; doc < many.length; doc++) {
            many[doc] = (doc * 7919L) % 1000; // repeats: ties everywhere
        }
        int[] order = SegmentData.byTimeDescending(many);
        for (int i = 1; i < order.length; i++) {
            long before = many[order[i - 1]];
            long after = many[order[i]];
            assertTrue(before > after || before == after && order[i - 1] < order[i], "at " + i);
        }
    }
}
