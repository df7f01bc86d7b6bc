package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Every write needs a curator's credentials: without them, or with wrong ones, 401 with a Basic challenge and no change. */
@QuarkusTest
class WriteAuthorizationTest {

    private static Created member;
    private static String skill;

    @Inject
    TestDatabase database;

    /** A write request: method, path ({member} and {skill} are filled in), content type and a body made from a marker. */
    record Write(String method, String path, String contentType, Function<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> writesWithoutValidCredentials() {
        String json = "application/json";
        List<Write> writes = List.of(
                new Write("POST", TestMembers.MEMBERS, json, TestMembers::freelancer),
                new Write("PUT", TestMembers.MEMBERS + "/{member}", json, TestMembers::freelancer),
                new Write("PATCH", TestMembers.MEMBERS + "/{member}", TestApi.MERGE_PATCH_JSON, m -> Map.of("headline", m)),
                new Write("DELETE", TestMembers.MEMBERS + "/{member}", null, m -> null),
                new Write("POST", TestSkills.SKILLS, json, TestSkills::skill),
                new Write("PUT", TestSkills.SKILLS + "/{skill}", json, m -> Map.of("nameSv", m, "nameEn", m, "branch", "fashion")),
                new Write("DELETE", TestSkills.SKILLS + "/{skill}", null, m -> null));
        Map<String, Supplier<RequestSpecification>> credentials = Map.of(
                "no credentials", RestAssured::given,
                "wrong password", () -> RestAssured.given().auth().preemptive().basic(TestApi.ADMIN, "not-the-password"),
                "unknown user", () -> RestAssured.given().auth().preemptive().basic("mallory", TestApi.ADMIN_PASSWORD));
        return writes.stream().flatMap(write -> credentials.entrySet().stream()
                .map(entry -> Arguments.of(write, named(entry.getKey(), entry.getValue()))));
    }

    @ParameterizedTest(name = "{0} with {1} -> 401")
    @MethodSource("writesWithoutValidCredentials")
    void writesWithoutValidCredentialsAre401AndChangeNothing(Write write, Supplier<RequestSpecification> caller) {
        ensureTargets();
        Map<String, Object> memberBefore = TestMembers.stored(member.id());
        Map<String, Object> skillBefore = skillNow();
        String marker = unique();
        RequestSpecification request = caller.get().header("If-Match", member.etag());
        Object body = write.body().apply(marker);
        if (body != null) {
            request.contentType(write.contentType()).body(TestApi.json(body));
        }

        assertUnauthorized(request.request(write.method(), write.path().replace("{member}", member.id())
                .replace("{skill}", skill)));

        assertEquals(memberBefore, TestMembers.stored(member.id()));
        assertEquals(skillBefore, skillNow());
        assertEquals(0, database.membersMarked(marker));
        assertProblem(RestAssured.get(TestSkills.SKILLS + "/test-skill-" + marker), 404);
    }

    private static Map<String, Object> skillNow() {
        return RestAssured.get(TestSkills.SKILLS + "/" + skill).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The member and skill that the refused writes aim at, made on first use. */
    private static synchronized void ensureTargets() {
        if (member == null) {
            String marker = unique();
            skill = TestSkills.create(marker);
            member = TestMembers.create(TestMembers.freelancer(marker));
        }
    }
}
