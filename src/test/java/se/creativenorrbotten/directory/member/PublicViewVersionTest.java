package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;
import static se.creativenorrbotten.directory.member.TestMembers.patch;
import static se.creativenorrbotten.directory.member.TestMembers.put;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * Private edits stay private: the public view's ETag, version and updatedAt change only when what the public
 * sees changes; a write that changes nothing changes nothing (no version, date, history or index write).
 */
@QuarkusTest
class PublicViewVersionTest {

    @Inject
    TestDatabase database;

    /** The public view's ETag, version and updatedAt. */
    private record Seen(String etag, long version, String updatedAt) {
    }

    private static Seen publicView(Created member) {
        Response response = anonymous().get(member.path());
        response.then().statusCode(200);
        return new Seen(response.header("ETag"), response.jsonPath().getLong("version"), response.jsonPath().getString("updatedAt"));
    }

    private static String etag(Created member) {
        return fullRecord(member.id()).then().statusCode(200).extract().header("ETag");
    }

    private long changeSeq(Created member) {
        return database.count("select change_seq from member where id = ?", UUID.fromString(member.id()));
    }

    /** The exploit of issue 8: a notes-only edit changed the public ETag ("7-public"), version and updatedAt. */
    @Test
    void aNotesOnlyEditLeavesThePublicViewAsItWas() {
        Created created = create(TestMembers.freelancer(unique()));
        Seen before = publicView(created);

        patch(created.id(), created.etag(), Map.of("notes", "Ringde i december, allt stämmer.")).then().statusCode(200)
                .header("ETag", not(equalTo(created.etag())));

        assertEquals(before, publicView(created));
        Map<String, Object> full = stored(created.id());
        assertEquals(created.version() + 1, ((Number) full.get("version")).longValue());
        assertFalse(Instant.parse((String) full.get("updatedAt")).isBefore(Instant.parse(before.updatedAt())));
    }

    /** The list items (and the updated sort) use the public date too; the index follows a write before it answers. */
    @Test
    void listItemsShowThePublicDate() {
        String marker = unique();
        Created created = create(TestMembers.freelancer(marker));
        Seen before = publicView(created);

        patch(created.id(), created.etag(), Map.of("notes", "Privat anteckning")).then().statusCode(200);

        anonymous().queryParam("q", marker).get(TestMembers.MEMBERS).then().statusCode(200)
                .body("items.updatedAt", equalTo(List.of(before.updatedAt())));
        TestApi.asAdmin().queryParam("q", marker).queryParam("status", "published").get(TestMembers.MEMBERS).then()
                .statusCode(200).body("items.updatedAt", equalTo(List.of(before.updatedAt())));
    }

    @Test
    void aConsentThatShowsNothingNewLeavesThePublicViewAsItWas() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.remove("email");
        body.remove("phone");
        Created created = create(body);
        Seen before = publicView(created);

        patch(created.id(), created.etag(), Map.of("contactPublic", true)).then().statusCode(200)
                .body("contactPublic", equalTo(true));

