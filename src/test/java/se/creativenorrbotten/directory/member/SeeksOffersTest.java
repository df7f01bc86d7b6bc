package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * What a member seeks and offers: sets of opportunities, answered in the order of {@link Opportunity} in both views,
 * validated by index, changed by PUT and PATCH like any list, recorded in the history and exported.
 */
@QuarkusTest
class SeeksOffersTest {

    private static final String ALLOWED = "assignments, employment, internship, collaboration, mentoring";

    @Inject
    TestDatabase database;

    private static Map<String, Object> freelancer(String marker, List<String> seeks, List<String> offers) {
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("seeks", new ArrayList<>(seeks));
        member.put("offers", new ArrayList<>(offers));
        return member;
    }

    @Test
    void bothViewsShowWhatAMemberSeeksAndOffersInTheOrderOfTheCodes() {
        Created member = create(freelancer(unique(), List.of("collaboration", "assignments"), List.of("mentoring")));

        assertEquals(List.of("assignments", "collaboration"), member.body().getList("seeks"));
        TestMembers.fullRecord(member.id()).then().statusCode(200)
                .body("seeks", contains("assignments", "collaboration"))
                .body("offers", contains("mentoring"));
        anonymous().get(member.path()).then().statusCode(200)
                .body("view", equalTo("public"))
                .body("seeks", contains("assignments", "collaboration"))
                .body("offers", contains("mentoring"));
    }

    @Test
    void aMemberThatSaysNothingSeeksAndOffersEmptyArrays() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.remove("seeks");
        body.put("offers", null);

        Created member = create(body);

        assertEquals(List.of(), member.body().getList("seeks"));
        assertEquals(List.of(), member.body().getList("offers"));
        anonymous().get(member.path()).then().statusCode(200).body("seeks", empty()).body("offers", empty());
    }

    @Test
    void anUnknownOpportunityIsNamedByItsIndexWithTheAllowedValues() {
        String marker = unique();

        Response response = asAdmin(freelancer(marker, List.of("internship", "bogus"), List.of())).post(MEMBERS);

        assertInvalid(response, "seeks[1]")
                .body("errors.find { it.field == 'seeks[1]' }.detail", containsString("'bogus' is not allowed"))
                .body("errors.find { it.field == 'seeks[1]' }.detail", containsString(ALLOWED));
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anOpportunityListedTwiceIsNamedByItsSecondIndex() {
        String marker = unique();

        Response response = asAdmin(freelancer(marker, List.of(), List.of("internship", "mentoring", "internship")))
                .post(MEMBERS);

        assertInvalid(response, "offers[2]")
                .body("errors.find { it.field == 'offers[2]' }.detail", equalTo("'internship' is listed twice"));
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void moreThanFiveOpportunitiesAreRefused() {
        String marker = unique();
        List<String> six = List.of("assignments", "employment", "internship", "collaboration", "mentoring", "assignments");

        assertInvalid(asAdmin(freelancer(marker, six, List.of())).post(MEMBERS), "seeks")
                .body("errors.find { it.field == 'seeks' }.detail", equalTo("must have 0 to 5 items"));
        assertInvalid(asAdmin(freelancer(marker, List.of(), Collections.singletonList(null))).post(MEMBERS), "offers[0]");
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void allFiveAreAccepted() {
        List<String> all = List.of("mentoring", "collaboration", "internship", "employment", "assignments");

        Created member = create(freelancer(unique(), all, all));

        assertEquals(List.of(ALLOWED.split(", ")), member.body().getList("seeks"));
        assertEquals(List.of(ALLOWED.split(", ")), member.body().getList("offers"));
    }

    @Test
    void aPatchChangesOneAndLeavesTheOtherWithItsHistoryAndANewPublicVersion() {
        Created member = create(freelancer(unique(), List.of("assignments", "collaboration"), List.of("mentoring")));
        long publicVersion = anonymous().get(member.path()).jsonPath().getLong("version");

        patch(member.id(), member.etag(), Map.of("offers", List.of("internship", "mentoring"))).then().statusCode(200)
                .body("seeks", contains("assignments", "collaboration"))
                .body("offers", contains("internship", "mentoring"))
                .body("version", equalTo((int) member.version() + 1));

        anonymous().get(member.path()).then().statusCode(200)
                .body("offers", contains("internship", "mentoring"))
                .body("version", equalTo((int) publicVersion + 1));
        List<Map<String, Object>> history = TestCuration.history(member.id());
        assertEquals("updated", history.get(0).get("action"));
        assertEquals("offers", history.get(0).get("field"));
        assertEquals(List.of("mentoring"), history.get(0).get("oldValue"));
        assertEquals(List.of("internship", "mentoring"), history.get(0).get("newValue"));
        assertEquals(List.of("created"), history.subList(1, history.size()).stream().map(entry -> entry.get("action")).toList(),
                "one entry for the one field that changed: " + history);
    }

    @Test
    void aPatchWithNullClearsTheSet() {
        Created member = create(freelancer(unique(), List.of("employment"), List.of("collaboration")));
        Map<String, Object> clear = new HashMap<>();
        clear.put("seeks", null);

        patch(member.id(), member.etag(), clear).then().statusCode(200)
                .body("seeks", empty())
                .body("offers", contains("collaboration"));
    }

    @Test
    void writingTheSameSetInAnotherOrderChangesNothing() {
        String marker = unique();
        Created member = create(freelancer(marker, List.of("assignments", "internship"), List.of()));

        TestMembers.put(member.id(), member.etag(), freelancer(marker, List.of("internship", "assignments"), List.of()))
                .then().statusCode(200)
                .header("ETag", member.etag())
                .body("seeks", contains("assignments", "internship"));
        assertEquals(1, TestCuration.history(member.id()).size());
    }

    @Test
    void theExportHoldsWhatTheMemberSeeksAndOffers() {
        Created member = create(freelancer(unique(), List.of("internship", "employment"), List.of("collaboration")));

        asAdmin().get(member.path() + "/export").then().statusCode(200)
                .body("member.seeks", contains("employment", "internship"))
                .body("member.offers", contains("collaboration"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChangeFeedCarriesThem() {
        String since = TestFeed.tail();
        Created member = create(freelancer(unique(), List.of("internship"), List.of()));

        Map<String, Object> item = TestFeed.await(since, TestFeed.hasAll(member.id())).get(member.id());

        Map<String, Object> shown = (Map<String, Object>) item.get("member");
        assertEquals(List.of("internship"), shown.get("seeks"));
        assertEquals(List.of(), shown.get("offers"));
    }
}
