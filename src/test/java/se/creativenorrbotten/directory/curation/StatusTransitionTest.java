package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.curation.TestCuration.action;
import static se.creativenorrbotten.directory.curation.TestCuration.inStatus;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.freelancer;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * The review workflow: a new member is published or pending; pending → published | rejected,
 * published → archived, archived → published; every other move is a 409 invalid-transition.
 */
@QuarkusTest
class StatusTransitionTest {

    private static final List<String> STATUSES = List.of("pending", "published", "rejected", "archived");
    private static final Map<String, String> ACTION_INTO = Map.of("publish", "published", "reject", "rejected",
            "archive", "archived");
    private static final Set<String> ALLOWED = Set.of("pending>publish", "pending>reject", "published>archive",
            "archived>publish");

    @Inject
    TestDatabase database;

    @ParameterizedTest(name = "?status={0} -> {1}")
    @CsvSource(nullValues = "none", value = {"none, published", "published, published", "pending, pending"})
    void aNewMemberIsPublishedByDefaultOrPendingOnRequest(String asked, String expected) {
        Created created = TestCuration.create(asked, freelancer(unique()));

        assertEquals(expected, created.body().getString("status"));
        fullRecord(created.id()).then().statusCode(200).body("status", equalTo(expected));
    }

    @ParameterizedTest(name = "?status={0} -> 400")
    @ValueSource(strings = {"rejected", "archived", "draft", "PENDING", ""})
    void aNewMemberCannotStartInAnyOtherStatus(String asked) {
        String marker = unique();

        Response response = asCurator(freelancer(marker)).queryParam("status", asked).post(MEMBERS);

        if (asked.isEmpty()) {
            // An empty value is no value: the default applies.
            response.then().statusCode(201).body("status", equalTo("published"));
            return;
        }
        assertInvalid(response, "status");
        assertEquals(0, database.membersMarked(marker));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({"pending, publish, published", "pending, reject, rejected", "published, archive, archived",
        "archived, publish, published"})
    void everyAllowedMoveAnswersTheMemberInItsNewStatus(String from, String action, String to) {
        String marker = unique();
        Created member = inStatus(from, freelancer(marker));
        long before = fullRecord(member.id()).jsonPath().getLong("version");
        String reason = "Granskad av kurator " + marker;

        Response response = action(member.id(), action, Map.of("reason", reason));

        response.then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(member.id()))
                .body("status", equalTo(to))
                .body("version", equalTo((int) before + 1))
                .body("email", equalTo(freelancer(marker).get("email")))
                .header("ETag", TestApi.etag(before + 1));
        if (to.equals("published")) {
            response.then().body("$", not(hasKey("statusReason")));
        } else {
            response.then().body("statusReason", equalTo(reason));
        }
        assertEquals(response.jsonPath().getMap("$"), stored(member.id()));
    }

