package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Curators list the members not updated for 24 months (stale=true) to review them; the public may not ask. */
@QuarkusTest
class StaleListingTest {

    /** The application's clock: staleness is counted back from its time. */
    @Inject
    Clock clock;

    @Inject
    TestDatabase database;

    /**
     * Makes the member last changed this many months ago, publicly too: the stale listing goes by the date of the
     * public view (a private edit such as a curator's note does not make a listing current).
     */
    private void lastChanged(String id, int monthsAgo) {
        OffsetDateTime then = OffsetDateTime.now(clock).minusMonths(monthsAgo);
        database.changeMember(id, "updated_at", then);
        database.changeMember(id, "public_updated_at", then);
    }

    @Test
    void staleListsOnlyMembersNotUpdatedFor24Months() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created old = member(marker, skill, "Gammal");
        Created almost = member(marker, skill, "Nästan");
        Created fresh = member(marker, skill, "Färsk");

        lastChanged(old.id(), 25);
        lastChanged(almost.id(), 23);

        TestCuration.await(() -> stale(skill, "true").extract().jsonPath().getList("items.id").equals(List.of(old.id())),
                "the index re-reads the member's update time");
        stale(skill, "true").body("total", equalTo(1)).body("items[0].updatedAt", not(equalTo(null)));
        stale(skill, "false").body("items.id", containsInAnyOrder(old.id(), almost.id(), fresh.id()));
        anonymous().queryParam("skill", skill).get(MEMBERS).then().statusCode(200)
                .body("items.id", containsInAnyOrder(old.id(), almost.id(), fresh.id()));
    }

    @Test
    void aStaleMemberIsNoLongerStaleOnceUpdated() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created old = member(marker, skill, "Gammal");
        lastChanged(old.id(), 30);
        TestCuration.await(() -> stale(skill, "true").extract().jsonPath().getInt("total") == 1, "the index sees it stale");

        TestMembers.patch(old.id(), TestMembers.fullRecord(old.id()).header("ETag"), Map.of("headline", "Uppdaterad"))
                .then().statusCode(200);

        stale(skill, "true").body("total", equalTo(0));
    }

    @Test
    void aCuratorsNoteDoesNotMakeAStaleListingCurrent() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created old = member(marker, skill, "Gammal");
        lastChanged(old.id(), 30);
        TestCuration.await(() -> stale(skill, "true").extract().jsonPath().getInt("total") == 1, "the index sees it stale");

        TestMembers.patch(old.id(), TestMembers.fullRecord(old.id()).header("ETag"), Map.of("notes", "Granskad"))
                .then().statusCode(200);

        stale(skill, "true").body("items.id", contains(old.id()));
    }

    @Test
    void staleCombinesWithStatus() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created pendingOld = TestCuration.create("pending", body(marker, skill, "Väntande"));
        Created publishedOld = member(marker, skill, "Publicerad");
        lastChanged(pendingOld.id(), 26);
        lastChanged(publishedOld.id(), 26);

        TestCuration.await(() -> stale(skill, "true").extract().jsonPath().getInt("total") == 1, "the index re-reads both");
        stale(skill, "true").body("items.id", contains(publishedOld.id()));
        asCurator().queryParam("skill", skill).queryParam("stale", "true").queryParam("status", "pending").get(MEMBERS)
                .then().statusCode(200).body("items.id", contains(pendingOld.id())).body("items.status", contains("pending"));
    }

    @Test
    void thePublicCannotAskForStaleListings() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        member(marker, skill, "Gammal");

        assertUnauthorized(anonymous().queryParam("stale", "true").queryParam("skill", skill).get(MEMBERS))
                .body("$", not(hasKey("items")));
        assertUnauthorized(anonymous().queryParam("stale", "false").get(MEMBERS)).body("$", not(hasKey("items")));
    }

    @ParameterizedTest(name = "stale={0} -> 400")
    @ValueSource(strings = {"maybe", "yes", "1", "TRUE"})
    void staleIsTrueOrFalse(String value) {
        assertInvalid(asCurator().queryParam("stale", value).get(MEMBERS), "stale");
    }

    private static Created member(String marker, String skill, String word) {
        return TestCuration.create(null, body(marker, skill, word));
    }

    private static Map<String, Object> body(String marker, String skill, String word) {
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("name", word + " " + marker);
        body.put("skills", List.of(skill));
        return body;
    }

    private static ValidatableResponse stale(String skill, String stale) {
        return asCurator().queryParam("skill", skill).queryParam("stale", stale).get(MEMBERS).then().statusCode(200)
                .contentType(ContentType.JSON);
    }
}
