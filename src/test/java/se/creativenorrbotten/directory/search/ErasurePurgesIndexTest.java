package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * An erased member leaves nothing in the search index: not only is the document deleted, the segments
 * that held it are merged away, so none of its terms remain in the index files.
 */
@QuarkusTest
class ErasurePurgesIndexTest {

    /** Every text field, exact and folded. */
    private static final List<String> TEXT_FIELDS = List.of(Fields.NAME, Fields.HEADLINE, Fields.DESCRIPTION, Fields.TAGS)
            .stream().flatMap(field -> java.util.stream.Stream.of(field + Analysis.EXACT, field + Analysis.FOLDED)).toList();

    @Inject
    IndexFollower follower;

    @Test
    void anErasedMembersTermsAreMergedOutOfTheIndex() throws Exception {
        String word = "zq" + unique();
        String skillMarker = unique();
        String skill = TestSkills.create(skillMarker);
        String erased = createMemberCarrying(word, skill, "Raderas " + word);
        String kept = createMemberCarrying(unique(), skill, "Stannar kvar");
        for (int i = 0; i < 6; i++) {
            createMemberCarrying(unique(), skill, "Granne " + i);
        }
        // Renaming their skill re-indexes all eight in one go, into one segment: deleting one member then leaves a
        // segment with live documents and a deleted one (Lucene drops a wholly deleted segment by itself), and too
        // few deletions (1 in 8) for Lucene's merge policy to reclaim them on its own.
        Map<String, Object> renamed = TestSkills.skill(skillMarker);
        renamed.put("nameSv", "Omdöpt " + skillMarker);
        TestApi.asAdmin(renamed).put(TestSkills.SKILLS + "/" + skill).then().statusCode(200);
        Object segment = liveSegmentOf(erased);
        assertNotNull(segment, "the index holds the member");
        assertEquals(segment, liveSegmentOf(kept), "one segment holds both members");
        assertFalse(segmentsHolding(word).isEmpty(), "the index holds the member's words before erasure");

        asCurator().delete(TestMembers.MEMBERS + "/" + erased).then().statusCode(204);

        assertEquals(0, SearchApi.search(Map.of("q", word)).getLong("total"), "gone from the next search at once");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!segmentsHolding(word).isEmpty() || !segmentsHolding(erased, Fields.ID).isEmpty() || deletedDocs() > 0) {
            assertTrue(System.nanoTime() < deadline, "merged away within 10 s; still in " + segmentsHolding(word)
                    + ", deleted documents: " + deletedDocs());
            Thread.sleep(100);
        }
        assertNotNull(liveSegmentOf(kept), "the other member stays");
    }

    /** Creates a member with the skill whose name, headline and description carry the word; answers its id. */
    private static String createMemberCarrying(String word, String skill, String name) {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("name", name);
        body.put("headline", "Rubrik " + word);
        body.put("description", "Beskrivning " + word + " Åsele");
        body.put("skills", List.of(skill));
        return TestMembers.create(body).id();
    }

    /** The segments (by ordinal) in which any text field has the word as a term, deleted documents included. */
    private List<String> segmentsHolding(String word) throws IOException {
        List<String> found = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            found.addAll(segmentsHolding(word, field));
        }
        return found;
    }

    private List<String> segmentsHolding(String term, String field) throws IOException {
        SearchIndex index = follower.index();
        IndexSearcher searcher = index.acquire();
        try {
            List<String> found = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms != null) {
                    TermsEnum iterator = terms.iterator();
                    if (iterator.seekExact(new BytesRef(term))) {
                        found.add(field + "@segment" + leaf.ord);
                    }
                }
            }
            return found;
        } finally {
            index.release(searcher);
        }
    }

    /** The segment (its core key) in which the member's document is live, or null. */
    private Object liveSegmentOf(String id) throws IOException {
        SearchIndex index = follower.index();
        IndexSearcher searcher = index.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(Fields.ID);
                TermsEnum iterator = terms == null ? null : terms.iterator();
                if (iterator != null && iterator.seekExact(new BytesRef(id))) {
                    PostingsEnum docs = iterator.postings(null, PostingsEnum.NONE);
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            return leaf.reader().getCoreCacheHelper().getKey();
                        }
                    }
                }
            }
            return null;
        } finally {
            index.release(searcher);
        }
    }

    /** Deleted documents still held in the index's segments. */
    private long deletedDocs() throws IOException {
        SearchIndex index = follower.index();
        IndexSearcher searcher = index.acquire();
        try {
            long deleted = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                deleted += reader.maxDoc() - reader.numDocs();
            }
            return deleted;
        } finally {
            index.release(searcher);
        }
    }
}
