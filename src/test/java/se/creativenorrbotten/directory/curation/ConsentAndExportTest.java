package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/** The consent log behind contactPublic, and the export of everything held about a member (GDPR art. 7, 15, 20). */
@QuarkusTest
class ConsentAndExportTest {

    /** The application's clock: what it stamps is compared with its own time. */
    @Inject
    Clock clock;

    @Test
    void theFullRecordShowsTheConsentInForceWithItsEvidence() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("contactPublic", true);
        Instant before = clock.instant().minusSeconds(1);

        Created member = TestCuration.create(null, body);

        Map<String, Object> consent = onlyConsent(member.body());
        assertEquals("contactPublic", consent.get("kind"));
        assertEquals(true, consent.get("given"));
        assertEquals("curator", consent.get("source"));
        assertEquals(TestApi.CURATOR, consent.get("recordedBy"));
        Instant at = Instant.parse((String) consent.get("at"));
        assertTrue(!at.isBefore(before) && at.isBefore(clock.instant().plusSeconds(1)), at::toString);
        TestMembers.fullRecord(member.id()).then().body("consents", hasSize(1)).body("consents[0].given", equalTo(true));
        anonymous().get(member.path()).then().statusCode(200).body("$", not(hasKey("consents")));
    }

    @Test
    void withdrawingConsentIsOnePatchAndHidesTheContactDetailsAtOnce() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("contactPublic", true);
        Created member = TestMembers.create(body);
        anonymous().get(member.path()).then().statusCode(200).body("email", equalTo(body.get("email")))
                .body("phone", equalTo(body.get("phone")));

        Response withdrawn = asCurator().contentType(TestApi.MERGE_PATCH_JSON).body("{\"contactPublic\": false}")
                .header("If-Match", member.etag()).patch(member.path());

        withdrawn.then().statusCode(200).body("contactPublic", equalTo(false));
        Map<String, Object> consent = onlyConsent(withdrawn.jsonPath());
        assertEquals(false, consent.get("given"));
        assertEquals("curator", consent.get("source"));
        assertEquals(TestApi.CURATOR, consent.get("recordedBy"));
        Response view = anonymous().get(member.path());
        view.then().statusCode(200).body("$", not(hasKey("email"))).body("$", not(hasKey("phone")));
        assertFalse(view.asString().contains((String) body.get("email")), view.asString());

        JsonPath export = export(member.id());
        assertEquals(List.of(true, false), export.getList("consents.given"));
        assertEquals(List.of("admin", TestApi.CURATOR), export.getList("consents.recordedBy"));
        assertEquals(List.of("contactPublic", "contactPublic"), export.getList("consents.kind"));
    }

    @Test
    void aChangeThatLeavesTheConsentAloneRecordsNoConsent() {
        Created member = TestMembers.create(TestMembers.freelancer(unique()));

        TestMembers.patch(member.id(), member.etag(), Map.of("headline", "Ny rubrik")).then().statusCode(200)
                .body("consents", hasSize(1));

        assertEquals(1, export(member.id()).getList("consents").size());
    }

    @Test
    void theExportHoldsTheRecordTheConsentLogAndTheWholeHistoryOldestFirst() {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("notes", "Träffades på mediaveckan " + marker);
        Created member = TestCuration.create("pending", body);
        TestCuration.action(member.id(), "publish", null).then().statusCode(200);
        TestMembers.patch(member.id(), TestApi.etag(1), Map.of("contactPublic", true)).then().statusCode(200);

        Response response = asCurator().get(member.path() + "/export");

        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Disposition", startsWith("attachment"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(member.id()))
                .header("Cache-Control", "no-store")
                .body("controller", equalTo("Creative Norrbotten member directory"))
                .body("member.id", equalTo(member.id()))
                .body("member.email", equalTo(body.get("email")))
                .body("member.phone", equalTo(body.get("phone")))
                .body("member.notes", equalTo(body.get("notes")))
                .body("member.status", equalTo("published"))
                .body("member.consents.given", contains(true))
                .body("consents.given", contains(false, true))
                .body("consents.source", contains("curator", "curator"))
                .body("history.action", contains("created", "published", "updated"))
                .body("history.actor", contains(TestApi.CURATOR, TestApi.CURATOR, "admin"))
                .body("history[2].field", equalTo("contactPublic"))
                .body("history[2].newValue", equalTo(true));
        Instant exportedAt = Instant.parse(response.jsonPath().getString("exportedAt"));
        assertTrue(Duration.between(exportedAt, clock.instant()).abs().getSeconds() < 60, exportedAt::toString);
    }

    @Test
    void thePublicCannotExport() {
        Created member = TestMembers.create(TestMembers.freelancer(unique()));

        Response response = anonymous().get(member.path() + "/export");

        assertUnauthorized(response);
        assertFalse(response.asString().contains(member.body().getString("email")));
    }

    @Test
    void theExportOfAnUnknownMemberIs404() {
        assertProblem(asCurator().get(MEMBERS + "/" + UUID.randomUUID() + "/export"), 404);
    }

    private static Map<String, Object> onlyConsent(JsonPath member) {
        List<Map<String, Object>> consents = member.getList("consents");
        assertEquals(1, consents.size(), consents::toString);
        return consents.get(0);
    }

    private static JsonPath export(String id) {
        return asCurator().get(MEMBERS + "/" + id + "/export").then().statusCode(200).extract().jsonPath();
    }
}
