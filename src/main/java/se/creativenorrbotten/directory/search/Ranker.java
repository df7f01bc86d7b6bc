package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Finds the first {@code wanted} hits in the requested order without sorting the rest. Within a segment
 * documents are kept in (Swedish name, id) order, so every order here is (its own key, then document
 * order): each segment yields its best candidates by walking bits or a precomputed order, and the
 * segments' lists are merged by (key, name, id).
 */
final class Ranker {

    /** A hit: which segment, which document, and its sort key (score, time or distance rank). */
    record Hit(int leaf, int doc, long key) {
    }

    private final LeafReader[] readers;
    private final SegmentData[] data;
    /** Per segment, each document's name ord across all segments (null with a single segment). */
    private final int[][] globalNameOrd;

    Ranker(LeafReader[] readers, SegmentData[] data) throws IOException {
        this.readers = readers;
        this.data = data;
        this.globalNameOrd = readers.length > 1 ? globalNameOrds(readers) : null;
    }

    /** Merges the segments' sorted name keys into one numbering (Lucene's ordinal map), once per searcher. */
    private static int[][] globalNameOrds(LeafReader[] readers) throws IOException {
        SortedDocValues[] values = new SortedDocValues[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = DocValues.getSorted(readers[i], Fields.NAME_SORT);
        }
        OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
        int[][] global = new int[readers.length][];
        for (int i = 0; i < readers.length; i++) {
            LongValues toGlobal = map.getGlobalOrds(i);
            SortedDocValues perDoc = DocValues.getSorted(readers[i], Fields.NAME_SORT);
            global[i] = new int[readers[i].maxDoc()];
            for (int doc = perDoc.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = perDoc.nextDoc()) {
                global[i][doc] = (int) toGlobal.get(perDoc.ordValue());
            }
        }
        return global;
    }

    /** The first {@code wanted} hits; {@code words} (per segment, per query word) only for relevance. */
    /**
     * @param featured per segment, the documents featured now (null entries: none); their relevance is
     *        raised by a quarter, enough to lead among matches of the same kind
     */
    List<Hit> top(SearchSort sort, FixedBitSet[] hits, int wanted, WordMatch[][] words, int[] municipalityRank,
            FixedBitSet[] featured) {
        List<List<Hit>> perSegment = new ArrayList<>(hits.length);
        for (int leaf = 0; leaf < hits.length; leaf++) {
            perSegment.add(switch (sort) {
                case NAME -> ascending(leaf, hits[leaf], wanted);
                case NAME_DESCENDING -> descending(leaf, hits[leaf], wanted);
                case NEWEST -> walk(leaf, hits[leaf], wanted, data[leaf].newestFirst, data[leaf].created);
                case UPDATED -> walk(leaf, hits[leaf], wanted, data[leaf].updatedFirst, data[leaf].updated);
                case DISTANCE -> byDistance(leaf, hits[leaf], wanted, municipalityRank);
                case RELEVANCE -> byScore(leaf, hits[leaf], wanted, words[leaf], featured == null ? null : featured[leaf]);
            });
        }
        return merge(perSegment, wanted, comparator(sort));
    }

    private List<Hit> ascending(int leaf, FixedBitSet bits, int wanted) {
        List<Hit> hits = new ArrayList<>(Math.min(wanted, 1024));
        int length = bits.length();
        for (int doc = length == 0 ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(0);
                doc != DocIdSetIterator.NO_MORE_DOCS && hits.size() < wanted;
                doc = doc + 1 < length ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            hits.add(new Hit(leaf, doc, 0));
        }
        return hits;
    }

    private List<Hit> descending(int leaf, FixedBitSet bits, int wanted) {
        List<Hit> hits = new ArrayList<>(Math.min(wanted, 1024));
        for (int doc = bits.length() == 0 ? -1 : bits.prevSetBit(bits.length() - 1); doc >= 0 && hits.size() < wanted;
                doc = doc == 0 ? -1 : bits.prevSetBit(doc - 1)) {
            hits.add(new Hit(leaf, doc, 0));
        }
        return hits;
    }

    /** Walks a precomputed order; the key is the negated time, so that smaller keys come first. */
    private List<Hit> walk(int leaf, FixedBitSet bits, int wanted, int[] order, long[] time) {
        List<Hit> hits = new ArrayList<>(Math.min(wanted, 1024));
        for (int i = 0; i < order.length && hits.size() < wanted; i++) {
            int doc = order[i];
            if (bits.get(doc)) {
                hits.add(new Hit(leaf, doc, -time[doc]));
            }
        }
        return hits;
    }

    /** Municipalities nearest first (their rank is the key), each in document order. */
    private List<Hit> byDistance(int leaf, FixedBitSet bits, int wanted, int[] municipalityRank) {
        int[][] buckets = data[leaf].byMunicipality(municipalityRank.length);
        Integer[] nearestFirst = new Integer[municipalityRank.length];
        for (int m = 0; m < nearestFirst.length; m++) {
            nearestFirst[m] = m;
        }
        java.util.Arrays.sort(nearestFirst, Comparator.comparingInt(m -> municipalityRank[m]));
        List<Hit> hits = new ArrayList<>(Math.min(wanted, 1024));
        for (int m : nearestFirst) {
            for (int doc : buckets[m]) {
                if (hits.size() >= wanted) {
                    return hits;
                }
                if (bits.get(doc)) {
                    hits.add(new Hit(leaf, doc, municipalityRank[m]));
                }
            }
        }
        return hits;
    }

