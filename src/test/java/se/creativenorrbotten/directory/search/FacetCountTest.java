package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.search.SearchFixture.Member;
import se.creativenorrbotten.directory.search.SearchFixture.Query;

/**
 * Disjunctive facet counts and totals against a brute-force count over the fixture's members: each facet counted
 * with every filter but its own. Sets of at most half the public index are counted directly, larger ones as the
 * whole index's counts less the rest (the complement); both must give the brute-force numbers.
 */
class FacetCountTest {

    private static final String[] SKILLS = {"foto", "ljud", "zorblax", "film", "text", "webb"};
    private static final String[] LANGUAGES = {"sv", "en", "fi", "se", "smj"};
    private static final String[] OPPORTUNITIES = {"assignments", "employment", "internship", "collaboration", "mentoring"};
    private static final String[] MUNICIPALITIES = {"2580", "2581", "2582", "2584", "2518"};

    private final SearchFixture index;

    FacetCountTest() throws IOException {
        index = new SearchFixture();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void aSetOfMostOfTheIndexIsCountedAsTheWholeLessTheRest() throws IOException {
        corpus(120);
        Query query = Query.all().available(true);
        assertTrue(matching(query, null).size() > published() / 2, "the set is more than half: the complement path");
        assertCountsLikeBruteForce(query);
    }

    @Test
    void aSetOfAtMostHalfTheIndexIsCountedDirectly() throws IOException {
        corpus(120);
        Query query = Query.all().available(false);
        assertTrue(matching(query, null).size() <= published() / 2, "the set is at most half: the direct path");
        assertCountsLikeBruteForce(query);
    }

    @Test
    void aSelectedFacetIsCountedWithoutItsOwnFilter() throws IOException {
        corpus(120);
        assertCountsLikeBruteForce(Query.all().skills("foto"));
        assertCountsLikeBruteForce(Query.all().skills("foto", "film").types(MemberType.STUDENT, MemberType.AGENCY));
        assertCountsLikeBruteForce(Query.all().available(true).skills("foto").languages("en").municipalities("2580"));
        assertCountsLikeBruteForce(Query.all().skills("foto", "ljud").skillsAll().types(MemberType.FREELANCER));

        SearchResult result = index.result(Query.all().skills("foto").types(MemberType.STUDENT));
        long students = index.members().stream().filter(m -> m.status == MemberStatus.PUBLISHED && m.skills.contains("foto")
                && m.type == MemberType.STUDENT).count();
        assertEquals(students, result.total());
        long fotoOfAnyType = index.members().stream().filter(m -> m.status == MemberStatus.PUBLISHED && m.skills.contains("foto"))
                .count();
        assertEquals(fotoOfAnyType, SearchFixture.counts(result.facets()).get(Facet.TYPE).values().stream()
                .mapToLong(Long::longValue).sum(), "the type facet ignores the type filter");
    }

    /**
     * Many filter combinations over three segments with a deletion: totals and every facet's counts match the brute
     * force, and both counting paths were taken along the way.
     */
    @Test
    void everyFilterCombinationCountsLikeBruteForce() throws IOException {
        corpus(150);
        int complement = 0;
        int direct = 0;
        Random random = new Random(7);
        for (int i = 0; i < 120; i++) {
            Query query = Query.all();
            if (random.nextBoolean()) {
                query.available(random.nextInt(4) != 0);
            }
            if (random.nextInt(5) == 0) {
                query.serves(pick(random, MUNICIPALITIES));
            }
            if (random.nextInt(5) == 0) {
                query.types(MemberType.values()[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                query.skills(distinct(random, SKILLS, 1 + random.nextInt(2)).toArray(String[]::new));
                if (random.nextBoolean()) {
                    query.skillsAll();
                }
            }
            if (random.nextInt(5) == 0) {
                query.municipalities(pick(random, MUNICIPALITIES));
            }
            if (random.nextInt(5) == 0) {
                query.languages(distinct(random, LANGUAGES, 1 + random.nextInt(2)).toArray(String[]::new));
            }
            if (random.nextInt(8) == 0) {
                query.statuses(MemberStatus.PUBLISHED, MemberStatus.PENDING);
            }
            if (random.nextInt(6) == 0) {
                query.seeks(distinct(random, OPPORTUNITIES, 1 + random.nextInt(2)).toArray(String[]::new));
            }
            if (random.nextInt(6) == 0) {
                query.offers(pick(random, OPPORTUNITIES));
            }
            assertCountsLikeBruteForce(query);
            boolean countedOver = query.available != null || query.serves != null || !query.types.isEmpty()
                    || !query.skills.isEmpty() || !query.municipalities.isEmpty() || !query.languages.isEmpty()
                    || !query.seeks.isEmpty() || !query.offers.isEmpty();
            if (query.statuses.isEmpty() && countedOver) {
                if (matching(query, null).size() > published() / 2) {
                    complement++;
                } else {
                    direct++;
                }
            }
        }
        assertTrue(complement > 10 && direct > 10, complement + " complement, " + direct + " direct");
    }

    @Test
    void thePublicCountsLeaveOutWhatIsNotPublished() throws IOException {
        index.add(index.member("Published").skills("foto"),
                index.member("Pending").skills("hemlig").status(MemberStatus.PENDING),
                index.member("Archived").skills("hemlig", "foto").status(MemberStatus.ARCHIVED)).flush();

        Map<Facet, Map<String, Long>> counts = SearchFixture.counts(index.result(Query.all()).facets());
        assertEquals(Map.of("foto", 1L), counts.get(Facet.SKILL));
        assertEquals(Map.of("foto", 1L), SearchFixture.counts(index.result(Query.all().available(true)).facets())
                .get(Facet.SKILL), "nor when narrowed (the complement path subtracts from public counts only)");
        Map<Facet, Map<String, Long>> curators = SearchFixture.counts(
                index.result(Query.all().statuses(MemberStatus.PENDING, MemberStatus.ARCHIVED)).facets());
        assertEquals(Map.of("foto", 1L, "hemlig", 2L), curators.get(Facet.SKILL));
    }

    @Test
    void aDeletedMemberIsNotCountedInAnySegment() throws IOException {
        Member gone = index.member("Gone").skills("hemlig", "foto").languages("fi");
        index.add(index.member("One").skills("foto"), gone);
        for (int i = 0; i < 8; i++) {
            index.add(index.member("Filler " + i)); // one deletion in ten stays below what Lucene merges away by itself
        }
        index.flush();
        index.add(index.member("Two").skills("foto").languages("fi")).flush();
        index.delete(gone).flush();
        assertEquals(2, index.segments());
        assertEquals(1, index.search().searcher().getIndexReader().numDeletedDocs(), "the deleted one is still in its segment");

        for (Query query : List.of(Query.all(), Query.all().available(true), Query.all().skills("foto"),
                Query.all().languages("fi"))) {
            Map<Facet, Map<String, Long>> counts = assertCountsLikeBruteForce(query);
            assertFalse(counts.get(Facet.SKILL).containsKey("hemlig"), query.toString());
        }
        assertEquals(10, index.result(Query.all()).total());
    }

    /**
     * Facet values are stored per document as {@code short} ords: far more values than a byte holds (300 skills, 20
     * per member) still count right, on both paths; beyond what a short holds the registry refuses
     * ({@link Ords#MAX_VALUES}).
     */
    @Test
    void threeHundredSkillsCountRight() throws IOException {
        Random random = new Random(300);
        List<String> skills = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            skills.add("skill-" + i);
        }
        for (int i = 0; i < 60; i++) {
            List<String> own = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                own.add(skills.get((i * 20 + k) % 300));
            }
            index.add(index.member("Medlem " + i).skills(own).available(random.nextInt(5) != 0));
            if (i == 29) {
                index.flush();
            }
        }
        index.flush();
        assertEquals(300, index.result(Query.all()).facets().skill().size());
        assertCountsLikeBruteForce(Query.all());
        assertCountsLikeBruteForce(Query.all().available(true));
        assertCountsLikeBruteForce(Query.all().available(false));
        assertCountsLikeBruteForce(Query.all().skills("skill-299").available(true));
        assertCountsLikeBruteForce(Query.all().skills("skill-0", "skill-150", "skill-299"));
    }

    @Test
    void ordsStopAtWhatAShortHolds() {
        Ords ords = new Ords();
        for (int i = 0; i < Ords.MAX_VALUES; i++) {
            assertEquals(i, ords.ord("value-" + i));
        }
        assertEquals(Short.MAX_VALUE, (short) ords.ord("value-" + (Ords.MAX_VALUES - 1)), "the last one still fits");
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> ords.ord("one-too-many"));
        assertTrue(full.getMessage().contains(Integer.toString(Ords.MAX_VALUES)), full.getMessage());
        assertEquals(-1, ords.find("one-too-many"), "the refused value is not half-registered");
        assertEquals(Ords.MAX_VALUES, ords.size());
    }

