package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;
import static se.creativenorrbotten.directory.member.TestMembers.put;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

@QuarkusTest
class MemberCrudTest {

    /** The application's clock: what it stamps is compared with its own time. */
    @Inject
    Clock clock;

    @Inject
    TestDatabase database;

    @Test
    void createAnswers201WithLocationETagAndTheFullRecord() {
        String marker = unique();
        Map<String, Object> agency = TestMembers.agency(marker);
        Instant before = clock.instant().minusSeconds(5);

        Created created = create(agency);

        assertEquals(created.id(), UUID.fromString(created.id()).toString());
        assertEquals("testmedlem-" + marker, created.slug());
        assertEquals(TestApi.etag(created.version()), created.etag());
        Map<String, Object> body = created.body().getMap("$");
        for (String field : agency.keySet()) {
            assertEquals(agency.get(field), body.get(field), field);
        }
        Instant createdAt = Instant.parse(created.body().getString("createdAt"));
        assertTrue(createdAt.isAfter(before), "createdAt " + createdAt);
        assertEquals(created.body().getString("createdAt"), created.body().getString("updatedAt"));
        assertEquals(2, database.count("select count(*) from member_skill where member_id = ?", UUID.fromString(created.id())));
    }

    @Test
    void membersAreFoundByIdAndBySlug() {
        Created created = create(TestMembers.freelancer(unique()));

        for (String key : new String[] {created.id(), created.slug()}) {
            anonymous().get(MEMBERS + "/" + key).then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("id", equalTo(created.id()))
                    .body("slug", equalTo(created.slug()))
                    .body("name", equalTo(created.body().getString("name")));
        }
    }

