package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.curation.TestCuration.action;
import static se.creativenorrbotten.directory.curation.TestCuration.inStatus;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Only published members exist for the public: not by id, slug, search, suggestion, facet or count. */
@QuarkusTest
class VisibilityTest {

    /** A base municipality, a language and a skill (the test's own) that few members have. */
    private static final String ARJEPLOG = "2506";
    private static final String SKOLT_SAMI = "sms";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pending", "rejected", "archived"})
    void aHiddenMemberDoesNotExistForThePublic(String status) {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created hidden = inStatus(status, member(marker, skill, "Dold"));
        Created visible = inStatus("published", member(marker, skill, "Synlig"));

        assertProblem(anonymous().get(hidden.path()), 404);
        assertProblem(anonymous().get(MEMBERS + "/" + hidden.slug()), 404);
        assertAnsweredAsUnknown(hidden);
        anonymous().get(visible.path()).then().statusCode(200);

        for (Map<String, String> query : List.of(Map.of("q", marker), Map.of("skill", skill), Map.of("q", "dold " + marker))) {
            JsonPath found = search(query);
            assertEquals(query.containsValue("dold " + marker) ? List.of() : List.of(visible.id()),
                    found.getList("items.id"), query.toString());
            assertEquals(found.getList("items").size(), found.getInt("total"), query.toString());
        }
        anonymous().queryParam("q", marker).get(MEMBERS + "/suggest").then().statusCode(200)
                .body("items.value", hasItem(visible.slug()))
                .body("items.value", not(hasItem(hidden.slug())));

        TestMembers.fullRecord(hidden.id()).then().statusCode(200).body("status", equalTo(status))
                .body("email", equalTo(hidden.body().getString("email")));
        asCurator().get(MEMBERS + "/" + hidden.slug()).then().statusCode(200).body("id", equalTo(hidden.id()));
    }

    @Test
    void hiddenMembersChangeNoFacetCountUntilPublished() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        JsonPath before = search(Map.of());
        long skillBefore = skillFacet(skill);

        Created pending = inStatus("pending", member(marker, skill, "Väntande"));
        inStatus("rejected", member(marker, skill, "Nekad"));
        inStatus("archived", member(marker, skill, "Arkiverad"));

        assertEquals(before.getMap("facets"), search(Map.of()).getMap("facets"));
        assertEquals(before.getLong("total"), search(Map.of()).getLong("total"));
        assertEquals(skillBefore, skillFacet(skill));
        assertEquals(0, skillBefore);

        action(pending.id(), "publish", null).then().statusCode(200);
        JsonPath published = search(Map.of());
        assertEquals(before.getLong("total") + 1, published.getLong("total"));
        assertEquals(count(before, "municipality", ARJEPLOG) + 1, count(published, "municipality", ARJEPLOG));
        assertEquals(count(before, "language", SKOLT_SAMI) + 1, count(published, "language", SKOLT_SAMI));
        assertEquals(1, skillFacet(skill));

