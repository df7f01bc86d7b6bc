package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Orders: Swedish alphabetical, newest, updated, distance; and paging that neither repeats nor skips. */
@QuarkusTest
class SearchSortTest {

    /** Created in this order; names in Swedish alphabetical order are ALPHABETICAL. */
    private static final List<String> CREATED = List.of("Ödla", "Zeta", "Åsa", "Wilma", "Älg", "Vera", "anna", "Anna", "Östen");
    private static final List<String> ALPHABETICAL = List.of("anna", "Anna", "Vera", "Wilma", "Zeta", "Åsa", "Älg", "Ödla", "Östen");
    /** Base municipality of each created member, for distance. */
    private static final List<String> MUNICIPALITIES = List.of("2580", "2584", "2523", "2583", "2581", "2584", "2505", "2518", "2506");

    private static String skill;
    private static final List<String> ids = new ArrayList<>();

    /** Made once, in the first test (REST Assured knows the test port only then). */
    @BeforeEach
    void members() {
        if (skill != null && !skill.isEmpty()) {
            return;
        }
        String marker = unique();
        skill = TestSkills.create(marker);
        for (int i = 0; i < CREATED.size(); i++) {
            Map<String, Object> body = TestMembers.freelancer(marker + i);
            body.put("name", CREATED.get(i));
            body.put("skills", List.of(skill));
            body.put("municipality", MUNICIPALITIES.get(i));
            ids.add(TestMembers.create(body).id());
        }
    }

    private static List<String> sorted(String sort, String... more) {
        Map<String, Object> query = new java.util.LinkedHashMap<>(Map.of("skill", skill, "sort", sort));
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return search(query).getList("items.name", String.class);
    }

    @Test
    void nameSortIsSwedishAlphabeticalOrder() {
        assertEquals(ALPHABETICAL, sorted("name"));
        assertEquals(ALPHABETICAL, search(Map.of("skill", skill)).getList("items.name", String.class), "the default without q");
    }

    @Test
    void reverseNameSortIsTheReverse() {
        List<String> reversed = new ArrayList<>(ALPHABETICAL);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, sorted("-name"));
    }

    @Test
    void newestAndUpdatedPutTheLatestFirst() {
        List<String> newest = new ArrayList<>(CREATED);
        java.util.Collections.reverse(newest);
        assertEquals(newest, sorted("newest"));
        assertEquals(newest, sorted("updated"));
    }

    @Test
    void distanceSortsByDistanceFromTheTownCentre() {
        Map<String, double[]> centres = Map.of("2580", new double[] {65.5831, 22.1460}, "2584", new double[] {67.8551, 20.2255},
                "2523", new double[] {67.1352, 20.6605}, "2583", new double[] {65.8357, 24.1357},
                "2581", new double[] {65.3135, 21.4899}, "2505", new double[] {65.6570, 19.3456},
                "2518", new double[] {66.3900, 23.6550}, "2506", new double[] {66.3807, 17.1068});
        double[] kiruna = centres.get("2584");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < CREATED.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> byDistance = Comparator.comparingDouble(i -> haversine(kiruna, centres.get(MUNICIPALITIES.get(i))));
        order.sort(byDistance.thenComparing(i -> ALPHABETICAL.indexOf(CREATED.get(i))));
        assertEquals(order.stream().map(CREATED::get).toList(), sorted("distance", "near", "2584"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "newest", "updated", "relevance", "distance"})
    void pagesNeitherRepeatNorSkip(String sort) {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            JsonPath result = search(Map.of("skill", skill, "sort", sort, "near", "2580", "size", 2, "page", page));
            assertEquals(CREATED.size(), result.getLong("total"));
            seen.addAll(result.getList("items.id", String.class));
        }
        assertEquals(CREATED.size(), seen.size(), "no member repeated");
        assertEquals(new HashSet<>(ids), new HashSet<>(seen), "no member skipped");
    }

    private static double haversine(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }
}
