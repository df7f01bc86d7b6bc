package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** The member list: filters, paging and the summary. Each test filters by a skill of its own. */
@QuarkusTest
class MemberListTest {

    private static Created member(String marker, String name, String type, String municipality, String... skills) {
        Map<String, Object> body = "agency".equals(type) ? TestMembers.agency(marker)
                : "student".equals(type) ? TestMembers.student(marker) : TestMembers.freelancer(marker);
        body.put("name", name);
        body.put("municipality", municipality);
        body.put("skills", List.of(skills));
        return create(body);
    }

    private static JsonPath list(RequestSpecification request) {
        return request.get(MEMBERS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void pagingThroughAFilterShowsEveryMemberOnceInNameOrder() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            names.add("Sida " + marker + " " + i);
        }
        List<String> creationOrder = new ArrayList<>(names);
        Collections.shuffle(creationOrder);
        Set<String> ids = new HashSet<>();
        for (String name : creationOrder) {
            ids.add(member(marker, name, "freelancer", "2580", skill).id());
        }

        List<String> seenIds = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        int[] expectedSizes = {3, 3, 1, 0};
        for (int page = 1; page <= 4; page++) {
            JsonPath result = list(anonymous().queryParam("skill", skill).queryParam("size", 3).queryParam("page", page));
            assertEquals(page, result.getInt("page"));
            assertEquals(3, result.getInt("size"));
            assertEquals(7, result.getLong("total"));
            assertEquals(expectedSizes[page - 1], result.getList("items").size(), "items on page " + page);
            seenIds.addAll(result.getList("items.id", String.class));
            seenNames.addAll(result.getList("items.name", String.class));
        }

        assertEquals(7, seenIds.size());
        assertEquals(ids, new HashSet<>(seenIds));
        assertEquals(names, seenNames);
    }

    @Test
    void valuesOfOneFilterAreOredAndDifferentFiltersAnded() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        String other = TestSkills.create(marker + "b");
        String agency = member(marker, "A " + marker, "agency", "2580", skill).id();
        String kiruna = member(marker, "B " + marker, "freelancer", "2584", skill, "photography").id();
        String student = member(marker, "C " + marker, "student", "2581", skill).id();
        String lulea = member(marker, "D " + marker, "freelancer", "2580", "photography", skill).id();
        String otherSkill = member(marker, "E " + marker, "freelancer", "2580", other).id();

        assertEquals(List.of(kiruna, lulea), list(anonymous().queryParam("skill", skill).queryParam("type", "freelancer"))
                .getList("items.id"));
        assertEquals(List.of(agency, kiruna, lulea), list(anonymous().queryParam("skill", skill)
                .queryParam("type", "freelancer", "agency")).getList("items.id"));
        assertEquals(List.of(agency, lulea), list(anonymous().queryParam("skill", skill).queryParam("municipality", "2580"))
                .getList("items.id"));
        assertEquals(List.of(kiruna), list(anonymous().queryParam("skill", skill).queryParam("type", "freelancer")
                .queryParam("municipality", "2584", "2581")).getList("items.id"));
        JsonPath either = list(anonymous().queryParam("skill", skill, other));
        assertEquals(List.of(agency, kiruna, student, lulea, otherSkill), either.getList("items.id"));
        assertEquals(5, either.getLong("total"));
        JsonPath none = list(anonymous().queryParam("skill", other).queryParam("type", "student"));
        assertEquals(List.of(), none.getList("items"));
        assertEquals(0, none.getLong("total"));
    }

    @Test
    void theSummaryIsACardWithoutContactDetails() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("skills", List.of(skill, "photography"));
        Created created = create(body);

        anonymous().queryParam("skill", skill).get(MEMBERS).then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(created.id()))
                .body("items[0].slug", equalTo(created.slug()))
                .body("items[0].name", equalTo(body.get("name")))
                .body("items[0].type", equalTo("freelancer"))
                .body("items[0].headline", equalTo(body.get("headline")))
                .body("items[0].municipality", equalTo("2580"))
                .body("items[0].skills", contains(skill, "photography"))
                .body("items[0].languages", contains("sv", "en"))
                .body("items[0].website", equalTo(body.get("website")))
                .body("items[0].logoUrl", equalTo(body.get("logoUrl")))
                .body("items[0].availableForWork", equalTo(true))
                .body("items[0].updatedAt", equalTo(created.body().getString("updatedAt")))
                .body("items[0]", not(hasKey("email")))
                .body("items[0]", not(hasKey("phone")))
                .body("items[0]", not(hasKey("description")));
    }

    @Test
    void aDeletedMemberLeavesTheList() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created kept = member(marker, "Kvar " + marker, "freelancer", "2580", skill);
        Created deleted = member(marker, "Borta " + marker, "freelancer", "2580", skill);

        asAdmin().delete(deleted.path()).then().statusCode(204);

        JsonPath result = list(anonymous().queryParam("skill", skill));
        assertEquals(List.of(kept.id()), result.getList("items.id"));
        assertEquals(1, result.getLong("total"));
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource({
        "page, 0, ",
        "page, 10001, ",
        "page, two, ",
        "size, 0, ",
        "size, 101, ",
        "size, -5, ",
        "type, robot, robot",
        "type, Agency, Agency",
        "skill, no-such-skill, no-such-skill",
        "municipality, 9999, 9999",
    })
    void badQueryParametersAre400NamingTheParameter(String parameter, String value, String echoed) {
        var response = anonymous().queryParam(parameter, value).get(MEMBERS);

        var checked = assertInvalid(response, parameter);
        if (echoed != null) {
            checked.body("errors.detail", hasItem(containsString("'" + echoed + "'")));
        }
    }

    @Test
    void badPageAndSizeAreReportedTogether() {
        assertInvalid(anonymous().queryParam("page", 0).queryParam("size", 1000).get(MEMBERS), "page")
                .body("errors.field", containsInAnyOrder("page", "size"));
    }

    @Test
    void theDeepestAllowedPageIsEmptyButValidAndDeeperIsRefused() {
        // page × size may not exceed 10000.
        String skill = TestSkills.create(unique());

        for (int[] allowed : new int[][] {{10000, 1}, {100, 100}}) {
            anonymous().queryParam("skill", skill).queryParam("page", allowed[0]).queryParam("size", allowed[1]).get(MEMBERS)
                    .then().statusCode(200)
                    .body("items", empty())
                    .body("page", equalTo(allowed[0]))
                    .body("size", equalTo(allowed[1]))
                    .body("total", equalTo(0));
        }
        assertInvalid(anonymous().queryParam("skill", skill).queryParam("page", 101).queryParam("size", 100).get(MEMBERS),
                "page");
    }
}
