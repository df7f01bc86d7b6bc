package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.patch;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers.Created;

@QuarkusTest
class MemberPatchTest {

    @Test
    void mergePatchChangesTheSentFieldsClearsNullsAndKeepsTheRest() {
        Created created = create(TestMembers.freelancer(unique()));
        Map<String, Object> before = stored(created.id());
        Map<String, Object> changes = new HashMap<>();
        changes.put("headline", "Patchad rubrik");
        changes.put("website", null);
        changes.put("languages", List.of("smj", "sv"));

        Response response = patch(created.id(), created.etag(), changes);

        long version = MemberCrudTest.assertNewVersion(response, created);
        response.then()
                .body("headline", equalTo("Patchad rubrik"))
                .body("website", nullValue())
                .body("languages", contains("smj", "sv"));
        Map<String, Object> after = stored(created.id());
        assertEquals(version, ((Number) after.get("version")).longValue());
        for (String unchanged : List.of("name", "slug", "type", "description", "municipality", "serviceArea", "skills",
                "logoUrl", "portfolioLinks", "socialLinks", "email", "phone", "contactPublic", "foundedYear",
                "availableForWork", "createdAt")) {
            assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
        }
    }

    @Test
    void aPatchedListReplacesTheStoredListEntirely() {
        // RFC 7396 does not merge arrays: the two stored links are replaced by the one sent.
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("socialLinks", List.of(TestMembers.link("instagram", "https://www.instagram.com/a"),
                TestMembers.link("vimeo", "https://vimeo.com/a")));
        Created created = create(member);

        patch(created.id(), created.etag(), Map.of("socialLinks", List.of(TestMembers.link("github", "https://github.com/x"))))
                .then().statusCode(200)
                .body("socialLinks.network", contains("github"))
                .body("socialLinks.url", contains("https://github.com/x"));
    }

    @Test
    void aPatchWhoseResultIsInvalidIsRefusedAndChangesNothing() {
        Created created = create(TestMembers.student(unique()));
        Map<String, Object> before = stored(created.id());

        // A student becoming a freelancer keeps school and graduationYear, which only students have.
        assertInvalid(patch(created.id(), created.etag(), Map.of("type", "freelancer", "headline", "Ny")), "school")
                .body("errors.field", contains("graduationYear", "school"));
        Map<String, Object> nameCleared = new HashMap<>();
        nameCleared.put("name", null);
        assertInvalid(patch(created.id(), created.etag(), nameCleared), "name");

        assertEquals(before, stored(created.id()));
    }

    @Test
    void patchRefusesUnknownPropertiesWrongTypesAndNonObjects() {
        Created created = create(TestMembers.freelancer(unique()));
        Map<String, Object> before = stored(created.id());

        assertInvalid(patch(created.id(), created.etag(), Map.of("nickname", "x")), "nickname");
        assertInvalid(patch(created.id(), created.etag(), Map.of("skills", "photography")), "skills");
        assertProblem(patch(created.id(), created.etag(), "[{\"op\": \"replace\"}]"), 400)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "malformed-request"));
        assertProblem(patch(created.id(), created.etag(), "{\"headline\": "), 400)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "malformed-request"));

        assertEquals(before, stored(created.id()));
    }

    @Test
    void patchAsApplicationJsonIs415() {
        Created created = create(TestMembers.freelancer(unique()));
        Map<String, Object> before = stored(created.id());

        assertProblem(asAdmin().contentType(ContentType.JSON).header("If-Match", created.etag())
                .body("{\"headline\": \"x\"}").patch(created.path()), 415)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "unsupported-media-type"));

        assertEquals(before, stored(created.id()));
    }
}