        action(pending.id(), "archive", null).then().statusCode(200);
        assertEquals(before.getMap("facets"), search(Map.of()).getMap("facets"));
        assertEquals(0, skillFacet(skill));
    }

    @Test
    void hiddenMembersAreNotCountedInSkillsAndMunicipalities() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        List<Long> before = taxonomyCounts(skill);

        Created pending = inStatus("pending", member(marker, skill, "Väntande"));
        inStatus("rejected", member(marker, skill, "Nekad"));
        inStatus("archived", member(marker, skill, "Arkiverad"));
        assertEquals(before, taxonomyCounts(skill));
        assertEquals(0L, before.get(0));

        action(pending.id(), "publish", null).then().statusCode(200);
        assertEquals(before.stream().map(count -> count + 1).toList(), taxonomyCounts(skill));

        action(pending.id(), "archive", null).then().statusCode(200);
        assertEquals(before, taxonomyCounts(skill));
    }

    @Test
    void curatorsListMembersByStatusWithTheStatusInEachItem() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created pending = inStatus("pending", member(marker, skill, "Väntande"));
        Created rejected = inStatus("rejected", member(marker, skill, "Nekad"));
        Created archived = inStatus("archived", member(marker, skill, "Arkiverad"));
        Created published = inStatus("published", member(marker, skill, "Publicerad"));

        curatorSearch(skill, "pending").body("items.id", contains(pending.id())).body("items.status", contains("pending"))
                .body("total", equalTo(1));
        curatorSearch(skill, "rejected").body("items.id", contains(rejected.id())).body("items.status", contains("rejected"));
        curatorSearch(skill, "archived").body("items.id", contains(archived.id())).body("items.status", contains("archived"));
        curatorSearch(skill, "published").body("items.id", contains(published.id()))
                .body("items.status", contains("published"));
        curatorSearch(skill, "pending", "rejected", "archived")
                .body("items.id", containsInAnyOrder(pending.id(), rejected.id(), archived.id()))
                .body("items.status", containsInAnyOrder("pending", "rejected", "archived"))
                .body("total", equalTo(3));
        curatorSearch(skill, "pending", "published").body("facets.skill.find { it.value == '" + skill + "' }.count",
                equalTo(2));
        // Without status, a curator's search is the public one: published only, without the status field.
        asCurator().queryParam("skill", skill).get(MEMBERS).then().statusCode(200)
                .body("items.id", contains(published.id())).body("items[0]", not(hasKey("status")));
    }

    @ParameterizedTest(name = "status={0} -> 400")
    @ValueSource(strings = {"draft", "PENDING", "deleted", "published,pending"})
    void anUnknownStatusIs400(String status) {
        assertInvalid(asCurator().queryParam("status", status).get(MEMBERS), "status");
    }

    @ParameterizedTest(name = "anonymous status={0} -> 401")
    @ValueSource(strings = {"pending", "published", "rejected", "archived", "draft"})
    void thePublicCannotAskForAStatus(String status) {
        String marker = unique();
        inStatus("pending", member(marker, TestSkills.create(marker), "Väntande"));

        var response = anonymous().queryParam("status", status).queryParam("q", marker).get(MEMBERS);

        assertUnauthorized(response).body("$", not(hasKey("items"))).body("$", not(hasKey("total")));
        assertUnauthorized(anonymous().auth().preemptive().basic("test-curator", "not-the-password")
                .queryParam("status", status).get(MEMBERS));
    }

    /** A freelancer based in Arjeplog working in Skolt Sami, with the test's skill; the marker and word in the name. */
    private static Map<String, Object> member(String marker, String skill, String word) {
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", word + " " + marker);
        member.put("municipality", ARJEPLOG);
        member.put("serviceArea", List.of(ARJEPLOG));
        member.put("languages", List.of(SKOLT_SAMI));
        member.put("skills", List.of(skill));
        return member;
    }

    private static JsonPath search(Map<String, String> query) {
        return anonymous().queryParams(query).get(MEMBERS).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse curatorSearch(String skill, String... statuses) {
        var request = asCurator().queryParam("skill", skill);
        for (String status : statuses) {
            request.queryParam("status", status);
        }
        return request.get(MEMBERS).then().statusCode(200).contentType(ContentType.JSON)
                .body("items.status", everyItem(not(equalTo(null))));
    }

    /** The public skill facet's count of the skill, selected so that it is listed even at 0. */
    private static long skillFacet(String skill) {
        return search(Map.of("skill", skill)).getLong("facets.skill.find { it.value == '" + skill + "' }.count");
    }

    private static long count(JsonPath page, String facet, String value) {
        Object count = page.get("facets." + facet + ".find { it.value == '" + value + "' }.count");
        return count == null ? 0 : ((Number) count).longValue();
    }

    /** memberCount of the skill and of Arjeplog, each from its list and from its own resource. */
    private static List<Long> taxonomyCounts(String skill) {
        JsonPath skills = anonymous().get(TestSkills.SKILLS).then().statusCode(200).extract().jsonPath();
        JsonPath municipalities = anonymous().get("/api/v1/municipalities").then().statusCode(200).extract().jsonPath();
        return List.of(
                anonymous().get(TestSkills.SKILLS + "/" + skill).then().statusCode(200).extract().jsonPath().getLong("memberCount"),
                skills.getLong("items.find { it.slug == '" + skill + "' }.memberCount"),
                anonymous().get("/api/v1/municipalities/" + ARJEPLOG).then().statusCode(200).extract().jsonPath()
                        .getLong("memberCount"),
                municipalities.getLong("items.find { it.code == '" + ARJEPLOG + "' }.memberCount"));
    }

    /**
     * A hidden member reads exactly as one that never existed (OWASP API1): the same answer, headers and body, the
     * requested id or slug aside, so that probing ids tells nothing about pending, rejected or archived listings.
     */
    private static void assertAnsweredAsUnknown(Created hidden) {
        String unknownId = UUID.randomUUID().toString();
        String unknownSlug = "no-such-member-" + unique();
        for (String[] pair : List.of(new String[] {hidden.id(), unknownId}, new String[] {hidden.slug(), unknownSlug})) {
            Response answer = anonymous().get(MEMBERS + "/" + pair[0]);
            Response unknown = anonymous().get(MEMBERS + "/" + pair[1]);
            assertEquals(unknown.statusCode(), answer.statusCode());
            assertEquals(unknown.contentType(), answer.contentType());
            assertEquals(unknown.asString().replace(pair[1], "{idOrSlug}"), answer.asString().replace(pair[0], "{idOrSlug}"));
            for (String header : List.of("Cache-Control", "Vary", "ETag", "Content-Length")) {
                String expected = unknown.header(header);
                if (header.equals("Content-Length") && expected != null) {
                    expected = String.valueOf(Integer.parseInt(expected) - pair[1].length() + pair[0].length());
                }
                assertEquals(expected, answer.header(header), header);
            }
        }
    }
}
