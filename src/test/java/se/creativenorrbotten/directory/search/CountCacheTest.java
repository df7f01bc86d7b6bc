package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * The cached totals and facet counts belong to exactly one query: a query without words (only separators)
 * finds nothing, and must not leave that empty result behind for the listing without {@code q} (the
 * count-cache poisoning an anonymous caller could do after any write), with or without filters.
 */
@QuarkusTest
class CountCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "%", "-- !", "\"\"", "***?"})
    void aQueryWithoutWordsDoesNotEmptyThePlainListing(String separators) {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("skills", List.of(skill));
        body.put("municipality", "2581");
        TestMembers.create(body);

        JsonPath before = search(Map.of());
        long total = before.getLong("total");
        assertTrue(total >= 1);

        assertEquals(0, search(Map.of("q", separators)).getLong("total"), "a query of separators finds nothing");
        assertEquals(0, search(Map.of("q", separators, "skill", skill)).getLong("total"));

        JsonPath after = search(Map.of());
        assertEquals(total, after.getLong("total"), "the plain listing keeps its total");
        assertEquals(before.getList("facets.type"), after.getList("facets.type"), "and its facet counts");
        assertEquals(before.getList("facets.municipality"), after.getList("facets.municipality"));
        assertEquals(1, search(Map.of("skill", skill)).getLong("total"), "a filtered listing keeps its total");
        assertEquals(1, search(Map.of("skill", skill)).getInt("facets.skill.find { it.value == '" + skill + "' }.count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort", "page", "facetSize"})
    void presentationParametersShareTheCountsAndStillCountRight(String parameter) {
        String marker = unique();
        String skill = TestSkills.create(marker);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = TestMembers.freelancer(marker + i);
            body.put("skills", List.of(skill));
            TestMembers.create(body);
        }
        Map<String, Object> query = new HashMap<>(Map.of("skill", skill));
        query.put(parameter, switch (parameter) {
            case "sort" -> "newest";
            case "page" -> "2";
            default -> "1";
        });
        assertEquals(3, search(query).getLong("total"));
        assertEquals(3, search(Map.of("skill", skill)).getLong("total"));
    }
}
