package se.creativenorrbotten.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory made before curation (schema version 3, as issues 2 and 3 left it) upgrades in place: its
 * members stay public, each gets its contactPublic setting as a first consent record, and its admin keeps
 * logging in (user names become lower case). Plain Flyway on an H2 file database of its own, closed between
 * the steps as a service restart closes it.
 */
class MigrationUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void aDirectoryFromBeforeCurationUpgradesWithItsMembersPublicAndTheirConsentsRecorded() throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("directory");
        flyway(url, "3").migrate();
        UUID consented = UUID.randomUUID();
        UUID notConsented = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            insertMember(s, consented, "before-a", true);
            insertMember(s, notConsented, "before-b", false);
            s.executeUpdate("insert into account (id, username, password_hash, role, created_at)"
                    + " values (random_uuid(), 'Admin', '$2a$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234', 'admin',"
                    + " timestamp with time zone '2025-01-01 10:00:00+00')");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(2, count(s, "select count(*) from member where status = 'published'"));
            assertEquals(1, count(s, "select count(*) from member_consent where member_id = '" + consented
                    + "' and kind = 'contactPublic' and given = true and source = 'curator' and actor = 'migration'"
                    + " and at = timestamp with time zone '2025-01-02 10:00:00+00'"));
            assertEquals(1, count(s, "select count(*) from member_consent where member_id = '" + notConsented
                    + "' and kind = 'contactPublic' and given = false"));
            assertEquals(1, count(s, "select count(*) from account where username = 'admin' and enabled = true"
                    + " and updated_at = created_at"));
            // The public view starts from the member's version and date, so its public ETag stays as it was.
            assertEquals(2, count(s, "select count(*) from member where public_version = version"
                    + " and public_updated_at = updated_at and name_skeleton is null"));
            // Members from before seek and offer nothing; each is a set (an opportunity once per member).
            assertEquals(0, count(s, "select count(*) from member_seeks") + count(s, "select count(*) from member_offers"));
            s.executeUpdate("insert into member_offers (member_id, opportunity) values ('" + consented + "', 'internship')");
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "insert into member_offers (member_id, opportunity) values ('" + consented + "', 'internship')"));
            // The checks still hold after the upgrade (and are spelled without IN on H2).
            assertThrows(SQLException.class, () -> s.executeUpdate("update member set status = 'deleted'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("update account set role = 'owner'"));
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "", "").target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
    }

    private static void insertMember(Statement s, UUID id, String slug, boolean contactPublic) throws SQLException {
        s.executeUpdate("insert into member (id, slug, name, type, municipality_code, contact_public, available_for_work,"
                + " created_at, updated_at, version, change_seq) values ('" + id + "', '" + slug + "', 'Member " + slug
                + "', 'freelancer', '2580', " + contactPublic + ", false, timestamp with time zone '2025-01-01 10:00:00+00',"
                + " timestamp with time zone '2025-01-02 10:00:00+00', 0, 1)");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
