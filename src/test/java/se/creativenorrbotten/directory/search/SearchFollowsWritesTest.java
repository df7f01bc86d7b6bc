package se.creativenorrbotten.directory.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.member;
import static se.creativenorrbotten.directory.search.SearchApi.names;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * The index follows the database: writes through the API are searchable (or gone) when their response
 * arrives; writes by another instance (straight into the database here) are picked up by the poll, also
 * when transactions commit out of order.
 */
@QuarkusTest
class SearchFollowsWritesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createUpdateAndDeleteAreVisibleInTheNextSearch() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        TestMembers.Created created = member(marker, skill, "Kvarnström Foto", "Porträtt", null);
        assertThat(names(skill, "kvarnstrom"), contains("Kvarnström Foto"));

        Map<String, Object> changed = TestMembers.freelancer(marker);
        changed.put("name", "Lindqvist Film");
        changed.put("skills", List.of(skill));
        TestMembers.put(created.id(), created.etag(), changed).then().statusCode(200);
        assertThat(names(skill, "kvarnstrom"), empty());
        assertThat(names(skill, "lindqvist"), contains("Lindqvist Film"));

        TestMembers.patch(created.id(), TestMembers.fullRecord(created.id()).header("ETag"), Map.of("headline", "Drönarfoto"))
                .then().statusCode(200);
        assertThat(names(skill, "dronarfoto"), contains("Lindqvist Film"));

        asAdmin().delete(TestMembers.MEMBERS + "/" + created.id()).then().statusCode(204);
        assertThat(names(skill, "lindqvist"), empty());
        assertEquals(0, SearchApi.search(Map.of("skill", skill)).getLong("total"));
    }

    @Test
    void renamingASkillReindexesItsMembers() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        member(marker, skill, "Bergström Ateljé", null, null);
        Map<String, Object> renamed = TestSkills.skill(marker);
        renamed.put("nameSv", "Glasblåsning " + marker);
        asAdmin(renamed).put(TestSkills.SKILLS + "/" + skill).then().statusCode(200);
        assertThat(names(skill, "glasblasning " + marker), contains("Bergström Ateljé"));
        assertEquals("Glasblåsning " + marker, SearchApi.search(Map.of("skill", skill)).getString("facets.skill.find { it.value == '"
                + skill + "' }.label"));
    }

    @Test
    void writesOfAnotherInstanceArePickedUpFromTheDatabase() throws SQLException {
        String marker = unique();
        String skill = TestSkills.create(marker);
        try (Connection c = dataSource.getConnection()) {
            insertMember(c, "Extern Studio " + marker, skill);
        }
        awaitTrue(() -> names(skill, "extern").size() == 1, "the poll indexes a write made outside this instance");
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsNotMissed() throws Exception {
        String marker = unique();
        String skill = TestSkills.create(marker);
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            insertMember(slow, "Långsam " + marker, skill);
            insertMember(fast, "Snabb " + marker, skill);
            fast.commit();
            awaitTrue(() -> names(skill, "snabb").size() == 1, "the later change is indexed (by a poll that saw the gap)");
            slow.commit();
        }
        awaitTrue(() -> names(skill, "langsam").size() == 1, "the earlier change, committed later, is indexed too");
    }

    /** Inserts a member the way another instance would: a new place in the change sequence, no event here; its id. */
    static UUID insertMember(Connection c, String name, String skill) throws SQLException {
        long seq;
        try (PreparedStatement next = c.prepareStatement(nextValue(c)); ResultSet rs = next.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("insert into member (id, slug, name, type, municipality_code,"
                + " contact_public, available_for_work, created_at, updated_at, public_updated_at, version, change_seq)"
                + " values (?, ?, ?, 'freelancer', '2581', false, true, ?, ?, ?, 0, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            insert.setObject(1, id);
            insert.setString(2, "extern-" + id);
            insert.setString(3, name);
            insert.setObject(4, now);
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.setLong(7, seq);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into member_skill (member_id, position, skill_slug) values (?, 0, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, skill);
            insert.executeUpdate();
        }
        return id;
    }

    private static String nextValue(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                ? "select nextval('member_change_seq')" : "select next value for member_change_seq";
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
