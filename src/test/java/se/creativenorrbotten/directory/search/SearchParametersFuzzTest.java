package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.common.problem.ClientProblems.assertClientProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.QueryParam;
import se.creativenorrbotten.directory.common.json.ServiceJson;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * Fuzzes what GET /api/v1/members does with its query parameters before it searches: {@link SearchService#parse}
 * into a {@link MemberQuery}, the query's cache key ({@link MemberQuery#canonical}, {@link MemberQuery#counted}) and
 * the analysis of its words ({@link Analysis#tokens}, {@link WordMatch#words}). The contract: a valid query within
 * the documented bounds, or the project's 4xx problem naming only parameters the API has. Any other exception is a
 * finding. Values come from the API's own vocabulary half of the time, so that valid queries are reached too.
 */
class SearchParametersFuzzTest {

    private static final ObjectMapper JSON = ServiceJson.mapper();
    private static final Taxonomy TAXONOMY = taxonomy();
    /** The parameter names of the API (the @QueryParam of every SearchRequest component). */
    private static final Set<String> PARAMETERS = parameters();
    private static final String[] KNOWN = {"", " ", "true", "false", "1", "0", "-1", "20", "100", "101", "10000", "2147483648",
            "any", "all", "relevance", "name", "-name", "newest", "updated", "distance", "freelancer", "agency", "student",
            "ux-design", "photography", "2580", "2581", "9999", "sv", "en", "smj", "assignments", "internship", "pending",
            "published", "archived", "rejected", "foto luleå", "Åsa Öberg", "\u0000", "\uD800", "a\u0301", "ß", "İ", "𝔘𝔛"};

    private static Taxonomy taxonomy() {
        Map<String, String[]> skills = new LinkedHashMap<>();
        skills.put("ux-design", new String[] {"UX-design", "UX design"});
        skills.put("photography", new String[] {"Fotografi", "Photography"});
        skills.put("web-development", new String[] {"Webbutveckling", "Web development"});
        Map<String, String[]> municipalities = new LinkedHashMap<>();
        municipalities.put("2580", new String[] {"Luleå", "65.5831", "22.1460"});
        municipalities.put("2581", new String[] {"Piteå", "65.3135", "21.4899"});
        municipalities.put("2584", new String[] {"Kiruna", "67.8551", "20.2255"});
        return new Taxonomy(skills, municipalities, List.copyOf(new TreeSet<>(municipalities.keySet())));
    }

    private static Set<String> parameters() {
        Set<String> names = new TreeSet<>();
        for (java.lang.reflect.Field field : SearchRequest.class.getDeclaredFields()) {
            QueryParam parameter = field.getAnnotation(QueryParam.class);
            if (parameter != null) {
                names.add(parameter.value());
            }
        }
        if (names.size() < 10) {
            throw new IllegalStateException("the search parameters were not found: " + names);
        }
        return names;
    }

    @FuzzTest
    void searchParameters(FuzzedDataProvider data) {
        SearchRequest request = new SearchRequest(value(data), values(data), values(data), value(data), values(data),
                values(data), values(data), values(data), value(data), value(data), value(data), value(data), value(data),
                value(data), value(data), value(data), values(data), value(data));
        MemberQuery query;
        try {
            query = SearchService.parse(request, TAXONOMY, Instant.EPOCH);
        } catch (ProblemException refused) {
            assertEquals(400, assertClientProblem(refused, JSON, PARAMETERS).status(), refused::getMessage);
            return;
        }
        assertTrue(query.page().page() >= 1 && query.page().size() >= 1 && query.page().size() <= 100, query::toString);
        assertTrue((long) query.page().page() * query.page().size() <= SearchService.MAX_WINDOW, query::toString);
        assertTrue(query.text() == null || (!query.text().isBlank() && query.text().length() <= MemberQuery.MAX_TEXT_LENGTH),
                query::toString);
        assertEquals(query.canonical(), SearchService.parse(request, TAXONOMY, Instant.EPOCH).canonical(),
                "the same parameters make the same cache key");
        query.counted().canonical();
        if (query.text() != null) {
            WordMatch.words(Analysis.tokens(query.text()), WordMatch.ALL_FIELDS);
        }
    }

    /** Null, one of the API's own words, or any text. */
    private static String value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> data.pickValue(KNOWN);
            case 2 -> data.consumeString(250);
            default -> data.pickValue(KNOWN) + data.consumeString(8);
        };
    }

    /** A repeated parameter: absent (null, as JAX-RS may give it), or up to 25 values. */
    private static List<String> values(FuzzedDataProvider data) {
        int count = data.consumeInt(-1, 25);
        if (count < 0) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = value(data);
            values.add(value == null ? "" : value);
        }
        return values;
    }
}
