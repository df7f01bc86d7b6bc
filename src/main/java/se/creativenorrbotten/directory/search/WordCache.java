package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;

/**
 * Word matches per segment. Broad words (many postings) are what a search spends its time on and what
 * searches repeat (places, skills), so their matches are kept in a small LRU cache; a segment never
 * changes, so a kept match stays right until the segment goes (deletions are applied separately,
 * through the searcher's live documents). Narrow words are cheap to compute again: they are computed
 * into per-thread scratch arrays that live for one request, so they cost no garbage.
 */
final class WordCache {

    /** A word that reads fewer postings than a segment's documents divided by this is not kept. */
    private static final int KEEP_ABOVE_DIVISOR = 64;

    private record Key(Object segment, String word) {
    }

    private final Map<Key, WordMatch> entries;
    private final int capacity;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    WordCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.max(16, capacity * 2), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, WordMatch> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Call at the start of a search on this thread: the scratch arrays of the last one are reused. */
    void startRequest() {
        scratch.get().next = 0;
    }

    WordMatch get(Object segment, WordMatch.Word word, LeafReader reader) throws IOException {
        Key key = new Key(segment, word.key());
        if (capacity > 0) {
            synchronized (entries) {
                WordMatch cached = entries.get(key);
                if (cached != null) {
                    return cached;
                }
            }
        }
        int maxDoc = reader.maxDoc();
        Scratch own = scratch.get();
        WordMatch computed = WordMatch.compute(reader, word, own.score(maxDoc), own.matches(maxDoc));
        own.next++;
        if (capacity > 0 && computed.postings * KEEP_ABOVE_DIVISOR >= maxDoc) {
            WordMatch kept = computed.keep();
            synchronized (entries) {
                entries.put(key, kept);
            }
            return kept;
        }
        return computed;
    }

    /** One thread's reusable arrays: slot {@code next} is handed out zeroed. */
    private static final class Scratch {
        private final List<byte[]> scores = new ArrayList<>();
        private final List<FixedBitSet> bits = new ArrayList<>();
        int next;

        byte[] score(int maxDoc) {
            if (next == scores.size()) {
                scores.add(new byte[maxDoc]);
                bits.add(new FixedBitSet(maxDoc));
            }
            byte[] score = scores.get(next);
            if (score.length < maxDoc) {
                score = new byte[maxDoc];
                scores.set(next, score);
            } else {
                Arrays.fill(score, 0, maxDoc, (byte) 0);
            }
            return score;
        }

        FixedBitSet matches(int maxDoc) {
            FixedBitSet set = bits.get(next);
            if (set.length() != maxDoc) {
                set = new FixedBitSet(maxDoc);
                bits.set(next, set);
            } else {
                set.clear(0, maxDoc);
            }
            return set;
        }
    }
}
