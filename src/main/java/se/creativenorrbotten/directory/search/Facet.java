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
     * counts. One pass over the documents whatever the number of facets.
     */
    static void count(SegmentData data, FixedBitSet docs, Set<Facet> which, Map<Facet, int[]> counts) {
        int[] type = which.contains(TYPE) ? counts.get(TYPE) : null;
        int[] municipality = which.contains(MUNICIPALITY) ? counts.get(MUNICIPALITY) : null;
        int[] skill = which.contains(SKILL) ? counts.get(SKILL) : null;
        int[] language = which.contains(LANGUAGE) ? counts.get(LANGUAGE) : null;
        long[] words = docs.getBits();
        int wordCount = FixedBitSet.bits2words(docs.length());
        for (int w = 0; w < wordCount; w++) {
            long word = words[w];
            while (word != 0) {
                int doc = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (type != null && data.type[doc] >= 0) {
                    type[data.type[doc]]++;
                }
                if (municipality != null && data.municipality[doc] >= 0) {
                    municipality[data.municipality[doc]]++;
                }
                if (skill != null) {
                    for (int k = data.skillStart[doc], end = data.skillStart[doc + 1]; k < end; k++) {
                        skill[data.skills[k]]++;
                    }
                }
                if (language != null) {
                    for (int k = data.languageStart[doc], end = data.languageStart[doc + 1]; k < end; k++) {
                        language[data.languages[k]]++;
                    }
                }
            }
        }
    }
}
