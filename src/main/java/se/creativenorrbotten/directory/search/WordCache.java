package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Word matches per segment. Broad words (many postings) are what a search spends its time on and what
 * searches repeat (places, skills), so their matches are kept in a small cache; a segment never
 * changes, so a kept match stays right until the segment goes (deletions are applied separately,
 * through the searcher's live documents). Narrow words are cheap to compute again: they are computed
 * into per-thread scratch arrays that live for one request, so they cost no garbage.
 * <p>
 * The cache keeps the words searched most often, not the last ones: Caffeine's admission (W-TinyLFU) lets a
 * new word in only when it has been asked for more often than the one it would push out. A match kept whole was
 * 110 KB at 100,000 members; a plain LRU cache churned when the broad words searched exceeded its size, and every
 * match it evicted had lived long enough to reach the old generation, which then filled and was collected in
 * full, a pause of every search running. A match refused at the door is young garbage, collected cheaply. A match
 * is now kept as its documents and their scores (5 bytes a document) unless the word is in most documents, so the
 * same memory keeps several times the words, and what churns is smaller.
 */
final class WordCache {

    /** A word that reads fewer postings than a segment's documents divided by this is not kept. */
    private static final int KEEP_ABOVE_DIVISOR = 64;

    private record Key(Object segment, String word) {
    }

    private final Cache<Key, WordMatch.Kept> entries;
    private final boolean keeping;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * @param maxBytes what the kept matches may hold in all: a kept match holds 5 bytes a matching document, or
     *        1.125 bytes a document of its segment for the broadest words, so a number of entries would be a different
     *        amount of memory for every word and every size of segment
     */
    WordCache(long maxBytes) {
        this.keeping = maxBytes > 0;
        // Maintenance (admission, eviction) on the caller's thread: no pool of its own, and a full cache never
        // holds more than its budget plus the entry just put.
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, WordMatch.Kept kept) -> (int) Math.min(Integer.MAX_VALUE, kept.bytes()))
                .executor(Runnable::run).build();
    }

    /** How many bytes the kept matches hold now (for tests). */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Call at the start of a search on this thread: the scratch arrays of the last one are reused. */
    void startRequest() {
        scratch.get().next = 0;
    }

    WordMatch get(Object segment, WordMatch.Word word, LeafReader reader) throws IOException {
        Key key = new Key(segment, word.key());
        WordMatch.Kept cached = keeping ? entries.getIfPresent(key) : null;
        int maxDoc = reader.maxDoc();
        Scratch own = scratch.get();
        if (cached != null) {
            return cached.match(own, maxDoc);
        }
        WordMatch computed = WordMatch.compute(reader, word, own.score(maxDoc), own.matches(maxDoc));
        if (keeping && computed.postings * KEEP_ABOVE_DIVISOR >= maxDoc) {
            entries.put(key, computed.keep());
        }
        return computed;
    }

    /** Whether the match of this word in this segment is kept now (for tests). */
    boolean holds(Object segment, WordMatch.Word word) {
        return entries.getIfPresent(new Key(segment, word.key())) != null;
    }

    /** One thread's reusable arrays: slot {@code next} is handed out zeroed, score first, then its matches. */
    private static final class Scratch implements WordMatch.Scratch {
        private final List<byte[]> scores = new ArrayList<>();
        private final List<FixedBitSet> bits = new ArrayList<>();
        int next;

        @Override
        public byte[] score(int maxDoc) {
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

        @Override
        public FixedBitSet matches(int maxDoc) {
            FixedBitSet set = bits.get(next);
            if (set.length() != maxDoc) {
                set = new FixedBitSet(maxDoc);
                bits.set(next, set);
            } else {
                set.clear(0, maxDoc);
            }
            next++;
            return set;
        }
    }
}
