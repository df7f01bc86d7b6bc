package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.search.SearchFixture.Member;
import se.creativenorrbotten.directory.search.SearchFixture.Query;
import se.creativenorrbotten.directory.search.SearchFixture.Scored;

/**
 * Relevance ranking over small in-memory indexes. Fixtures are named against the expected order (the expected
 * winner's name sorts last), and the scores themselves are asserted, so that a tie, which the name order would
 * break the expected way, can never make a test pass.
 */
class RankerTest {

    private final SearchFixture index;

    RankerTest() throws IOException {
        index = new SearchFixture();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void exactRanksAboveFoldedAboveTypo() throws IOException {
        index.add(index.member("A typo").headline("Studio Lulex"), index.member("B folded").headline("Studio Lulea"),
                index.member("C exact").headline("Studio Luleå")).flush();

        assertEquals(List.of("C exact", "B folded", "A typo"), index.names(Query.text("luleå")));
        int headline = WordMatch.FIELD_WEIGHTS[1];
        assertEquals(List.of(headline * WordMatch.EXACT, headline * WordMatch.FOLDED, headline * WordMatch.TYPO),
                scores("luleå"));
    }

    @Test
    void nameRanksAboveHeadlineAboveTagsAboveDescription() throws IOException {
        index.add(index.member("A description").description("The word zorblax is here."),
                index.member("B tags").skills("zorblax"),
                index.member("C headline").headline("The word zorblax"),
                index.member("D name zorblax")).flush();

        assertEquals(List.of("D name zorblax", "C headline", "B tags", "A description"), index.names(Query.text("zorblax")));
        assertStrictlyFalling(scores("zorblax"));
    }

    @Test
    void aWeakerKindInAStrongerFieldStillRanksHigher() throws IOException {
        index.add(index.member("A headline").headline("Luleå"), index.member("B Lulex")).flush();

        assertEquals(List.of("B Lulex", "A headline"), index.names(Query.text("luleå")));
        assertEquals(List.of(WordMatch.FIELD_WEIGHTS[0] * WordMatch.TYPO, WordMatch.FIELD_WEIGHTS[1] * WordMatch.EXACT),
                scores("luleå"));
    }

    @Test
    void wholeWordsRankAbovePrefixes() throws IOException {
        index.add(index.member("A prefix").headline("Fotografering"), index.member("B whole").headline("Foto")).flush();

        assertEquals(List.of("B whole", "A prefix"), index.names(Query.text("foto")));
        assertStrictlyFalling(scores("foto"));
    }

    @Test
    void aWordTypedWithDiacriticsRanksItsExactPrefixAboveAFoldedWholeWord() throws IOException {
        index.add(index.member("A folded whole").headline("Mal"), index.member("B exact prefix").headline("Målare"),
                index.member("C exact whole").headline("Mål")).flush();

        assertEquals(List.of("C exact whole", "B exact prefix", "A folded whole"), index.names(Query.text("mål")));
        int headline = WordMatch.FIELD_WEIGHTS[1];
        assertEquals(List.of(headline * WordMatch.EXACT, headline * WordMatch.EXACT_PREFIX, headline * WordMatch.FOLDED),
                scores("mål"));
    }

    @Test
    void aFeatureLeadsAmongMatchesOfTheSameKindWhileItLasts() throws IOException {
        index.add(index.member("A plain").headline("Studio Luleå"),
                index.member("B expired").headline("Studio Luleå").featuredUntil(SearchFixture.NOW.minus(Duration.ofDays(1))),
                index.member("C featured").headline("Studio Luleå").featuredUntil(SearchFixture.NOW.plus(Duration.ofDays(1))))
                .flush();

        assertEquals(List.of("C featured", "A plain", "B expired"), index.names(Query.text("luleå")));
        int plain = WordMatch.FIELD_WEIGHTS[1] * WordMatch.EXACT;
        assertEquals(List.of(plain + plain / 4, plain, plain), scores("luleå"));
    }

    @Test
    void scoresAddUpOverTheWords() throws IOException {
        index.add(index.member("A one in the headline").headline("Foto").description("Luleå"),
                index.member("B both in the headline").headline("Foto Luleå"), index.member("C one word").headline("Foto"))
                .flush();

        assertEquals(List.of("B both in the headline", "A one in the headline"), index.names(Query.text("foto luleå")));
        int headline = WordMatch.FIELD_WEIGHTS[1] * WordMatch.EXACT;
        assertEquals(List.of(2 * headline, headline + WordMatch.FIELD_WEIGHTS[3] * WordMatch.EXACT), scores("foto luleå"));
    }

    @Test
    void tiesAreBrokenByIdSoPagesNeitherRepeatNorSkip() throws IOException {
        List<Member> same = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            same.add(index.member("Samma namn").headline("Foto"));
        }
        index.add(same.subList(0, 4).toArray(Member[]::new)).flush();
        index.add(same.subList(4, 7).toArray(Member[]::new)).flush();
        assertEquals(2, index.segments(), "the ties span two segments");

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            SearchResult result = index.result(Query.text("foto").page(page, 2));
            assertEquals(7, result.total());
            result.items().forEach(item -> paged.add(item.id().toString()));
        }
        List<String> byId = same.stream().map(member -> member.id.toString()).sorted().toList();
        assertEquals(byId, paged, "every member once, in id order");
        assertEquals(byId, ids(index.ranked("foto", 300)), "the histogram (a page beyond 256) breaks ties alike");
    }

    @Test
    void aPageLargerThanTheHitsReturnsEveryHitOnce() throws IOException {
        index.add(index.member("A").headline("Foto"), index.member("B").headline("Foto"), index.member("C").headline("Ljud"))
                .flush();

        assertEquals(List.of("A", "B"), index.names(Query.text("foto").page(1, 100)));
        assertEquals(2, index.ranked("foto", 1000).size());
        assertEquals(2, index.ranked("foto", 3).size());
        assertEquals(List.of(), index.names(Query.text("foto").page(2, 100)));
    }

    /**
     * Four hundred members of one name over two segments and five kinds of match: every page size, through the
     * bounded queue (up to 256) and through the histogram (above), is a prefix of the one order a brute-force sort by
     * (score descending, id) gives.
     */
    @Test
    void queueAndHistogramAgreeWithABruteForceOrder() throws IOException {
        String[][] kinds = {{"Studio Luleå", null}, {"Studio Lulea", null}, {"Studio Lulex", null}, {null, "Luleå"},
                {null, "lulea"}};
        int[] kindScores = {4 * WordMatch.EXACT, 4 * WordMatch.FOLDED, 4 * WordMatch.TYPO, WordMatch.EXACT,
                WordMatch.FOLDED};
        Map<UUID, Integer> expected = new HashMap<>();
        for (int segment = 0; segment < 2; segment++) {
            for (int i = 0; i < 200; i++) {
                int kind = (i * 7 + segment) % kinds.length;
                Member member = index.member("Samma").headline(kinds[kind][0]).description(kinds[kind][1]);
                index.add(member);
                expected.put(member.id, kindScores[kind]);
            }
            index.flush();
        }
        assertEquals(2, index.segments());
        List<String> bruteForce = expected.keySet().stream()
                .sorted(Comparator.comparing((UUID id) -> -expected.get(id)).thenComparing(UUID::toString))
                .map(UUID::toString).toList();

        for (int wanted : new int[] {1, 10, 255, 256, 257, 300, 399, 400, 1000}) {
            List<Scored> ranked = index.ranked("luleå", wanted);
            assertEquals(bruteForce.subList(0, Math.min(wanted, 400)), ids(ranked), "top " + wanted);
            ranked.forEach(hit -> assertEquals((long) expected.get(hit.id()), hit.score()));
        }
    }

    /**
     * Words that are not kept in the cache are computed into per-thread scratch arrays that the next search reuses:
     * searches one after another on one searcher (segments of different sizes, different numbers of words) answer as a
     * fresh index does.
     */
    @Test
    void reusedScratchArraysAnswerAsFreshOnes() throws IOException {
        List<Query> queries = List.of(Query.text("luleå foto"), Query.text("kiruna"), Query.text("lulea"),
                Query.text("ljud studio foto"), Query.text("boden"), Query.text("luleå foto"));
        try (SearchFixture reused = scratchOnly()) {
            for (Query query : queries) {
                SearchResult again = reused.result(query);
                try (SearchFixture fresh = scratchOnly()) {
                    assertEquals(fresh.result(query), again, query.text);
                }
            }
        }
    }

    /** No word cache: every word goes through the scratch arrays. Two segments, the first the larger. */
    private static SearchFixture scratchOnly() throws IOException {
        SearchFixture fixture = new SearchFixture(0);
        for (int i = 0; i < 40; i++) {
            fixture.add(fixture.member("Medlem " + i).headline(i % 3 == 0 ? "Studio Luleå" : "Foto och ljud")
                    .municipality(i % 2 == 0 ? "2580" : "2584"));
        }
        fixture.flush();
        fixture.add(fixture.member("Foto Boden").municipality("2582"), fixture.member("Studio Lulea").skills("foto"),
                fixture.member("Kiruna ljud")).flush();
        assertEquals(2, fixture.segments());
        return fixture;
    }

    private List<Integer> scores(String text) throws IOException {
        List<Scored> ranked = index.ranked(text, 100);
        assertEquals(ranked.stream().map(Scored::name).toList(), index.names(Query.text(text)),
                "the search ranks as the Ranker scores");
        return ranked.stream().map(Scored::score).toList();
    }

    private static void assertStrictlyFalling(List<Integer> scores) {
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) > scores.get(i), "scores fall strictly: " + scores);
        }
        assertEquals(scores.size(), new HashSet<>(scores).size());
    }

    private static List<String> ids(List<Scored> ranked) {
        return ranked.stream().map(hit -> hit.id().toString()).toList();
    }
}
