package se.creativenorrbotten.directory.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.util.FixedBitSet;

/** The four facets, and counting them over a set of documents with the segment's arrays. */
enum Facet {
    TYPE(Fields.TYPE), SKILL(Fields.SKILL), MUNICIPALITY(Fields.MUNICIPALITY), LANGUAGE(Fields.LANGUAGE);

    final String field;

    Facet(String field) {
        this.field = field;
    }

    /** The dense ords of each facet's values. */
    static final class Registry {
        private final Map<Facet, Ords> ords = new EnumMap<>(Facet.class);

        Registry() {
            for (Facet facet : values()) {
                ords.put(facet, new Ords());
            }
        }

        Ords ords(Facet facet) {
            return ords.get(facet);
        }
    }

    /**
     * Adds, for every document in {@code docs}, its values of each facet in {@code which} to that facet's
     * counts: one tight loop per facet over the set bits (no per-document branching on the facet).
     */
    static void count(SegmentData data, FixedBitSet docs, Set<Facet> which, Map<Facet, int[]> counts) {
        long[] words = docs.getBits();
        int wordCount = FixedBitSet.bits2words(docs.length());
        for (Facet facet : which) {
            int[] into = counts.get(facet);
            switch (facet) {
                case TYPE -> single(words, wordCount, data.type, into);
                case MUNICIPALITY -> single(words, wordCount, data.municipality, into);
                case SKILL -> multi(words, wordCount, data.skillStart, data.skills, into);
                case LANGUAGE -> multi(words, wordCount, data.languageStart, data.languages, into);
            }
        }
    }

    private static void single(long[] words, int wordCount, short[] values, int[] into) {
        for (int w = 0; w < wordCount; w++) {
            long word = words[w];
            int base = w << 6;
            while (word != 0) {
                int value = values[base + Long.numberOfTrailingZeros(word)];
                word &= word - 1;
                if (value >= 0) {
                    into[value]++;
                }
            }
        }
    }

    private static void multi(long[] words, int wordCount, int[] start, short[] values, int[] into) {
        for (int w = 0; w < wordCount; w++) {
            long word = words[w];
            int base = w << 6;
            while (word != 0) {
                int doc = base + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                for (int k = start[doc], end = start[doc + 1]; k < end; k++) {
                    into[values[k]]++;
                }
            }
        }
    }
}