    /**
     * The best-scored documents: a histogram of the (small, integer) scores finds the lowest score that
     * makes the cut, then one pass takes every document above it and, in document order, as many at it as fit.
     */
    private List<Hit> byScore(int leaf, FixedBitSet bits, int wanted, WordMatch[] words, FixedBitSet featured) {
        if (wanted <= SMALL_PAGE) {
            return byScoreSmall(leaf, bits, wanted, words, featured);
        }
        int max = words.length * WordMatch.FIELD_WEIGHTS[0] * WordMatch.EXACT; // every word exact in the name
        max += max >> 2; // the featured boost
        int[] histogram = new int[max + 1];
        for (int doc = Bitsets.nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = Bitsets.nextSetBit(bits, doc + 1)) {
            histogram[score(words, doc, featured)]++;
        }
        int threshold = max;
        int above = 0;
        while (threshold > 0 && above + histogram[threshold] < wanted) {
            above += histogram[threshold];
            threshold--;
        }
        int atThreshold = wanted - above;
        List<Hit> hits = new ArrayList<>(Math.min(wanted, 1024));
        for (int doc = Bitsets.nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = Bitsets.nextSetBit(bits, doc + 1)) {
            int s = score(words, doc, featured);
            if (s > threshold || (s == threshold && atThreshold-- > 0)) {
                hits.add(new Hit(leaf, doc, -s));
            }
        }
        hits.sort(Comparator.comparingLong(Hit::key).thenComparingInt(Hit::doc));
        return hits;
    }

    /** Up to this many hits, one pass with a bounded queue beats the histogram's two passes. */
    private static final int SMALL_PAGE = 256;

    private List<Hit> byScoreSmall(int leaf, FixedBitSet bits, int wanted, WordMatch[] words, FixedBitSet featured) {
        // The queue's head is the worst kept hit: lowest score, then highest document.
        PriorityQueue<long[]> kept = new PriorityQueue<>(wanted + 1,
                (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        for (int doc = Bitsets.nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = Bitsets.nextSetBit(bits, doc + 1)) {
            int s = score(words, doc, featured);
            if (kept.size() < wanted) {
                kept.add(new long[] {s, doc});
            } else if (s > kept.peek()[0]) {
                kept.poll();
                kept.add(new long[] {s, doc});
            }
        }
        List<Hit> hits = new ArrayList<>(kept.size());
        for (long[] hit : kept) {
            hits.add(new Hit(leaf, (int) hit[1], -hit[0]));
        }
        hits.sort(Comparator.comparingLong(Hit::key).thenComparingInt(Hit::doc));
        return hits;
    }

    /** A document's score: the sum over the query words of each word's best match; a featured one's raised by a quarter. */
    private static int score(WordMatch[] words, int doc, FixedBitSet featured) {
        int score = 0;
        for (WordMatch word : words) {
            score += word.score[doc];
        }
        return featured != null && featured.get(doc) ? score + (score >> 2) : score;
    }

    private static List<Hit> merge(List<List<Hit>> lists, int wanted, Comparator<Hit> order) {
        List<Hit> merged = new ArrayList<>(Math.min(wanted, 1024));
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> order.compare(lists.get(a[0]).get(a[1]),
                lists.get(b[0]).get(b[1])));
        for (int i = 0; i < lists.size(); i++) {
            if (!lists.get(i).isEmpty()) {
                heads.add(new int[] {i, 0});
            }
        }
        while (!heads.isEmpty() && merged.size() < wanted) {
            int[] head = heads.poll();
            List<Hit> list = lists.get(head[0]);
            merged.add(list.get(head[1]));
            if (head[1] + 1 < list.size()) {
                heads.add(new int[] {head[0], head[1] + 1});
            }
        }
        return merged;
    }

    /** (key, name, id), reversed for -name; within a segment document order is (name, id). */
    private Comparator<Hit> comparator(SearchSort sort) {
        Comparator<Hit> byName = this::compareNames;
        Comparator<Hit> order = Comparator.comparingLong(Hit::key).thenComparing(byName);
        return sort == SearchSort.NAME_DESCENDING ? order.reversed() : order;
    }

    private int compareNames(Hit a, Hit b) {
        if (a.leaf() == b.leaf()) {
            return Integer.compare(a.doc(), b.doc());
        }
        int c = Integer.compare(globalNameOrd[a.leaf()][a.doc()], globalNameOrd[b.leaf()][b.doc()]);
        return c != 0 ? c : sortedValue(a, Fields.ID).compareTo(sortedValue(b, Fields.ID));
    }

    private BytesRef sortedValue(Hit hit, String field) {
        try {
            SortedDocValues values = DocValues.getSorted(readers[hit.leaf()], field);
            return values.advanceExact(hit.doc()) ? BytesRef.deepCopyOf(values.lookupOrd(values.ordValue())) : new BytesRef();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