    static Stream<Arguments> disallowedMoves() {
        return STATUSES.stream().flatMap(from -> ACTION_INTO.keySet().stream().sorted()
                .filter(action -> !ALLOWED.contains(from + ">" + action))
                .map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{0} --{1}--> 409")
    @MethodSource("disallowedMoves")
    void everyOtherMoveIs409InvalidTransitionAndChangesNothing(String from, String action) {
        Created member = inStatus(from, freelancer(unique()));
        Map<String, Object> before = stored(member.id());

        assertProblem(action(member.id(), action, Map.of("reason", "Fel steg")), 409)
                .body("type", equalTo(PROBLEM_TYPES + "invalid-transition"))
                .body("detail", containsString(from));

        assertEquals(before, stored(member.id()));
    }

    @Test
    void theMatrixCoversEveryStatusAndAction() {
        assertEquals(STATUSES.size() * ACTION_INTO.size(), ALLOWED.size() + disallowedMoves().count());
        assertEquals(8, disallowedMoves().count());
    }

    @ParameterizedTest(name = "reject with body {0} -> 400 naming reason")
    @ValueSource(strings = {"empty", "{}", "{\"reason\": null}", "{\"reason\": \"   \"}"})
    void rejectingNeedsAReason(String body) {
        Created member = inStatus("pending", freelancer(unique()));
        var request = asCurator().contentType(ContentType.JSON);
        if (!body.equals("empty")) {
            request.body(body);
        }

        assertInvalid(request.post(MEMBERS + "/" + member.id() + "/reject"), "reason");

        fullRecord(member.id()).then().body("status", equalTo("pending")).body("version", equalTo((int) member.version()));
    }

    @Test
    void aReasonOfMoreThan1000CharactersIs400() {
        Created member = inStatus("pending", freelancer(unique()));

        assertInvalid(action(member.id(), "reject", Map.of("reason", "r".repeat(1001))), "reason");

        action(member.id(), "reject", Map.of("reason", "r".repeat(1000))).then().statusCode(200)
                .body("statusReason", equalTo("r".repeat(1000)));
    }

    @Test
    void archivingNeedsNoReasonAndKeepsOneWhenGiven() {
        Created silent = inStatus("published", freelancer(unique()));
        Created explained = inStatus("published", freelancer(unique()));

        action(silent.id(), "archive", null).then().statusCode(200)
                .body("status", equalTo("archived")).body("$", not(hasKey("statusReason")));
        action(explained.id(), "archive", Map.of("reason", "Har flyttat från länet")).then().statusCode(200)
                .body("status", equalTo("archived")).body("statusReason", equalTo("Har flyttat från länet"));
    }

    @Test
    void publishAndArchiveAcceptAPostWithoutBodyOrContentType() throws Exception {
        Created member = inStatus("pending", freelancer(unique()));

        assertEquals("published", bodilessPost(member.id(), "publish").get("status"));
        assertEquals("archived", bodilessPost(member.id(), "archive").get("status"));
    }

    /** A POST as curl sends it without -d: no body, no Content-Type (REST Assured cannot leave the latter out). */
    private static Map<String, Object> bodilessPost(String id, String action) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString(
                (TestApi.CURATOR + ":" + TestApi.CURATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + MEMBERS + "/" + id + "/" + action))
                .header("Authorization", "Basic " + credentials)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(java.util.Optional.empty(), request.headers().firstValue("Content-Type"));
        return new io.restassured.path.json.JsonPath(response.body()).getMap("$");
    }

    @Test
    void republishingClearsTheArchiveReason() {
        Created member = inStatus("published", freelancer(unique()));
        action(member.id(), "archive", Map.of("reason", "Tillfälligt uppehåll")).then().statusCode(200);

        action(member.id(), "publish", null).then().statusCode(200)
                .body("status", equalTo("published")).body("$", not(hasKey("statusReason")));
    }

    @ParameterizedTest(name = "{0} of an unknown member -> 404")
    @ValueSource(strings = {"publish", "reject", "archive"})
    void actionsOnAnUnknownMemberAre404(String action) {
        assertProblem(action(UUID.randomUUID().toString(), action, Map.of("reason", "Okänd")), 404)
                .body("type", equalTo(PROBLEM_TYPES + "not-found"));
    }

    /**
     * Status, featuring and consents move only through their own operations (OWASP API3): a curator who sends them
     * changed in a PUT of the full record, or in a merge patch, changes none of them.
     */
    @Test
    void aCuratorCannotPublishFeatureOrGiveConsentThroughTheRecord() {
        Created pending = inStatus("pending", freelancer(unique()));
        Map<String, Object> before = stored(pending.id());
        Map<String, Object> sneaked = Map.of(
                "status", "published",
                "statusReason", "Published by a field",
                "featuredUntil", TestCuration.today().plusDays(30).toString(),
                "consents", List.of(Map.of("kind", "contactPublic", "given", true, "at", "2020-01-01T00:00:00Z",
                        "source", "curator", "recordedBy", "someone")));

        Map<String, Object> record = new HashMap<>(before);
        record.putAll(sneaked);
        record.put("headline", "Edited " + pending.slug());
        asCurator(record).header("If-Match", pending.etag()).put(MEMBERS + "/" + pending.id()).then().statusCode(200);
        Map<String, Object> afterPut = stored(pending.id());
        assertEquals("Edited " + pending.slug(), afterPut.get("headline"));

        asCurator().contentType(TestApi.MERGE_PATCH_JSON).body(TestApi.json(sneaked))
                .header("If-Match", TestApi.etag(((Number) afterPut.get("version")).longValue()))
                .patch(MEMBERS + "/" + pending.id()).then().statusCode(200);

        Map<String, Object> after = stored(pending.id());
        for (String field : List.of("status", "statusReason", "featuredUntil", "consents")) {
            assertEquals(before.get(field), after.get(field), field);
        }
        assertProblem(TestApi.anonymous().get(MEMBERS + "/" + pending.id()), 404);
    }
}