        assertEquals(before, publicView(created));
        assertNotEquals(created.etag(), etag(created));
    }

    @Test
    void aConsentThatShowsTheEmailChangesThePublicView() {
        Created created = create(TestMembers.freelancer(unique()));
        Seen before = publicView(created);

        patch(created.id(), created.etag(), Map.of("contactPublic", true)).then().statusCode(200);

        Seen after = publicView(created);
        assertNotEquals(before.etag(), after.etag());
        assertEquals(before.version() + 1, after.version());
        assertEquals("\"" + after.version() + "-public\"", after.etag());
        assertEquals(stored(created.id()).get("updatedAt"), after.updatedAt());
        anonymous().get(created.path()).then().body("email", equalTo(created.body().getString("email")));
    }

    @Test
    void aPublicFieldEditChangesBothViews() {
        Created created = create(TestMembers.freelancer(unique()));
        Seen before = publicView(created);

        patch(created.id(), created.etag(), Map.of("headline", "Ny rubrik")).then().statusCode(200);

        Seen after = publicView(created);
        assertNotEquals(before.etag(), after.etag());
        assertEquals(before.version() + 1, after.version());
        assertEquals(stored(created.id()).get("updatedAt"), after.updatedAt());
        assertNotEquals(created.etag(), etag(created));
    }

    /** The exploit of issue 8: PATCH {} bumped the version without a history entry and staled other curators' If-Match. */
    @Test
    void anEmptyPatchChangesNothing() {
        Created created = create(TestMembers.freelancer(unique()));
        Map<String, Object> before = stored(created.id());
        Seen publicBefore = publicView(created);
        int history = TestCuration.history(created.id()).size();
        long seq = changeSeq(created);

        patch(created.id(), created.etag(), Map.of()).then().statusCode(200).header("ETag", created.etag())
                .body("version", equalTo((int) created.version()));

        assertEquals(before, stored(created.id()));
        assertEquals(publicBefore, publicView(created));
        assertEquals(history, TestCuration.history(created.id()).size());
        assertEquals(seq, changeSeq(created));
        // Another curator who read the member before still holds a valid ETag.
        patch(created.id(), created.etag(), Map.of("headline", "Another curator's change")).then().statusCode(200);
    }

    /** A PUT or PATCH that sends what is stored (read-only properties included, as a front-end sends them back) too. */
    @Test
    void writingBackWhatIsStoredChangesNothing() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("notes", "En anteckning");
        Created created = create(body);
        Map<String, Object> before = stored(created.id());
        long seq = changeSeq(created);
        int history = TestCuration.history(created.id()).size();

        put(created.id(), created.etag(), before).then().statusCode(200).header("ETag", created.etag());
        patch(created.id(), created.etag(), Map.of("headline", body.get("headline"), "notes", " En anteckning ",
                "skills", body.get("skills"))).then().statusCode(200).header("ETag", created.etag());

        assertEquals(before, stored(created.id()));
        assertEquals(seq, changeSeq(created));
        assertEquals(history, TestCuration.history(created.id()).size());
    }

    @Test
    void publishingAndFeaturingChangeThePublicView() {
        Created pending = TestCuration.create("pending", TestMembers.freelancer(unique()));
        anonymous().get(pending.path()).then().statusCode(404);

        TestCuration.action(pending.id(), "publish", null).then().statusCode(200);
        Seen published = publicView(pending);
        assertEquals(pending.version() + 1, published.version());

        TestCuration.feature(pending.id(), TestCuration.today().plusDays(3)).then().statusCode(200);
        Seen featured = publicView(pending);
        assertEquals(published.version() + 1, featured.version());
        assertEquals("\"" + featured.version() + "-public-featured\"", featured.etag());

        // Featuring through the same day again changes nothing.
        String etag = etag(pending);
        int history = TestCuration.history(pending.id()).size();
        TestCuration.feature(pending.id(), TestCuration.today().plusDays(3)).then().statusCode(200);
        assertEquals(etag, etag(pending));
        assertEquals(featured, publicView(pending));
        assertEquals(history, TestCuration.history(pending.id()).size());
    }

    /** A notes edit of a member the public cannot see does not count as a change of its (absent) public view. */
    @Test
    void rejectingAnApplicationLeavesThePublicVersionAlone() {
        Created pending = TestCuration.create("pending", TestMembers.freelancer(unique()));
        TestCuration.action(pending.id(), "reject", Map.of("reason", "Inte ett kreativt företag")).then().statusCode(200);

        assertEquals(0, database.count("select public_version from member where id = ?", UUID.fromString(pending.id())));
        assertTrue(TestApi.asAdmin().get(pending.path()).then().statusCode(200).extract().jsonPath().getLong("version") > 0);
    }
}
