package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers;

/** Anyone may apply to be listed: the application waits, pending, for a curator; nothing of it is public before. */
@QuarkusTest
class ApplicationTest {

    static final String APPLICATIONS = "/api/v1/applications";
    private static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    @Inject
    TestDatabase database;

    /** A valid application: a member's fields without notes and contactPublic, plus the consents. */
    static Map<String, Object> application(String marker, boolean contactPublic) {
        Map<String, Object> body = new LinkedHashMap<>(TestMembers.freelancer(marker));
        body.remove("contactPublic");
        body.put("consents", new LinkedHashMap<>(Map.of("contactPublic", contactPublic, "privacyNotice", true)));
        return body;
    }

    static Response apply(Object body) {
        return anonymous().contentType(ContentType.JSON).body(TestApi.json(body)).post(APPLICATIONS);
    }

    @Test
    void anApplicationWaitsPendingForACurator() {
        String marker = unique();

        Response response = apply(application(marker, true));

        response.then().statusCode(202).contentType(ContentType.JSON)
                .body("reference", matchesPattern(UUID_PATTERN))
                .body("message", not(equalTo(null)));
        String id = response.jsonPath().getString("reference");
        asCurator().get(MEMBERS + "/" + id).then().statusCode(200)
                .body("status", equalTo("pending"))
                .body("name", equalTo("Testmedlem " + marker))
                .body("contactPublic", equalTo(true))
                .body("$", not(hasKey("notes")))
                .body("consents.kind", contains("contactPublic", "privacyNotice"))
                .body("consents.given", contains(true, true))
                .body("consents.source", contains("application", "application"))
                .body("consents.recordedBy", contains("applicant", "applicant"));
        List<Map<String, Object>> history = TestCuration.history(id);
        assertEquals(1, history.size(), history::toString);
        assertEquals("submitted", history.get(0).get("action"));
        assertEquals("applicant", history.get(0).get("actor"));
        assertEquals("status", history.get(0).get("field"));
        assertEquals("pending", history.get(0).get("newValue"));
        assertProblem(anonymous().get(MEMBERS + "/" + id), 404);
        anonymous().queryParam("q", marker).get(MEMBERS).then().statusCode(200).body("total", equalTo(0));
        asCurator().queryParam("q", marker).queryParam("status", "pending").get(MEMBERS).then().statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void anApplicationSaysWhatTheApplicantSeeksAndOffers() {
        Map<String, Object> body = application(unique(), false);
        body.put("seeks", List.of("internship", "assignments"));
        body.put("offers", List.of("collaboration"));

        String id = apply(body).then().statusCode(202).extract().jsonPath().getString("reference");

        asCurator().get(MEMBERS + "/" + id).then().statusCode(200)
                .body("status", equalTo("pending"))
                .body("seeks", contains("assignments", "internship"))
                .body("offers", contains("collaboration"));
    }

    @Test
    void anApplicantCannotPublishOrFeatureThemselves() {
        String marker = unique();
        Map<String, Object> body = application(marker, false);
        body.put("status", "published");
        body.put("featuredUntil", TestCuration.today().plusDays(3).toString());

        String id = apply(body).then().statusCode(202).extract().jsonPath().getString("reference");

        asCurator().get(MEMBERS + "/" + id).then().statusCode(200).body("status", equalTo("pending"))
                .body("$", not(hasKey("featuredUntil"))).body("consents.given", contains(false, true));
        assertProblem(anonymous().get(MEMBERS + "/" + id), 404);
    }

    static Stream<Arguments> invalidApplications() {
        return Stream.of(
                invalid("without consents", "consents", a -> a.remove("consents")),
                invalid("consents not an object", "consents", a -> a.put("consents", true)),
                invalid("privacyNotice false", "consents.privacyNotice", a -> consents(a).put("privacyNotice", false)),
                invalid("privacyNotice missing", "consents.privacyNotice", a -> consents(a).remove("privacyNotice")),
                invalid("contactPublic consent missing", "consents.contactPublic", a -> consents(a).remove("contactPublic")),
                invalid("contactPublic consent a string", "consents.contactPublic", a -> consents(a).put("contactPublic", "ja")),
                invalid("an unknown consent", "consents.newsletter", a -> consents(a).put("newsletter", true)),
                invalid("contactPublic outside consents", "contactPublic", a -> a.put("contactPublic", true)),
                invalid("notes", "notes", a -> a.put("notes", "Jag är bäst")),
                invalid("an unknown skill", "skills[0]", a -> a.put("skills", List.of("tidsresor"))),
                invalid("an unknown opportunity", "offers[1]", a -> a.put("offers", List.of("mentoring", "sponsring"))),
                invalid("a name of 121 characters", "name", a -> a.put("name", "N".repeat(121))),
                invalid("no name", "name", a -> a.remove("name")),
                invalid("a bad e-mail", "email", a -> a.put("email", "inte en adress")),
                invalid("an unknown property", "favouriteColour", a -> a.put("favouriteColour", "blå")));
    }

    private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(named(name, change), field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consents(Map<String, Object> application) {
        return (Map<String, Object>) application.get("consents");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("invalidApplications")
    void anInvalidApplicationIs400NamingTheFieldAndStoresNothing(Consumer<Map<String, Object>> change, String field) {
        String marker = unique();
        Map<String, Object> body = application(marker, true);
        change.accept(body);

        assertInvalid(apply(body), field);

        assertEquals(0, database.membersMarked(marker));
    }

    @ParameterizedTest(name = "{0} -> 400 malformed")
    @ValueSource(strings = {"{\"name\": \"Trasig MARKER\", ", "[]", "\"MARKER\"", "null", "{'name': 'MARKER'}"})
    void malformedJsonIs400(String body) {
        String marker = unique();

        assertProblem(anonymous().contentType(ContentType.JSON).body(body.replace("MARKER", marker)).post(APPLICATIONS), 400)
                .body("type", equalTo(PROBLEM_TYPES + "malformed-request"));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anApplicationMustBeJson() {
        String marker = unique();

        assertProblem(anonymous().contentType(ContentType.TEXT).body(TestApi.json(application(marker, true)))
                .post(APPLICATIONS), 415).body("type", equalTo(PROBLEM_TYPES + "unsupported-media-type"));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anApplicationOver64KiBIs413() {
        String marker = unique();
        Map<String, Object> body = application(marker, true);
        body.put("description", "x".repeat(70 * 1024));

        assertProblem(apply(body), 413).body("type", equalTo(PROBLEM_TYPES + "payload-too-large"));

        assertEquals(0, database.membersMarked(marker));
        body.put("description", "x".repeat(60 * 1024)); // under the limit: refused by the field's own limit instead
        assertInvalid(apply(body), "description");
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeAnApplicationButNothingIsKept() {
        String marker = unique();
        Map<String, Object> bot = application(marker, true);
        bot.put("homepage", "https://spam.example");
        long pendingBefore = pendingCount();

        Response response = apply(bot);

        response.then().statusCode(202).contentType(ContentType.JSON).body("reference", matchesPattern(UUID_PATTERN))
                .body("message", not(equalTo(null)));
        assertProblem(asCurator().get(MEMBERS + "/" + response.jsonPath().getString("reference")), 404);
        assertEquals(0, database.membersMarked(marker));
        assertEquals(pendingBefore, pendingCount());
    }

    @ParameterizedTest(name = "homepage {0} -> kept")
    @ValueSource(strings = {"\"\"", "\"  \"", "null"})
    void anEmptyHoneypotIsAPerson(String homepage) {
        String marker = unique();
        String body = TestApi.json(application(marker, false)).replaceFirst("^\\{", "{\"homepage\": " + homepage + ", ");

        String id = anonymous().contentType(ContentType.JSON).body(body).post(APPLICATIONS).then().statusCode(202)
                .extract().jsonPath().getString("reference");

        asCurator().get(MEMBERS + "/" + id).then().statusCode(200).body("status", equalTo("pending"));
        assertEquals(1, database.membersMarked(marker));
    }

    @Test
    void aCuratorPublishesAnApplication() {
        String marker = unique();
        String id = apply(application(marker, true)).then().statusCode(202).extract().jsonPath().getString("reference");

        TestCuration.action(id, "publish", null).then().statusCode(200).body("status", equalTo("published"));

        anonymous().get(MEMBERS + "/" + id).then().statusCode(200).body("email", startsWith("kontakt-" + marker));
    }

    private static long pendingCount() {
        return asCurator().queryParam("status", "pending").queryParam("size", 1).get(MEMBERS).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }
}