    /** Members of every kind over three segments, some not published, one deleted. */
    private void corpus(int size) throws IOException {
        Random random = new Random(size);
        Member deleted = null;
        for (int i = 0; i < size; i++) {
            Member member = index.member("Medlem " + i)
                    .type(MemberType.values()[random.nextInt(3)])
                    .municipality(pick(random, MUNICIPALITIES))
                    .serviceArea(pick(random, MUNICIPALITIES))
                    .skills(distinct(random, SKILLS, 1 + random.nextInt(3)))
                    .languages(distinct(random, LANGUAGES, random.nextInt(3)).toArray(String[]::new))
                    .available(random.nextInt(4) != 0)
                    .status(random.nextInt(8) == 0 ? MemberStatus.PENDING : MemberStatus.PUBLISHED)
                    .seeks(distinct(random, OPPORTUNITIES, random.nextInt(3)).toArray(String[]::new))
                    .offers(distinct(random, OPPORTUNITIES, random.nextInt(2)).toArray(String[]::new));
            index.add(member);
            if (i == size / 2) {
                deleted = member;
            }
            if (i % (size / 3) == size / 3 - 1) {
                index.flush();
            }
        }
        index.flush();
        index.delete(deleted).flush();
        assertEquals(3, index.segments());
    }

    private Map<Facet, Map<String, Long>> assertCountsLikeBruteForce(Query query) throws IOException {
        SearchResult result = index.result(query);
        assertEquals(matching(query, null).size(), result.total(), "total of " + query);
        Map<Facet, Map<String, Long>> counts = SearchFixture.counts(result.facets());
        for (Facet facet : Facet.values()) {
            assertEquals(bruteForce(query, facet), counts.get(facet), facet + " of " + query);
        }
        return counts;
    }

