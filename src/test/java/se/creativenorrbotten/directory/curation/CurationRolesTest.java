package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.freelancer;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Who may curate: curators and admins may do every member and curation operation; the public gets a 401
 * with a Basic challenge and changes nothing; a curator is refused (403) what only an admin may do.
 */
@QuarkusTest
class CurationRolesTest {

    @Inject
    TestDatabase database;

    /** A curation request: method, path ({id} is the member's), query and JSON body. */
    record Call(String method, String path, Map<String, String> query, Object body) {
        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query.keySet().iterator().next());
        }

        RequestSpecification on(RequestSpecification request) {
            query.forEach(request::queryParam);
            if (body != null) {
                request.contentType(ContentType.JSON).body(TestApi.json(body));
            }
            return request;
        }
    }

    static Stream<Call> curationCalls() {
        String member = MEMBERS + "/{id}";
        return Stream.of(
                new Call("POST", MEMBERS, Map.of("status", "pending"), freelancer(unique())),
                new Call("POST", member + "/publish", Map.of(), Map.of()),
                new Call("POST", member + "/reject", Map.of(), Map.of("reason", "Nej")),
                new Call("POST", member + "/archive", Map.of(), Map.of()),
                new Call("PUT", member + "/feature", Map.of(), Map.of("until", TestCuration.today().toString())),
                new Call("DELETE", member + "/feature", Map.of(), null),
                new Call("GET", member + "/history", Map.of(), null),
                new Call("GET", member + "/export", Map.of(), null),
                new Call("GET", MEMBERS, Map.of("status", "pending"), null),
                new Call("GET", MEMBERS, Map.of("status", "published"), null),
                new Call("GET", MEMBERS, Map.of("stale", "true"), null),
                new Call("GET", MEMBERS, Map.of("stale", "false"), null));
    }

    static Stream<Arguments> curationCallsWithoutValidCredentials() {
        Map<String, Supplier<RequestSpecification>> callers = Map.of(
                "no credentials", RestAssured::given,
                "the curator's name with a wrong password",
                () -> RestAssured.given().auth().preemptive().basic(TestApi.CURATOR, "wrong-password"),
                "an unknown user", () -> RestAssured.given().auth().preemptive().basic("mallory", TestApi.CURATOR_PASSWORD));
        return curationCalls().flatMap(call -> callers.entrySet().stream()
                .map(caller -> Arguments.of(call, named(caller.getKey(), caller.getValue()))));
    }

    @ParameterizedTest(name = "{0} with {1} -> 401")
    @MethodSource("curationCallsWithoutValidCredentials")
    void curationWithoutValidCredentialsIs401AndChangesNothing(Call call, Supplier<RequestSpecification> caller) {
        asCurator(); // the curator exists, so a wrong password is wrong and not unknown
        String marker = unique();
        Created member = TestCuration.create("pending", freelancer(marker));
        Map<String, Object> before = stored(member.id());

        var response = call.on(caller.get()).request(call.method(), call.path().replace("{id}", member.id()));

        assertUnauthorized(response).body("type", equalTo(PROBLEM_TYPES + "unauthorized"));
        assertEquals(before, stored(member.id()));
        assertEquals(1, database.count("select count(*) from member_history where member_id = ?",
                java.util.UUID.fromString(member.id())));
    }

    static Stream<Arguments> curators() {
        return Stream.of(Arguments.of(named("curator", (Supplier<RequestSpecification>) TestApi::asCurator), TestApi.CURATOR),
                Arguments.of(named("admin", (Supplier<RequestSpecification>) TestApi::asAdmin), TestApi.ADMIN));
    }

    /** Each operation in an order the workflow allows; the history then names the caller for every step. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("curators")
    void curatorsAndAdminsMayDoEveryMemberOperation(Supplier<RequestSpecification> as, String user) {
        String marker = unique();
        String path = as.get().contentType(ContentType.JSON).body(TestApi.json(freelancer(marker)))
                .queryParam("status", "pending").post(MEMBERS)
                .then().statusCode(201).body("status", equalTo("pending")).extract().header("Location");
        String id = path.substring(path.lastIndexOf('/') + 1);
        String member = MEMBERS + "/" + id;

        as.get().get(member).then().statusCode(200).body("status", equalTo("pending"));
        as.get().queryParam("status", "pending").queryParam("q", marker).get(MEMBERS).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as.get().contentType(ContentType.JSON).post(member + "/publish").then().statusCode(200).body("status", equalTo("published"));
        as.get().contentType(ContentType.JSON).body("{\"until\": \"" + TestCuration.today() + "\"}").put(member + "/feature")
                .then().statusCode(200).body("featuredUntil", equalTo(TestCuration.today().toString()));
        as.get().delete(member + "/feature").then().statusCode(200);
        String etag = as.get().get(member).header("ETag");
        etag = as.get().contentType(TestApi.MERGE_PATCH_JSON).body("{\"headline\": \"Ny rubrik\"}")
                .header("If-Match", etag).patch(member).then().statusCode(200).extract().header("ETag");
        Map<String, Object> replaced = freelancer(marker);
        replaced.put("name", "Omdöpt " + marker);
        as.get().contentType(ContentType.JSON).body(TestApi.json(replaced)).header("If-Match", etag).put(member)
                .then().statusCode(200).body("name", equalTo("Omdöpt " + marker));
        as.get().contentType(ContentType.JSON).post(member + "/archive").then().statusCode(200).body("status", equalTo("archived"));
        as.get().queryParam("stale", "false").queryParam("q", marker).get(MEMBERS).then().statusCode(200);
        as.get().get(member + "/history").then().statusCode(200)
                .body("items.actor", everyItem(equalTo(user)))
                .body("items.action", hasItem("archived"));
        as.get().get(member + "/export").then().statusCode(200).body("member.id", equalTo(id));
        as.get().delete(member).then().statusCode(204);
        assertEquals(0, database.membersMarked(marker));
    }

    @ParameterizedTest(name = "curator {0} -> 403")
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void aCuratorMayNotChangeTheSkillTaxonomy(String method) {
        String marker = unique();
        String existing = TestSkills.create(marker);
        Map<String, Object> body = TestSkills.skill(unique());
        String path = method.equals("POST") ? TestSkills.SKILLS : TestSkills.SKILLS + "/" + existing;
        Map<String, Object> before = skill(existing);

        assertProblem(asCurator(body).request(method, path), 403)
                .body("type", equalTo(PROBLEM_TYPES + "forbidden"));

        assertEquals(before, skill(existing));
        assertProblem(anonymous().get(TestSkills.SKILLS + "/" + body.get("slug")), 404);
    }

    @Test
    void theAdminMayChangeTheSkillTaxonomy() {
        // The counterpart of the 403s above: the same request with the admin's role succeeds.
        String existing = TestSkills.create(unique());
        Map<String, Object> renamed = TestSkills.skill(unique());
        renamed.remove("slug");
        TestApi.asAdmin(renamed).put(TestSkills.SKILLS + "/" + existing).then().statusCode(200)
                .body("nameSv", startsWith("Testförmåga"));
    }

    private static Map<String, Object> skill(String slug) {
        return anonymous().get(TestSkills.SKILLS + "/" + slug).then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
