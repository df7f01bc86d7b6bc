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

    private static final MemberQuery PLAIN = new MemberQuery(null, Set.of(), Set.of(), false, Set.of(), Set.of(), null, null,
            SearchSort.NAME, null, new PageRequest(1, 20), MemberQuery.DEFAULT_FACET_SIZE, Set.of(), null, null);

    private static MemberQuery with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(PLAIN)).build();
    }

    static Stream<Arguments> everyPartThatDecidesTheCounts() {
        return Stream.of(
                Arguments.of("text of separators only", with(b -> b.text("*"))),
                Arguments.of("text", with(b -> b.text("foto"))),
                Arguments.of("other text", with(b -> b.text("Foto"))),
                Arguments.of("type", with(b -> b.types(Set.of(MemberType.AGENCY)))),
                Arguments.of("skill", with(b -> b.skills(Set.of("photography")))),
                Arguments.of("all skills", with(b -> b.skillsAll(true))),
                Arguments.of("municipality", with(b -> b.municipalities(Set.of("2581")))),
                Arguments.of("language", with(b -> b.languages(Set.of("sv")))),
                Arguments.of("serves", with(b -> b.serves("2581"))),
                Arguments.of("available", with(b -> b.available(true))),
                Arguments.of("not available", with(b -> b.available(false))),
                Arguments.of("near", with(b -> b.near("2580"))),
                Arguments.of("status", with(b -> b.statuses(Set.of(MemberStatus.PENDING)))),
                Arguments.of("featured", with(b -> b.featured(true))),
                Arguments.of("not featured", with(b -> b.featured(false))),
                Arguments.of("stale", with(b -> b.updatedBefore(Instant.parse("2025-01-01T00:00:00Z")))));
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
        assertEquals(with(b -> b.skills(Set.of("a", "b", "c"))).counted(), with(b -> b.skills(Set.of("c", "a", "b"))).counted());
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
        assertEquals(with(b -> b.skills(abc)).canonical(), with(b -> b.skills(hgf)).canonical());
    }

    @Test
    void noTextImitatesTheFiltersAfterIt() {
        MemberQuery crafted = with(b -> b.text(PLAIN.canonical()));
        assertNotEquals(PLAIN.canonical(), crafted.canonical());
        assertNotEquals(with(b -> b.text("a;types=0:;")).canonical(), with(b -> b.text("a")).canonical());
    }

    /** A test-only way to vary one component of a query. */
    private static final class Builder {
        private String text;
        private Set<MemberType> types;
        private Set<String> skills;
        private boolean skillsAll;
        private Set<String> municipalities;
        private Set<String> languages;
        private String serves;
        private Boolean available;
        private SearchSort sort;
        private String near;
        private PageRequest page;
        private int facetSize;
        private Set<MemberStatus> statuses;
        private Boolean featured;
        private Instant updatedBefore;

        Builder(MemberQuery q) {
            text = q.text(); types = q.types(); skills = q.skills(); skillsAll = q.skillsAll();
            municipalities = q.municipalities(); languages = q.languages(); serves = q.serves(); available = q.available();
            sort = q.sort(); near = q.near(); page = q.page(); facetSize = q.facetSize(); statuses = q.statuses();
            featured = q.featured(); updatedBefore = q.updatedBefore();
        }

        Builder text(String v) { text = v; return this; }
        Builder types(Set<MemberType> v) { types = v; return this; }
        Builder skills(Set<String> v) { skills = v; return this; }
        Builder skillsAll(boolean v) { skillsAll = v; return this; }
        Builder municipalities(Set<String> v) { municipalities = v; return this; }
        Builder languages(Set<String> v) { languages = v; return this; }
        Builder serves(String v) { serves = v; return this; }
        Builder available(Boolean v) { available = v; return this; }
        Builder sort(SearchSort v) { sort = v; return this; }
        Builder near(String v) { near = v; return this; }
        Builder page(PageRequest v) { page = v; return this; }
        Builder facetSize(int v) { facetSize = v; return this; }
        Builder statuses(Set<MemberStatus> v) { statuses = v; return this; }
        Builder featured(Boolean v) { featured = v; return this; }
        Builder updatedBefore(Instant v) { updatedBefore = v; return this; }

        MemberQuery build() {
            return new MemberQuery(text, types, skills, skillsAll, municipalities, languages, serves, available, sort, near,
                    page, facetSize, statuses, featured, updatedBefore);
        }
    }
}
