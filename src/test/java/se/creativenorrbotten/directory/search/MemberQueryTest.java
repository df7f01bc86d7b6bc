package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/** The count cache's key: equal exactly when two queries must have the same total and facet counts. */
class MemberQueryTest {

    private static final MemberQuery PLAIN = MemberQuery.builder().build();

    private static MemberQuery with(UnaryOperator<MemberQuery.Builder> change) {
        return change.apply(PLAIN.toBuilder()).build();
    }

    /** One query per part that decides the counts: every keyword filter (from the catalogue) and every other part. */
    static Stream<Arguments> everyPartThatDecidesTheCounts() {
        Stream<Arguments> keywordFilters = Stream.of(Facet.values())
                .map(facet -> Arguments.of(facet.parameter, with(b -> b.filter(facet, Set.of("x")))));
        return Stream.concat(keywordFilters, Stream.of(
                Arguments.of("text of separators only", with(b -> b.text("*"))),
                Arguments.of("text", with(b -> b.text("foto"))),
                Arguments.of("other text", with(b -> b.text("Foto"))),
                Arguments.of("other type", with(b -> b.filter(Facet.TYPE, Set.of(MemberType.AGENCY.code())))),
                Arguments.of("all skills", with(b -> b.skillsAll(true))),
                Arguments.of("serves", with(b -> b.serves("2581"))),
                Arguments.of("available", with(b -> b.available(true))),
                Arguments.of("not available", with(b -> b.available(false))),
                Arguments.of("near", with(b -> b.near("2580"))),
                Arguments.of("status", with(b -> b.statuses(Set.of(MemberStatus.PENDING)))),
                Arguments.of("featured", with(b -> b.featured(true))),
                Arguments.of("not featured", with(b -> b.featured(false))),
                Arguments.of("stale", with(b -> b.updatedBefore(Instant.parse("2025-01-01T00:00:00Z"))))));
    }

    @Test
    void theSameValuesInTwoFiltersAreDifferentQueries() {
        var keys = Stream.of(Facet.values()).map(facet -> with(b -> b.filter(facet, Set.of("2580"))).counted()).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size());
    }

    @Test
    void aFilterWithoutValuesIsTheSameAsNoFilter() {
        assertEquals(PLAIN, with(b -> b.filter(Facet.SKILL, Set.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPartThatDecidesTheCounts")
    void aQueryThatDiffersInTextOrAFilterNeverSharesTheKey(String what, MemberQuery query) {
        assertNotEquals(PLAIN.counted(), query.counted(), what);
    }

    @Test
    void everyPairOfDifferentQueriesHasDifferentKeys() {
        var keys = everyPartThatDecidesTheCounts().map(a -> ((MemberQuery) a.get()[1]).counted()).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size());
    }

    @Test
    void sortPageAndFacetSizeOnlyPresentTheSameCounts() {
        MemberQuery other = with(b -> b.sort(SearchSort.NEWEST).page(new PageRequest(3, 50)).facetSize(5));
        assertEquals(PLAIN.counted(), other.counted());
        assertEquals(PLAIN.counted().hashCode(), other.counted().hashCode());
    }

    @Test
    void filterValuesInAnyOrderAreTheSameQuery() {
        assertEquals(with(b -> b.filter(Facet.SKILL, Set.of("a", "b", "c"))).counted(), with(b -> b.filter(Facet.SKILL, Set.of("c", "a", "b"))).counted());
    }

    @Test
    void theCanonicalTextDiffersInEveryPartSortPageAndFacetSizeIncluded() {
        var texts = java.util.stream.Stream.concat(everyPartThatDecidesTheCounts().map(a -> (MemberQuery) a.get()[1]),
                Stream.of(PLAIN, with(b -> b.sort(SearchSort.NEWEST)), with(b -> b.page(new PageRequest(2, 20))),
                        with(b -> b.page(new PageRequest(1, 21))), with(b -> b.facetSize(5))))
                .map(MemberQuery::canonical).toList();
        assertEquals(texts.size(), Set.copyOf(texts).size(), texts.toString());
    }

    @Test
    void theCanonicalTextIgnoresTheOrderOfFilterValues() {
        var abc = new java.util.LinkedHashSet<>(java.util.List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        var hgf = new java.util.LinkedHashSet<>(java.util.List.of("h", "g", "f", "e", "d", "c", "b", "a"));
        assertEquals(with(b -> b.filter(Facet.SKILL, abc)).canonical(), with(b -> b.filter(Facet.SKILL, hgf)).canonical());
    }

    @Test
    void noTextImitatesTheFiltersAfterIt() {
        MemberQuery crafted = with(b -> b.text(PLAIN.canonical()));
        assertNotEquals(PLAIN.canonical(), crafted.canonical());
        assertNotEquals(with(b -> b.text("a;types=0:;")).canonical(), with(b -> b.text("a")).canonical());
    }
}
