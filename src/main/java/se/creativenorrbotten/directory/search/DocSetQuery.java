package se.creativenorrbotten.directory.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/** Matches a set of documents computed beforehand, one bit set per segment of the searcher it was made for. */
final class DocSetQuery extends Query {

    private final FixedBitSet[] perLeaf;

    DocSetQuery(FixedBitSet[] perLeaf) {
        this.perLeaf = perLeaf;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                FixedBitSet bits = perLeaf[context.ord];
                if (bits == null) {
                    return null;
                }
                int cost = bits.cardinality();
                return cost == 0 ? null : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(bits, cost));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "DocSetQuery";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
