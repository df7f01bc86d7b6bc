package se.creativenorrbotten.directory.search;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * What members seek and offer, as search sees it: the filters seeks= and offers= (repeatable, OR within, AND across),
 * their disjunctive facets with labels in both languages, and the list items.
 */
@QuarkusTest
class SeeksOffersSearchTest {

    private static String skill;

    /** Four members with a skill of their own, so counts are exact: named by what they seek and offer. */
    @BeforeEach
    void members() {
        if (skill != null) {
            return;
        }
        String marker = unique();
        skill = TestSkills.create(marker);
        create(marker, "Student", List.of("internship", "employment"), List.of());
        create(marker, "Agency", List.of(), List.of("internship", "employment"));
        create(marker, "Freelancer", List.of("assignments", "collaboration"), List.of("mentoring"));
        create(marker, "Nothing", List.of(), List.of());
    }

    private static void create(String marker, String name, List<String> seeks, List<String> offers) {
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("name", name + " " + marker);
        body.put("skills", List.of(skill));
        body.put("seeks", seeks);
        body.put("offers", offers);
        TestMembers.create(body);
    }

    private static List<String> names(Map<String, Object> parameters) {
        Map<String, Object> withSkill = new HashMap<>(parameters);
        withSkill.put("skill", skill);
        return search(withSkill).getList("items.name", String.class).stream().map(name -> name.split(" ")[0]).toList();
    }

    private static long count(JsonPath page, String facet, String value) {
        return page.getLong("facets." + facet + ".find { it.value == '" + value + "' }.count");
    }

    @Test
    void valuesOfOneFilterAreOredAndTheTwoFiltersAnded() {
        assertThat(names(Map.of("seeks", "internship")), containsInAnyOrder("Student"));
        assertThat(names(Map.of("seeks", List.of("internship", "collaboration"))), containsInAnyOrder("Student", "Freelancer"));
        assertThat(names(Map.of("offers", "internship")), containsInAnyOrder("Agency"));
        assertThat(names(Map.of("seeks", "collaboration", "offers", "mentoring")), containsInAnyOrder("Freelancer"));
        assertEquals(List.of(), names(Map.of("seeks", "internship", "offers", "internship")), "nobody both seeks and offers it");
    }

    @Test
    void facetsListAllFiveInAFixedOrderWithDisjunctiveCounts() {
        JsonPath page = search(Map.of("skill", skill, "seeks", "internship"));
        assertEquals(List.of("assignments", "employment", "internship", "collaboration", "mentoring"),
                page.getList("facets.seeks.value", String.class));
        assertEquals(List.of("assignments", "employment", "internship", "collaboration", "mentoring"),
                page.getList("facets.offers.value", String.class));
        // Its own facet ignores its own selection: the alternatives keep their counts.
        assertEquals(1, count(page, "seeks", "internship"));
        assertEquals(1, count(page, "seeks", "collaboration"));
        assertEquals(0, count(page, "seeks", "mentoring"));
        // The other facet counts within the selection: only the student, who offers nothing.
        assertEquals(0, count(page, "offers", "internship"));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), page.getList("facets.offers.count", Long.class));
    }

    @Test
    void facetLabelsAreSwedishOrEnglish() {
        JsonPath swedish = anonymous().queryParam("skill", skill).get(TestMembers.MEMBERS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Uppdrag", "Anställning", "Praktik/LIA", "Samarbete", "Mentorskap"),
                swedish.getList("facets.seeks.label", String.class));
        JsonPath english = anonymous().header("Accept-Language", "en").queryParam("skill", skill).get(TestMembers.MEMBERS).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Internship/work placement", english.getString("facets.offers.find { it.value == 'internship' }.label"));
    }

    @Test
    void listItemsShowWhatTheMemberSeeksAndOffersInTheFixedOrder() {
        JsonPath page = search(Map.of("skill", skill, "seeks", "internship"));
        assertEquals(List.of("employment", "internship"), page.getList("items[0].seeks", String.class));
        JsonPath freelancer = search(Map.of("skill", skill, "offers", "mentoring"));
        assertEquals(List.of("assignments", "collaboration"), freelancer.getList("items[0].seeks", String.class));
        assertEquals(List.of("mentoring"), freelancer.getList("items[0].offers", String.class));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheParameter() {
        assertInvalid(anonymous().queryParam("seeks", "internship").queryParam("seeks", "fika").get(TestMembers.MEMBERS), "seeks");
        assertInvalid(anonymous().queryParam("offers", "Internship").get(TestMembers.MEMBERS), "offers");
        var six = anonymous();
        for (String value : List.of("assignments", "employment", "internship", "collaboration", "mentoring", "mentoring")) {
            six.queryParam("offers", value);
        }
        assertInvalid(six.get(TestMembers.MEMBERS), "offers");
        var five = anonymous();
        for (Opportunity value : Opportunity.values()) {
            five.queryParam("seeks", value.code());
        }
        five.get(TestMembers.MEMBERS).then().statusCode(200);
    }
}
