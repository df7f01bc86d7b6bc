package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.LeafReader;

/**
 * A small LRU cache of word matches per segment. Searches repeat their words (a partner site's search
 * box, the same skills and places), and a segment never changes, so a cached match stays right until
 * the segment goes; deletions are applied separately, through the searcher's live documents.
 */
final class WordCache {

    private record Key(Object segment, String word) {
    }

    private final Map<Key, WordMatch> entries;
    private final int capacity;

    WordCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, WordMatch> eldest) {
                return size() > capacity;
            }
        };
    }

    WordMatch get(Object segment, WordMatch.Word word, LeafReader reader) throws IOException {
        if (capacity == 0) {
            return WordMatch.compute(reader, word);
        }
        Key key = new Key(segment, word.key());
        synchronized (entries) {
            WordMatch cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        WordMatch computed = WordMatch.compute(reader, word);
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }
}
