package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The digest of what the index holds (IndexFollower.contents, the start of the search's ETags): the same for the
 * same members at the same changes whatever order they arrived in, and different after any one change.
 */
class IndexContentsTest {

    private record Entry(UUID id, long seq) {
    }

    private static long digest(List<Entry> entries) {
        long digest = 0;
        for (Entry entry : entries) {
            digest ^= IndexFollower.entry(entry.id(), entry.seq());
        }
        return digest;
    }

    @Test
    void theOrderOfArrivalDoesNotMatter() {
        Random random = new Random(7);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(new Entry(new UUID(random.nextLong(), random.nextLong()), i + 1));
        }
        long inOrder = digest(entries);
        Collections.shuffle(entries, random);
        assertEquals(inOrder, digest(entries));
    }

    @Test
    void aMemberMovedToANewChangeIsAnotherState() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        long before = digest(List.of(new Entry(a, 5), new Entry(b, 6)));
        // a re-indexed at change 7: its old entry goes out, its new one comes in
        long after = before ^ IndexFollower.entry(a, 5) ^ IndexFollower.entry(a, 7);
        assertEquals(digest(List.of(new Entry(a, 7), new Entry(b, 6))), after);
        assertNotEquals(before, after);
        assertNotEquals(before, before ^ IndexFollower.entry(b, 6), "b deleted");
    }

    @Test
    void nearbyIdsAndChangesGiveDistinctEntries() {
        Set<Long> seen = new HashSet<>();
        for (long high = 0; high < 30; high++) {
            for (long low = 0; low < 30; low++) {
                for (long seq = 0; seq < 30; seq++) {
                    seen.add(IndexFollower.entry(new UUID(high, low), seq));
                }
            }
        }
        assertEquals(30 * 30 * 30, seen.size());
    }
}