    /** The facet's values counted over the members that pass every filter of the query except the facet's own. */
    private Map<String, Long> bruteForce(Query query, Facet facet) {
        Map<String, Long> counts = new TreeMap<>();
        for (Member member : matching(query, facet)) {
            for (String value : values(member, facet)) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return counts;
    }

    private List<Member> matching(Query query, Facet except) {
        Map<Facet, Predicate<Member>> facetFilters = new EnumMap<>(Facet.class);
        if (!query.types.isEmpty()) {
            facetFilters.put(Facet.TYPE, m -> query.types.contains(m.type));
        }
        if (!query.skills.isEmpty()) {
            facetFilters.put(Facet.SKILL, m -> query.skillsAll ? m.skills.containsAll(query.skills)
                    : m.skills.stream().anyMatch(query.skills::contains));
        }
        if (!query.municipalities.isEmpty()) {
            facetFilters.put(Facet.MUNICIPALITY, m -> query.municipalities.contains(m.municipality));
        }
        if (!query.languages.isEmpty()) {
            facetFilters.put(Facet.LANGUAGE, m -> m.languages.stream().anyMatch(query.languages::contains));
        }
        if (!query.seeks.isEmpty()) {
            facetFilters.put(Facet.SEEKS, m -> m.seeks.stream().anyMatch(query.seeks::contains));
        }
        if (!query.offers.isEmpty()) {
            facetFilters.put(Facet.OFFERS, m -> m.offers.stream().anyMatch(query.offers::contains));
        }
        return index.members().stream()
                .filter(m -> query.statuses.isEmpty() ? m.status == MemberStatus.PUBLISHED : query.statuses.contains(m.status))
                .filter(m -> query.available == null || m.available == query.available)
                .filter(m -> query.serves == null || m.municipality.equals(query.serves) || m.serviceArea.contains(query.serves))
                .filter(m -> facetFilters.entrySet().stream().allMatch(f -> f.getKey() == except || f.getValue().test(m)))
                .toList();
    }

    private static List<String> values(Member member, Facet facet) {
        return switch (facet) {
            case TYPE -> List.of(member.type.code());
            case SKILL -> member.skills;
            case MUNICIPALITY -> List.of(member.municipality);
            case LANGUAGE -> member.languages;
            case SEEKS -> member.seeks;
            case OFFERS -> member.offers;
        };
    }

    private long published() {
        return index.members().stream().filter(m -> m.status == MemberStatus.PUBLISHED).count();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> distinct(Random random, String[] values, int count) {
        List<String> shuffled = new ArrayList<>(List.of(values));
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }
}
