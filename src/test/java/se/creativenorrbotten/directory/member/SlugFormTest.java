package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * A slug never has the form of a member id, and GET /members/{idOrSlug} reads only the canonical form of a UUID
 * as an id: a member named like another member's id cannot take over the other's links.
 */
@QuarkusTest
class SlugFormTest {

    private static final String ID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    TestDatabase database;

    @Inject
    MemberUpgrade upgrade;

    /** The exploit of issue 8: the impostor got the victim's id as its slug, and links opened the victim. */
    @Test
    void aMemberNamedLikeAnotherMembersIdGetsASlugThatIsNoId() {
        Created victim = create(TestMembers.freelancer(unique()));
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("name", victim.id());

        Created impostor = create(body);

        assertNotEquals(victim.id(), impostor.slug());
        assertFalse(impostor.slug().matches(ID_FORM), impostor.slug());
        assertEquals("member-" + victim.id(), impostor.slug());
        anonymous().get(TestMembers.MEMBERS + "/" + victim.id()).then().statusCode(200).body("id", equalTo(victim.id()));
        anonymous().get(TestMembers.MEMBERS + "/" + impostor.slug()).then().statusCode(200).body("id", equalTo(impostor.id()));
    }

    @Test
    void anIdInCapitalsOrWithSpacesGivesNoIdFormEither() {
        String id = UUID.randomUUID().toString();
        for (String name : new String[] {id.toUpperCase(Locale.ROOT), id.replace('-', ' '), " " + id + " ", id.replace("-", " - ")}) {
            Map<String, Object> body = TestMembers.freelancer(unique());
            body.put("name", name);
            Created created = create(body);
            assertFalse(created.slug().matches(ID_FORM), name + " gave " + created.slug());
            fullRecord(created.slug()).then().statusCode(200).body("id", equalTo(created.id()));
        }
    }

    /**
     * UUID.fromString takes "000000001-002-0003-0004-000000000005" (36 characters) as an id; such a text is a slug
     * here, as only the canonical 8-4-4-4-12 form is read as an id, so the member it names is found.
     */
    @Test
    void aNonCanonicalIdFormIsReadAsASlug() {
        String digits = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String name = "00000000" + digits.charAt(11) + " 002 0003 0004 " + digits;
        String slug = name.replace(' ', '-');
        assertEquals(36, slug.length());
        UUID.fromString(slug); // the JDK would take it for an id
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("name", name);

        Created created = create(body);

        assertEquals(slug, created.slug());
        anonymous().get(TestMembers.MEMBERS + "/" + slug).then().statusCode(200).body("id", equalTo(created.id()));
        fullRecord(slug).then().statusCode(200).body("id", equalTo(created.id()));
    }

    @Test
    void theCanonicalIdFormIsReadAsAnIdInAnyCase() {
        Created created = create(TestMembers.freelancer(unique()));

        anonymous().get(TestMembers.MEMBERS + "/" + created.id().toUpperCase(Locale.ROOT)).then().statusCode(200)
                .body("id", equalTo(created.id()));
        anonymous().get(TestMembers.MEMBERS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** A member stored before the rule with a slug of the id form gets a new slug at the next start. */
    @Test
    void anIdFormSlugFromBeforeIsReplacedAndTheNameSkeletonFilledIn() {
        UUID id = UUID.randomUUID();
        String slug = UUID.randomUUID().toString();
        Timestamp then = Timestamp.from(Instant.parse("2025-01-01T10:00:00Z"));
        database.update("insert into member (id, slug, name, type, municipality_code, contact_public, available_for_work,"
                + " created_at, updated_at, version, change_seq, status, public_version, public_updated_at)"
                + " values (?, ?, ?, 'freelancer', '2580', false, false, ?, ?, 3, 1, 'published', 3, ?)",
                id, slug, slug, then, then, then);

        assertTrue(upgrade.upgrade() >= 2);

        String now = fullRecord(id.toString()).then().statusCode(200).extract().path("slug");
        assertEquals("member-" + slug, now);
        assertEquals(0, database.count("select count(*) from member where name_skeleton is null"));
        anonymous().get(TestMembers.MEMBERS + "/" + now).then().statusCode(200).body("id", equalTo(id.toString()))
                .body("version", equalTo(4));
        assertEquals(0, upgrade.upgrade());
    }
}
