package se.creativenorrbotten.directory.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/** What the search does with per-segment document sets, in one place. */
final class Bitsets {

    private Bitsets() {
    }

    /** The first set bit at or after {@code from}, or NO_MORE_DOCS (also when {@code from} is past the end). */
    static int nextSetBit(FixedBitSet bits, int from) {
        return from >= bits.length() ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(from);
    }

    /** A copy of {@code docs} without the segment's deleted documents. */
    static FixedBitSet live(FixedBitSet docs, LeafReader reader) {
        FixedBitSet set = docs.clone();
        Bits live = reader.getLiveDocs();
        if (live != null) {
            for (int doc = nextSetBit(set, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextSetBit(set, doc + 1)) {
                if (!live.get(doc)) {
                    set.clear(doc);
                }
            }
        }
        return set;
    }
}
