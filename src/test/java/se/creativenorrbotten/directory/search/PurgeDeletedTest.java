package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.RepeatedTest;

import se.creativenorrbotten.directory.search.SearchFixture.Member;

/**
 * Purging merges an erased member out of the index before it returns, also when a merge that a flush started already
 * holds its segment: the forced merge skips such a segment and used to return at once, so the refresh and the commit
 * that follow still held the member's terms.
 */
class PurgeDeletedTest {

    @RepeatedTest(3)
    void aPurgedMemberIsInNoSegment() throws IOException {
        try (SearchFixture index = new SearchFixture()) {
            Member erased = index.member("A raderas").headline("Hemligt ord");
            index.add(erased, index.member("B"), index.member("C")).flush();
            index.add(index.member("D")).flush();
            assertEquals(2, index.segments());

            index.delete(erased);
            index.index.purgeDeleted();
            index.flush();

            for (LeafReaderContext leaf : index.search().searcher().getIndexReader().leaves()) {
                assertEquals(0, leaf.reader().numDeletedDocs(), "no deleted document left in " + leaf.reader());
                assertNull(leaf.reader().postings(new org.apache.lucene.index.Term(Fields.ID, new BytesRef(erased.id.toString()))),
                        "the erased member's id is in no segment");
                assertNull(leaf.reader().postings(new org.apache.lucene.index.Term(Fields.HEADLINE + Analysis.EXACT, "hemligt")),
                        "nor its words");
            }
            assertEquals(3, index.result(SearchFixture.Query.all()).total());
        }
    }
}
