package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;

/** Requests the service cannot read: bad JSON, wrong media types, oversized bodies, unknown paths. */
@QuarkusTest
class MemberRequestErrorsTest {

    @Inject
    TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"name\": \"Trasig MARKER\", ",
        "{\"name\": \"Trasig MARKER\"} trailing",
        "{\"name\": \"Trasig MARKER\", \"name\": \"Dubbel MARKER\"}",
        "[{\"name\": \"Trasig MARKER\"}]",
        "\"Trasig MARKER\"",
        "{'name': 'Trasig MARKER'}",
    })
    void malformedJsonIs400MalformedRequest(String body) {
        String marker = unique();

        assertProblem(asAdmin().contentType(ContentType.JSON).body(body.replace("MARKER", marker)).post(MEMBERS), 400)
                .body("type", equalTo(PROBLEM_TYPES + "malformed-request"));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anEmptyOrNullBodyIs400() {
        assertProblem(asAdmin().contentType(ContentType.JSON).body("").post(MEMBERS), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).body("null").post(MEMBERS), 400);
    }

    @Test
    void aBodyOver64KiBIs413ProblemAndNothingIsStored() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("description", "x".repeat(70 * 1024));

        assertProblem(asAdmin(member).post(MEMBERS), 413)
                .body("type", equalTo(PROBLEM_TYPES + "payload-too-large"))
                .body("detail", containsString("64 KiB"));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void aBodyJustUnder64KiBIsReadAndValidated() {
        // Proves the 413 above comes from the size: the same body under the limit reaches validation.
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("description", "x".repeat(60 * 1024));

        assertInvalid(asAdmin(member).post(MEMBERS), "description");
    }

    @Test
    void aTextBodyIs415() {
        String marker = unique();

        assertProblem(asAdmin().contentType(ContentType.TEXT).body(TestApi.json(TestMembers.freelancer(marker))).post(MEMBERS),
                415)
                .body("type", equalTo(PROBLEM_TYPES + "unsupported-media-type"));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anUnknownPropertyIsNamed() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("changeSeq", 5);

        assertInvalid(asAdmin(member).post(MEMBERS), "changeSeq")
                .body("errors.detail", hasItem(containsString("unknown property 'changeSeq'")));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void unknownPathsAre404Problems() {
        assertProblem(anonymous().get("/api/v1/no-such-collection"), 404);
        assertProblem(anonymous().get(MEMBERS + "/a/b"), 404);
        assertProblem(anonymous().get("/api/v2/members"), 404);
    }

    @Test
    void anUnsupportedMethodIs405Problem() {
        assertProblem(asAdmin().delete(MEMBERS), 405)
                .body("type", equalTo(PROBLEM_TYPES + "method-not-allowed"));
        assertProblem(asAdmin().delete("/api/v1/municipalities/2580"), 405);
    }
}
