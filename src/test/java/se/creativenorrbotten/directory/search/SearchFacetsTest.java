package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Disjunctive facet counts, checked against a brute-force count over every member in the index: each
 * facet's counts must apply every filter except the facet's own.
 */
@QuarkusTest
class SearchFacetsTest {

    private static String skillA;
    private static String skillB;

    /** A member as the brute force sees it. */
    private record Row(String type, List<String> skills, String municipality, List<String> languages,
            List<String> serviceArea, boolean available) {
    }

    /** Service areas by member id: they are not in list items, and members do not change during this test. */
    private static final Map<String, List<String>> SERVICE_AREAS = new HashMap<>();

    /** Made once, in the first test (REST Assured knows the test port only then). */
    @BeforeEach
    void members() {
        if (skillA != null) {
            return;
        }
        String marker = unique();
        skillA = TestSkills.create(marker + "a");
        skillB = TestSkills.create(marker + "b");
        String[] types = {"agency", "student", "freelancer"};
        String[] municipalities = {"2580", "2581", "2584", "2518"};
        List<List<String>> languages = List.of(List.of("sv"), List.of("sv", "en"), List.of("fi", "fit"), List.of("se", "sv"));
        for (int i = 0; i < 14; i++) {
            Map<String, Object> body = "agency".equals(types[i % 3]) ? TestMembers.agency(marker + i)
                    : "student".equals(types[i % 3]) ? TestMembers.student(marker + i) : TestMembers.freelancer(marker + i);
            body.put("municipality", municipalities[i % 4]);
            body.put("languages", languages.get(i % 4));
            body.put("skills", i % 5 == 0 ? List.of(skillA, skillB, "photography") : i % 2 == 0 ? List.of(skillA, "ux-design")
                    : List.of(skillB));
            body.put("availableForWork", i % 3 != 1);
            TestMembers.create(body);
        }
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(Map.of()),
                // most of the index: counted as the complement, subtracted from the whole index's counts
                Arguments.of(Map.of("available", "true")),
                Arguments.of(Map.of("language", List.of("sv"), "skill", List.of("SKILL_A"))),
                Arguments.of(Map.of("skill", List.of("SKILL_A"))),
                Arguments.of(Map.of("skill", List.of("SKILL_A"), "municipality", List.of("2580"))),
                Arguments.of(Map.of("skill", List.of("SKILL_A", "SKILL_B"), "municipality", List.of("2580", "2584"),
                        "type", List.of("agency", "freelancer"))),
                Arguments.of(Map.of("skill", List.of("SKILL_A", "SKILL_B"), "skillMatch", "all", "language", List.of("sv"))),
                Arguments.of(Map.of("language", List.of("fi", "se"), "type", List.of("student"), "available", "true")),
                Arguments.of(Map.of("skill", List.of("SKILL_B"), "serves", "2581", "municipality", List.of("2518"))));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void facetCountsEqualABruteForceCount(Map<String, Object> template) {
        Map<String, Object> query = new LinkedHashMap<>();
        template.forEach((name, value) -> query.put(name, value instanceof List<?> list
                ? list.stream().map(v -> v.equals("SKILL_A") ? skillA : v.equals("SKILL_B") ? skillB : v).toList() : value));
        query.put("facetSize", 100);
        List<Row> all = everyMember();
        JsonPath result = search(query);

        assertEquals(all.stream().filter(row -> matches(row, query, null)).count(), result.getLong("total"), "total");
        assertFacet(result, "type", all, query, "type", row -> List.of(row.type()));
        assertFacet(result, "municipality", all, query, "municipality", row -> List.of(row.municipality()));
        assertFacet(result, "language", all, query, "language", Row::languages);
        assertFacet(result, "skill", all, query, "skill", Row::skills);
        assertEquals(14, result.getList("facets.municipality").size(), "all 14 municipalities, zeros included");
    }

    private static void assertFacet(JsonPath result, String facet, List<Row> all, Map<String, Object> query, String parameter,
            java.util.function.Function<Row, List<String>> values) {
        Map<String, Long> expected = new HashMap<>();
        all.stream().filter(row -> matches(row, query, parameter))
                .forEach(row -> values.apply(row).forEach(value -> expected.merge(value, 1L, Long::sum)));
        List<Map<String, Object>> returned = result.getList("facets." + facet);
        for (Map<String, Object> value : returned) {
            assertEquals(expected.getOrDefault((String) value.get("value"), 0L), ((Number) value.get("count")).longValue(),
                    facet + " " + value.get("value"));
        }
        Set<String> shown = Set.copyOf(returned.stream().map(v -> (String) v.get("value")).toList());
        @SuppressWarnings("unchecked")
        List<String> selected = (List<String>) query.getOrDefault(parameter, List.of());
        selected.forEach(value -> assertTrue(shown.contains(value), facet + " lacks the selected " + value));
        long smallestShown = returned.stream().filter(v -> !selected.contains(v.get("value")))
                .mapToLong(v -> ((Number) v.get("count")).longValue()).min().orElse(Long.MAX_VALUE);
        expected.forEach((value, count) -> assertTrue(shown.contains(value) || count <= smallestShown,
                facet + " lacks " + value + " (" + count + ") though it shows a value with " + smallestShown));
    }

    /** Whether a member passes every filter of the query except the one of {@code except}. */
    @SuppressWarnings("unchecked")
    private static boolean matches(Row row, Map<String, Object> query, String except) {
        List<String> types = (List<String>) query.getOrDefault("type", List.of());
        List<String> skills = (List<String>) query.getOrDefault("skill", List.of());
        List<String> municipalities = (List<String>) query.getOrDefault("municipality", List.of());
        List<String> languages = (List<String>) query.getOrDefault("language", List.of());
        boolean all = "all".equals(query.get("skillMatch"));
        return ("type".equals(except) || types.isEmpty() || types.contains(row.type()))
                && ("skill".equals(except) || skills.isEmpty()
                        || (all ? row.skills().containsAll(skills) : skills.stream().anyMatch(row.skills()::contains)))
                && ("municipality".equals(except) || municipalities.isEmpty() || municipalities.contains(row.municipality()))
                && ("language".equals(except) || languages.isEmpty() || languages.stream().anyMatch(row.languages()::contains))
                && (!query.containsKey("serves") || row.municipality().equals(query.get("serves"))
                        || row.serviceArea().contains(query.get("serves")))
                && (!query.containsKey("available") || row.available() == Boolean.parseBoolean((String) query.get("available")));
    }

    /** Every member in the index, read through the API (full records for service area and availability). */
    private static List<Row> everyMember() {
        List<Row> rows = new ArrayList<>();
        long total = search(Map.of("size", 1)).getLong("total");
        for (int page = 1; (page - 1) * 100L < total; page++) {
            JsonPath result = search(Map.of("size", 100, "page", page));
            List<Map<String, Object>> items = result.getList("items");
            for (Map<String, Object> item : items) {
                String id = (String) item.get("id");
                List<String> serviceArea = SERVICE_AREAS.computeIfAbsent(id, publicId -> anonymous()
                        .get(TestMembers.MEMBERS + "/" + publicId).then().statusCode(200).extract().jsonPath()
                        .getList("serviceArea", String.class));
                rows.add(new Row((String) item.get("type"), strings(item.get("skills")), (String) item.get("municipality"),
                        strings(item.get("languages")), serviceArea, (Boolean) item.get("availableForWork")));
            }
        }
        assertEquals(total, rows.size(), "read every member");
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
