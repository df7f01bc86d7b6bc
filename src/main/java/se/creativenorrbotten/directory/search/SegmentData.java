package se.creativenorrbotten.directory.search;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet values of every document of one segment, as plain arrays of global ords, built once per
 * segment (segments never change). Counting a facet is then an array walk instead of a doc-values
 * lookup per document: the difference between ~3.5 ms and a fraction of it at 100,000 members.
 */
final class SegmentData {

    final int maxDoc;
    /**
     * Per facet (by ordinal), each document's values as global ords: one per document ({@code -1}: none) for a
     * single-valued facet; for a multi-valued one, the document's values are {@code ords[starts[doc] .. starts[doc + 1])}.
     */
    private final short[][] ords;
    private final int[][] starts;
    /** Creation and update times (epoch ms), for sorting. */
    final long[] created;
    final long[] updated;
    /**
     * When each document's feature ends (epoch ms, 0: never featured; null when no document of the segment
     * ever was), and the documents ever featured.
     */
    final long[] featuredUntil;
    final int[] everFeatured;

    /** Documents by creation time, newest first, and by update time, latest first (ties in document order). */
    final int[] newestFirst;
    final int[] updatedFirst;
    private volatile int[][] byMunicipality;
    /** The documents of each filter value (field and term) asked for so far; filter values repeat. */
    private final java.util.Map<Term, FixedBitSet> terms = new java.util.concurrent.ConcurrentHashMap<>();

    private SegmentData(int maxDoc, short[][] ords, int[][] starts, long[] created, long[] updated, long[] featuredUntil) {
        this.maxDoc = maxDoc;
        this.ords = ords;
        this.starts = starts;
        this.created = created;
        this.updated = updated;
        this.featuredUntil = featuredUntil;
        this.everFeatured = featuredUntil == null ? new int[0]
                : java.util.stream.IntStream.range(0, maxDoc).filter(doc -> featuredUntil[doc] != 0).toArray();
        this.newestFirst = byTimeDescending(created);
        this.updatedFirst = byTimeDescending(updated);
    }

    /** Each document's values of {@code facet} (global ords); see {@link #starts} for a multi-valued facet. */
    short[] ords(Facet facet) {
        return ords[facet.ordinal()];
    }

    /** Where each document's values of a multi-valued {@code facet} start in {@link #ords} (null for single-valued). */
    int[] starts(Facet facet) {
        return starts[facet.ordinal()];
    }

    /** The documents of each municipality (by global ord), in document order. */
    int[][] byMunicipality(int municipalities) {
        int[][] buckets = byMunicipality;
        if (buckets == null || buckets.length < municipalities) {
            short[] municipality = ords(Facet.MUNICIPALITY);
            int[] sizes = new int[municipalities];
            for (short ord : municipality) {
                if (ord >= 0 && ord < municipalities) {
                    sizes[ord]++;
                }
            }
            buckets = new int[municipalities][];
            for (int m = 0; m < municipalities; m++) {
                buckets[m] = new int[sizes[m]];
            }
            int[] filled = new int[municipalities];
            for (int doc = 0; doc < maxDoc; doc++) {
                int ord = municipality[doc];
                if (ord >= 0 && ord < municipalities) {
                    buckets[ord][filled[ord]++] = doc;
                }
            }
            byMunicipality = buckets;
        }
        return buckets;
    }

    /** The documents featured at {@code now} (epoch ms), or null when there are none. */
    FixedBitSet featuredAt(long now) {
        FixedBitSet featured = null;
        for (int doc : everFeatured) {
            if (featuredUntil[doc] > now) {
                if (featured == null) {
                    featured = new FixedBitSet(maxDoc);
                }
                featured.set(doc);
            }
        }
        return featured;
    }

    /** The first end of a feature after {@code now} (epoch ms), or {@code Long.MAX_VALUE} when none is ahead. */
    long nextFeatureEnd(long now) {
        long next = Long.MAX_VALUE;
        for (int doc : everFeatured) {
            long until = featuredUntil[doc];
            if (until > now && until < next) {
                next = until;
            }
        }
        return next;
    }