    @Test
    void slugIsTheFoldedNameAndTakenSlugsGetNumberedSuffixes() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "Åsa Öberg Design " + marker);

        String first = create(member).slug();
        String second = create(member).slug();
        String third = create(member).slug();

        assertEquals("asa-oberg-design-" + marker, first);
        assertEquals(first + "-2", second);
        assertEquals(first + "-3", third);
        fullRecord(second).then().statusCode(200).body("name", equalTo("Åsa Öberg Design " + marker));
    }

    @Test
    void slugOfALongNameIsCutTo80Characters() {
        // 79 characters, then a word break: the dash and the next word would make the slug 81 characters.
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "a".repeat(69) + marker + " bcd efg");

        Created created = create(member);

        assertEquals("a".repeat(69) + marker, created.slug());
    }

    @Test
    void numberedSuffixOnAnEightyCharacterSlugKeepsItWellFormed() {
        // The slug is exactly 80 characters with a dash at position 78, where the suffix "-2" must go.
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "a".repeat(67) + marker + " bc");
        String first = create(member).slug();
        assertEquals(80, first.length());

        String second = create(member).slug();

        assertTrue(second.length() <= 80, second);
        assertTrue(second.matches("^[a-z0-9]+(-[a-z0-9]+)*-2$"), second);
        assertTrue(second.startsWith("a".repeat(67) + marker), second);
    }

    @Test
    void textIsTrimmedAndBlankOptionalTextIsStoredAsNull() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "  Trimmad " + marker + "  ");
        member.put("headline", "   ");

        Created created = create(member);

        assertEquals("Trimmad " + marker, created.body().getString("name"));
        fullRecord(created.id()).then().statusCode(200)
                .body("name", equalTo("Trimmad " + marker))
                .body("headline", nullValue());
    }

    @Test
    void putReplacesTheMemberClearsOmittedFieldsAndKeepsTheSlug() {
        String marker = unique();
        Created created = create(TestMembers.freelancer(marker));
        Map<String, Object> replacement = TestMembers.student(marker);
        replacement.put("name", "Omdöpt " + marker);
        replacement.put("skills", List.of("photography"));
        replacement.remove("website");
        replacement.remove("socialLinks");

        Response response = put(created.id(), created.etag(), replacement);
        long version = assertNewVersion(response, created);
        response.then()
                .body("name", equalTo("Omdöpt " + marker))
                .body("slug", equalTo(created.slug()))
                .body("type", equalTo("student"))
                .body("school", equalTo("Luleå tekniska universitet"))
                .body("graduationYear", equalTo(2027))
                .body("foundedYear", nullValue())
                .body("skills", contains("photography"))
                .body("website", nullValue())
                .body("socialLinks", equalTo(List.of()));

        fullRecord(created.id()).then().statusCode(200)
                .header("ETag", TestApi.etag(version))
                .body("name", equalTo("Omdöpt " + marker))
                .body("skills", contains("photography"))
                .body("website", nullValue())
                .body("createdAt", equalTo(created.body().getString("createdAt")));
        assertEquals(1, database.count("select count(*) from member_skill where member_id = ?", UUID.fromString(created.id())));
    }

    @Test
    void theFullRecordCanBePutBackAndItsReadOnlyFieldsAreIgnored() {
        Created created = create(TestMembers.agency(unique()));
        Map<String, Object> record = TestMembers.stored(created.id());
        record.put("headline", "Sent back " + created.slug());
        record.put("id", UUID.randomUUID().toString());
        record.put("slug", "another-slug");
        record.put("createdAt", "2001-01-01T00:00:00Z");
        record.put("updatedAt", "2001-01-01T00:00:00Z");
        record.put("version", 999);

        Response response = put(created.id(), created.etag(), record);
        assertNewVersion(response, created);
        response.then()
                .body("id", equalTo(created.id()))
                .body("slug", equalTo(created.slug()))
                .body("createdAt", equalTo(created.body().getString("createdAt")))
                .body("headline", equalTo("Sent back " + created.slug()));

        Map<String, Object> unchanged = TestMembers.stored(created.id());
        String etag = TestApi.etag(((Number) unchanged.get("version")).longValue());
        put(created.id(), etag, unchanged).then().statusCode(200).body("headline", equalTo("Sent back " + created.slug()));
    }

    /** A successful write answers 200 with a higher version than before and that version as its ETag. */
    static long assertNewVersion(Response response, Created before) {
        response.then().statusCode(200).contentType(ContentType.JSON);
        long version = response.jsonPath().getLong("version");
        assertTrue(version > before.version(), "version " + version + " after " + before.version());
        assertEquals(TestApi.etag(version), response.header("ETag"));
        return version;
    }

    @Test
    void deleteRemovesTheMemberAndLeavesOnlyATombstone() {
        Created created = create(TestMembers.freelancer(unique()));
        UUID id = UUID.fromString(created.id());

        asAdmin().delete(created.path()).then().statusCode(204);

        assertProblem(anonymous().get(created.path()), 404);
        assertProblem(fullRecord(created.slug()), 404);
        assertEquals(1, database.count("select count(*) from member_tombstone where member_id = ?", id));
        assertEquals(0, database.count("select count(*) from member where id = ?", id));
        assertEquals(0, database.count("select count(*) from member_skill where member_id = ?", id));
        assertEquals(0, database.count("select count(*) from member_social_link where member_id = ?", id));
        assertProblem(asAdmin().delete(created.path()), 404);
    }

    @Test
    void deleteWithTheCurrentIfMatchSucceeds() {
        Created created = create(TestMembers.freelancer(unique()));

        asAdmin().header("If-Match", created.etag()).delete(created.path()).then().statusCode(204);

        assertProblem(fullRecord(created.id()), 404);
    }

    @Test
    void unknownMembersAre404() {
        String randomId = UUID.randomUUID().toString();
        assertProblem(anonymous().get(MEMBERS + "/no-such-member-" + unique()), 404)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "not-found"));
        assertProblem(fullRecord(randomId), 404);
        assertProblem(put(randomId, "\"0\"", TestMembers.freelancer(unique())), 404);
        assertProblem(TestMembers.patch(randomId, "\"0\"", Map.of("headline", "x")), 404);
        assertProblem(asAdmin().delete(MEMBERS + "/" + randomId), 404);
        assertProblem(put("not-a-uuid", "\"0\"", TestMembers.freelancer(unique())), 404);
    }

    @Test
    void theCuratorViewHasEveryFieldAndTheFullRecordETag() {
        Created created = create(TestMembers.student(unique()));

        fullRecord(created.id()).then()
                .statusCode(200)
                .header("ETag", created.etag())
                .body("$", hasKey("email"))
                .body("$", hasKey("phone"))
                .body("contactPublic", equalTo(false))
                .body("school", equalTo("Luleå tekniska universitet"))
                .body("organisationNumber", nullValue())
                .body("updatedAt", notNullValue())
                .body("$", not(hasKey("changeSeq")));
    }
}
