package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.search.SearchFixture.Member;
import se.creativenorrbotten.directory.search.SearchFixture.Query;

/** How one query word matches a segment (WordMatch), and the cache of those matches (WordCache). */
class WordMatchTest {

    @Test
    void theSameWordTwiceIsServedFromTheCacheWithTheBitsOfAFreshMatch() throws IOException {
        try (SearchFixture index = new SearchFixture(8)) {
            index.add(index.member("A").headline("Foto"), index.member("B"), index.member("C").headline("Fotografi")).flush();
            LeafReader reader = onlySegment(index);

            WordMatch first = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch second = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));

            assertSame(first, second, "an equal word (another instance) is the same entry");
            WordMatch fresh = compute(reader, word("foto", WordMatch.ALL_FIELDS));
            assertEquals(fresh.matches, second.matches);
            assertArrayEquals(Arrays.copyOf(fresh.score, reader.maxDoc()), Arrays.copyOf(second.score, reader.maxDoc()));
            assertEquals(2, second.matches.cardinality());
        }
    }

    @Test
    void theCacheIsBoundedAndDropsTheLeastRecentlyUsed() throws IOException {
        try (SearchFixture index = new SearchFixture(2)) {
            index.add(index.member("Foto").headline("Ljud"), index.member("Film").headline("Text")).flush();
            LeafReader reader = onlySegment(index);
            WordMatch foto = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch ljud = index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS));
            assertSame(foto, index.index.word(reader, word("foto", WordMatch.ALL_FIELDS)), "used last: ljud is the eldest");

            WordMatch film = index.index.word(reader, word("film", WordMatch.ALL_FIELDS));

            assertSame(film, index.index.word(reader, word("film", WordMatch.ALL_FIELDS)));
            assertSame(foto, index.index.word(reader, word("foto", WordMatch.ALL_FIELDS)));
            WordMatch again = index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS));
            assertNotSame(ljud, again, "a third word pushed the least recently used out");
            assertEquals(ljud.matches, again.matches, "and computing it again gives the same bits");
        }
    }

    @Test
    void aWordOfFewPostingsIsNotKept() throws IOException {
        try (SearchFixture index = new SearchFixture(8)) {
            for (int i = 0; i < 200; i++) {
                index.add(index.member("Medlem " + i).headline(i == 42 ? "Unik" : "Foto"));
            }
            index.flush();
            LeafReader reader = onlySegment(index);

            index.index.startRequest();
            WordMatch narrow = index.index.word(reader, word("unik", WordMatch.ALL_FIELDS));
            assertEquals(1, narrow.matches.cardinality());
            index.index.startRequest();
            assertNotSame(narrow, index.index.word(reader, word("unik", WordMatch.ALL_FIELDS)), "computed again");
            assertSame(index.index.word(reader, word("foto", WordMatch.ALL_FIELDS)),
                    index.index.word(reader, word("foto", WordMatch.ALL_FIELDS)), "a broad word is kept");
        }
    }

    @Test
    void anotherFieldMaskIsAnotherEntry() throws IOException {
        try (SearchFixture index = new SearchFixture(8)) {
            index.add(index.member("Studio").headline("Foto"), index.member("Fotograf")).flush();
            LeafReader reader = onlySegment(index);

            WordMatch everywhere = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch names = index.index.word(reader, word("foto", WordMatch.NAME_ONLY));

            assertNotSame(everywhere, names);
            assertEquals(2, everywhere.matches.cardinality());
            assertEquals(1, names.matches.cardinality(), "only the name Fotograf");
            assertNotEquals(everywhere.matches, names.matches);
        }
    }

    /**
     * A segment rewritten by a merge (here: purging a deleted member) numbers its documents anew: the matches cached for
     * the old segment are not served for the new one, so the search finds exactly the members that hold the word.
     */
    @Test
    void theEntriesOfAReplacedSegmentAreNotServed() throws IOException {
        try (SearchFixture index = new SearchFixture(8)) {
            Member first = index.member("A först");
            index.add(first, index.member("B foto"), index.member("C")).flush();
            index.add(index.member("D foto")).flush();
            LeafReader old = index.search().searcher().getIndexReader().leaves().get(0).reader();
            WordMatch cached = index.index.word(old, word("foto", WordMatch.ALL_FIELDS));
            assertTrue(cached.matches.get(1), "B is the second document of the first segment");
            assertEquals(List.of("B foto", "D foto"), index.names(Query.text("foto")));

            index.delete(first);
            index.index.purgeDeleted();
            index.flush();

            assertEquals(Set.of("B foto", "D foto"), Set.copyOf(index.names(Query.text("foto"))));
            for (var leaf : index.search().searcher().getIndexReader().leaves()) {
                assertNotSame(cached, index.index.word(leaf.reader(), word("foto", WordMatch.ALL_FIELDS)));
            }
            assertEquals(2, index.result(Query.text("foto")).total());
        }
    }

    /** Prefixes need two letters, typos five, and a typo is never looked for in the first letter. */
    @Test
    void prefixesAndTyposHaveTheirLimits() throws IOException {
        try (SearchFixture index = new SearchFixture()) {
            index.add(index.member("F-studio"), index.member("Fotograf"), index.member("Lulex"), index.member("Kulea"),
                    index.member("Ljdu")).flush();

            assertEquals(List.of("F-studio"), index.names(Query.text("f")), "one letter: whole words only");
            assertEquals(List.of("Fotograf"), index.names(Query.text("fo")));
            assertEquals(List.of("Lulex"), index.names(Query.text("lulea")), "not Kulea: a typo in the first letter");
            assertEquals(List.of(), index.names(Query.text("ljud")), "four letters: no typo");
        }
    }

    private static WordMatch.Word word(String text, int fields) {
        List<Analysis.Token> tokens = Analysis.tokens(text);
        assertEquals(1, tokens.size());
        return new WordMatch.Word(tokens.get(0), fields);
    }

    private static WordMatch compute(LeafReader reader, WordMatch.Word word) throws IOException {
        return WordMatch.compute(reader, word, new byte[reader.maxDoc()], new FixedBitSet(reader.maxDoc()));
    }

    private static LeafReader onlySegment(SearchFixture index) throws IOException {
        assertEquals(1, index.segments());
        return index.search().searcher().getIndexReader().leaves().get(0).reader();
    }
}