    /** The documents, latest {@code time} first, ties in document order; sorted in place, nothing boxed. */
    static int[] byTimeDescending(long[] time) {
        int[] order = java.util.stream.IntStream.range(0, time.length).toArray();
        new org.apache.lucene.util.IntroSorter() {
            private int pivot;

            @Override
            protected void setPivot(int i) {
                pivot = order[i];
            }

            @Override
            protected int comparePivot(int j) {
                return later(time, pivot, order[j]);
            }

            @Override
            protected int compare(int i, int j) {
                return later(time, order[i], order[j]);
            }

            @Override
            protected void swap(int i, int j) {
                int doc = order[i];
                order[i] = order[j];
                order[j] = doc;
            }
        }.sort(0, order.length);
        return order;
    }

    /** Orders a before b when its time is later, or the same and its document first. */
    private static int later(long[] time, int a, int b) {
        return time[a] != time[b] ? Long.compare(time[b], time[a]) : Integer.compare(a, b);
    }


    static SegmentData build(LeafReader reader, Facet.Registry ords) throws IOException {
        int maxDoc = reader.maxDoc();
        short[][] values = new short[Facet.values().length][];
        int[][] starts = new int[values.length][];
        for (Facet facet : Facet.values()) {
            if (facet.multiValued) {
                starts[facet.ordinal()] = new int[maxDoc + 1];
                values[facet.ordinal()] = multi(DocValues.getSortedSet(reader, facet.field), maxDoc, ords.ords(facet),
                        starts[facet.ordinal()]);
            } else {
                values[facet.ordinal()] = single(DocValues.getSorted(reader, facet.field), maxDoc, ords.ords(facet));
            }
        }
        return new SegmentData(maxDoc, values, starts,
                numbers(DocValues.getNumeric(reader, Fields.CREATED), maxDoc),
                numbers(DocValues.getNumeric(reader, Fields.UPDATED), maxDoc),
                reader.getFieldInfos().fieldInfo(Fields.FEATURED_UNTIL) == null ? null
                        : numbers(DocValues.getNumeric(reader, Fields.FEATURED_UNTIL), maxDoc));
    }

    private static long[] numbers(org.apache.lucene.index.NumericDocValues values, int maxDoc) throws IOException {
        long[] perDoc = new long[maxDoc];
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            perDoc[doc] = values.longValue();
        }
        return perDoc;
    }

    /** The documents that contain the term (deleted ones included), read once per segment. Do not modify. */
    FixedBitSet term(LeafReader reader, String field, String value) throws IOException {
        Term term = new Term(field, value);
        FixedBitSet set = terms.get(term);
        if (set == null) {
            set = postings(reader, term, new FixedBitSet(maxDoc));
            terms.put(term, set);
        }
        return set;
    }

    /** Sets the bits of the documents that contain the term (deleted ones included). */
    static FixedBitSet postings(LeafReader reader, Term term, FixedBitSet into) throws IOException {
        PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
        if (postings != null) {
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                into.set(doc);
            }
        }
        return into;
    }

    private static short[] single(SortedDocValues values, int maxDoc, Ords ords) throws IOException {
        short[] global = globalOrds(values.getValueCount(), ord -> values.lookupOrd(ord).utf8ToString(), ords);
        short[] perDoc = new short[maxDoc];
        java.util.Arrays.fill(perDoc, (short) -1);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            perDoc[doc] = global[values.ordValue()];
        }
        return perDoc;
    }

    private static short[] multi(SortedSetDocValues values, int maxDoc, Ords ords, int[] start) throws IOException {
        short[] global = globalOrds((int) values.getValueCount(), ord -> values.lookupOrd(ord).utf8ToString(), ords);
        short[] all = new short[Math.max(16, maxDoc * 2)];
        int size = 0;
        int next = values.nextDoc();
        for (int doc = 0; doc < maxDoc; doc++) {
            start[doc] = size;
            if (doc == next) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    if (size == all.length) {
                        all = java.util.Arrays.copyOf(all, all.length * 2);
                    }
                    all[size++] = global[(int) values.nextOrd()];
                }
                next = values.nextDoc();
            }
        }
        start[maxDoc] = size;
        return java.util.Arrays.copyOf(all, size);
    }

    private interface Lookup {
        String value(int ord) throws IOException;
    }

    private static short[] globalOrds(int count, Lookup lookup, Ords ords) throws IOException {
        short[] global = new short[count];
        for (int ord = 0; ord < count; ord++) {
            global[ord] = (short) ords.ord(lookup.value(ord)); // fits: Ords.MAX_VALUES
        }
        return global;
    }
}
