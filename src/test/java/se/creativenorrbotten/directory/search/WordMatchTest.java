package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.search.SearchFixture.Member;
import se.creativenorrbotten.directory.search.SearchFixture.Query;

/** How one query word matches a segment (WordMatch), and the cache of those matches (WordCache). */
class WordMatchTest {

    /** A word matching a few documents is kept as their numbers and scores, and served as the arrays a search reads. */
    @Test
    void theSameWordTwiceIsServedFromTheCacheWithTheBitsOfAFreshMatch() throws IOException {
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(200))) {
            index.add(index.member("A").headline("Foto"), index.member("B"), index.member("C").headline("Fotografi")).flush();
            LeafReader reader = onlySegment(index);

            index.index.startRequest();
            WordMatch first = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            assertTrue(index.index.holdsWord(reader, word("foto", WordMatch.ALL_FIELDS)), "an equal word (another instance) is the same entry");
            WordMatch second = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch other = index.index.word(reader, word("a", WordMatch.ALL_FIELDS));

            WordMatch fresh = compute(reader, word("foto", WordMatch.ALL_FIELDS));
            assertSameMatch(fresh, first, reader.maxDoc());
            assertSameMatch(fresh, second, reader.maxDoc());
            assertEquals(2, second.matches.cardinality());
            assertSameMatch(compute(reader, word("a", WordMatch.ALL_FIELDS)), other, reader.maxDoc());
            assertNotSame(first.score, second.score, "served twice in one search, each in arrays of its own");
        }
    }

    /**
     * Searches running at once share the kept matches and each write them into arrays of their own: four threads,
     * each serving a sparse and a dense word 300 times, all get exactly the fresh matches.
     */
    @Test
    void searchesAtOnceEachGetTheirOwnCopyOfAKeptMatch() throws Exception {
        int members = 4000;
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(members))) {
            for (int i = 0; i < members; i++) {
                index.add(index.member("Medlem " + i).headline(i % 10 == 0 ? "Ljud" : "Foto"));
            }
            index.flush();
            LeafReader reader = onlySegment(index);
            WordMatch.Word ljudWord = word("ljud", WordMatch.ALL_FIELDS);
            WordMatch.Word fotoWord = word("foto", WordMatch.ALL_FIELDS);
            WordMatch freshFoto = compute(reader, fotoWord);
            WordMatch freshLjud = compute(reader, ljudWord);
            index.index.word(reader, fotoWord);
            index.index.word(reader, ljudWord);
            assertTrue(index.index.holdsWord(reader, ljudWord) && index.index.holdsWord(reader, fotoWord));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> searches = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    searches.add(pool.submit(() -> {
                        start.await();
                        for (int round = 0; round < 300; round++) {
                            index.index.startRequest();
                            WordMatch ljud = index.index.word(reader, ljudWord);
                            WordMatch foto = index.index.word(reader, fotoWord);
                            Thread.yield();
                            assertSameMatch(freshLjud, ljud, members);
                            assertSameMatch(freshFoto, foto, members);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> search : searches) {
                    search.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The broadest words are kept as arrays, which then cost less than the numbers of their documents. */
    @Test
    void aWordOfMostDocumentsIsKeptAsItsArrays() throws IOException {
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(200))) {
            for (int i = 0; i < 200; i++) {
                index.add(index.member("Medlem " + i).headline(i % 10 == 0 ? "Ljud" : "Foto"));
            }
            index.flush();
            LeafReader reader = onlySegment(index);

            index.index.startRequest();
            WordMatch foto = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch ljud = index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS));
            assertEquals(180, foto.matches.cardinality());
            assertEquals(20, ljud.matches.cardinality());
            assertEquals(WordMatch.denseBytes(200) + WordMatch.sparseBytes(20), index.index.cachedWordBytes(),
                    "foto (180 of 200) as its arrays, ljud (20) as its documents");
            index.index.startRequest();
            assertSameMatch(compute(reader, word("foto", WordMatch.ALL_FIELDS)), index.index.word(reader, word("foto", WordMatch.ALL_FIELDS)), 200);
            assertSameMatch(compute(reader, word("ljud", WordMatch.ALL_FIELDS)), index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS)), 200);
        }
    }

    /**
     * The cache keeps the words asked for most often: a stream of words asked for once (names, typos) passes
     * through without pushing them out, and the cache never holds more than its size.
     */
    @Test
    void wordsAskedForOnceDoNotPushOutTheOnesAskedForOften() throws IOException {
        List<String> popular = List.of("foto", "ljud", "film");
        List<String> once = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "ord" + (char) ('a' + i / 26)
                + (char) ('a' + i % 26)).toList();
        long eight = 8 * WordMatch.sparseBytes(1); // every word here matches one member
        try (SearchFixture index = new SearchFixture(eight)) {
            for (String word : popular) {
                index.add(index.member(word + " studio").headline(word));
            }
            for (String word : once) {
                index.add(index.member(word).headline(word));
            }
            index.flush();
            LeafReader reader = onlySegment(index);
            for (String word : once.subList(0, 8)) {
                index.index.word(reader, word(word, WordMatch.ALL_FIELDS)); // a full cache of words asked for once
            }
            for (int round = 0; round < 5; round++) {
                for (String word : popular) {
                    index.index.word(reader, word(word, WordMatch.ALL_FIELDS));
                }
            }

            for (String word : once.subList(8, once.size())) {
                index.index.word(reader, word(word, WordMatch.ALL_FIELDS));
                assertTrue(index.index.cachedWordBytes() <= eight, "never more than its size");
            }

            for (String word : popular) {
                assertTrue(index.index.holdsWord(reader, word(word, WordMatch.ALL_FIELDS)), word + " is still kept");
            }
            index.index.startRequest();
            assertSameMatch(compute(reader, word("ljud", WordMatch.ALL_FIELDS)),
                    index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS)), reader.maxDoc());
        }
    }

    /** A word asked for more often than the least used one gets in, and the cache stays within its size. */
    @Test
    void aWordAskedForOftenEnoughGetsIn() throws IOException {
        long two = 2 * WordMatch.sparseBytes(1); // every word here matches one member
        try (SearchFixture index = new SearchFixture(two)) {
            index.add(index.member("Foto").headline("Ljud"), index.member("Film").headline("Text")).flush();
            LeafReader reader = onlySegment(index);
            for (int round = 0; round < 3; round++) {
                index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
                index.index.word(reader, word("ljud", WordMatch.ALL_FIELDS));
            }

            for (int round = 0; round < 20 && !index.index.holdsWord(reader, word("film", WordMatch.ALL_FIELDS)); round++) {
                index.index.word(reader, word("film", WordMatch.ALL_FIELDS));
            }

            assertTrue(index.index.holdsWord(reader, word("film", WordMatch.ALL_FIELDS)), "kept once asked for often");
            assertTrue(index.index.cachedWordBytes() <= two);
        }
    }

    @Test
    void aWordOfFewPostingsIsNotKept() throws IOException {
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(200))) {
            for (int i = 0; i < 200; i++) {
                index.add(index.member("Medlem " + i).headline(i == 42 ? "Unik" : "Foto"));
            }
            index.flush();
            LeafReader reader = onlySegment(index);

            index.index.startRequest();
            WordMatch narrow = index.index.word(reader, word("unik", WordMatch.ALL_FIELDS));
            assertEquals(1, narrow.matches.cardinality());
            assertFalse(index.index.holdsWord(reader, word("unik", WordMatch.ALL_FIELDS)), "computed again next time");
            index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            assertTrue(index.index.holdsWord(reader, word("foto", WordMatch.ALL_FIELDS)), "a broad word is kept");
        }
    }

    @Test
    void anotherFieldMaskIsAnotherEntry() throws IOException {
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(200))) {
            index.add(index.member("Studio").headline("Foto"), index.member("Fotograf")).flush();
            LeafReader reader = onlySegment(index);

            WordMatch everywhere = index.index.word(reader, word("foto", WordMatch.ALL_FIELDS));
            WordMatch names = index.index.word(reader, word("foto", WordMatch.NAME_ONLY));

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
        try (SearchFixture index = new SearchFixture(8 * WordMatch.denseBytes(200))) {
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
                index.index.startRequest();
                assertSameMatch(compute(leaf.reader(), word("foto", WordMatch.ALL_FIELDS)),
                        index.index.word(leaf.reader(), word("foto", WordMatch.ALL_FIELDS)), leaf.reader().maxDoc());
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

    /**
     * The highlighter's typo check and the index's fuzzy automaton agree: random words of a small alphabet
     * (with diacritics and a character outside the BMP, four bytes in UTF-8), each against random terms one or
     * two edits away (added, dropped, changed, swapped letters, also in the first letter) and unrelated ones.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
    void theTypoCheckAnswersWhatTheAutomatonFinds(long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] alphabet = "abeåö".codePoints().toArray();
        alphabet = Arrays.copyOf(alphabet, alphabet.length + 1);
        alphabet[alphabet.length - 1] = 0x1F3B5; // a musical note
        int accepted = 0;
        int refused = 0;
        for (int w = 0; w < 400; w++) {
            int[] word = randomPoints(random, alphabet, 5 + random.nextInt(4));
            String text = new String(word, 0, word.length);
            WordMatch.Typo typo = new WordMatch.Typo(text);
            for (int t = 0; t < 60; t++) {
                int[] term = word.clone();
                for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                    term = edit(random, alphabet, term);
                }
                if (random.nextInt(10) == 0) {
                    term = randomPoints(random, alphabet, 1 + random.nextInt(9));
                }
                org.apache.lucene.util.BytesRef bytes = new org.apache.lucene.util.BytesRef(new String(term, 0, term.length));
                boolean automaton = typo.automaton().runAutomaton.run(bytes.bytes, bytes.offset, bytes.length);
                assertEquals(automaton, typo.accepts(bytes), text + " against " + bytes.utf8ToString());
                if (automaton) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        assertTrue(accepted > 1000 && refused > 1000, "both answers tried: " + accepted + " accepted, " + refused + " refused");
    }

    private static int[] randomPoints(java.util.Random random, int[] alphabet, int length) {
        int[] points = new int[length];
        for (int i = 0; i < length; i++) {
            points[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return points;
    }

    private static int[] edit(java.util.Random random, int[] alphabet, int[] points) {
        int at = random.nextInt(points.length);
        int letter = alphabet[random.nextInt(alphabet.length)];
        java.util.List<Integer> list = new java.util.ArrayList<>(Arrays.stream(points).boxed().toList());
        switch (random.nextInt(4)) {
            case 0 -> list.add(random.nextInt(points.length + 1), letter);
            case 1 -> list.remove(at);
            case 2 -> list.set(at, letter);
            default -> {
                if (at + 1 < list.size()) {
                    java.util.Collections.swap(list, at, at + 1);
                }
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static WordMatch.Word word(String text, int fields) {
        List<Analysis.Token> tokens = Analysis.tokens(text);
        assertEquals(1, tokens.size());
        return new WordMatch.Word(tokens.get(0), fields);
    }

    private static WordMatch compute(LeafReader reader, WordMatch.Word word) throws IOException {
        return WordMatch.compute(reader, word, new byte[reader.maxDoc()], new FixedBitSet(reader.maxDoc()));
    }

    private static void assertSameMatch(WordMatch expected, WordMatch actual, int maxDoc) {
        assertEquals(expected.matches, actual.matches);
        assertArrayEquals(Arrays.copyOf(expected.score, maxDoc), Arrays.copyOf(actual.score, maxDoc));
    }

    private static LeafReader onlySegment(SearchFixture index) throws IOException {
        assertEquals(1, index.segments());
        return index.search().searcher().getIndexReader().leaves().get(0).reader();
    }
}
