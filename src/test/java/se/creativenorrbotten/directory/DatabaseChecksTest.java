package se.creativenorrbotten.directory;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * The database's own checks on a member's type and status hold, and do not depend on the connection
 * that created them: the pool replaces connections (idle removal, max lifetime) while the database runs.
 */
@QuarkusTest
class DatabaseChecksTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestDatabase database;

    @Test
    void membersCanBeWrittenAfterThePoolHasReplacedEveryConnection() {
        // Closes every pooled connection, among them the one the migrations ran on (in use ones on return).
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);

        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(unique()));
        asAdmin().contentType("application/json").post(member.path() + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"));
    }

    @ParameterizedTest(name = "type {0}, status {1} -> refused")
    @CsvSource({"robot, published", "freelancer, draft", "Freelancer, published", "freelancer, PUBLISHED"})
    void theDatabaseRefusesAnUnknownTypeOrStatus(String type, String status) {
        String marker = unique();

        assertThrows(SQLException.class, () -> insert(marker, type, status));

        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void theDatabaseAcceptsEveryKnownTypeAndStatus() throws SQLException {
        for (String type : new String[] {"agency", "student", "freelancer"}) {
            for (String status : new String[] {"pending", "published", "rejected", "archived"}) {
                String marker = unique();
                insert(marker, type, status);
                assertEquals(1, database.membersMarked(marker), type + " " + status);
                database.update("delete from member where slug = ?", "check-" + marker);
            }
        }
    }

    private void insert(String marker, String type, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into member (id, slug, name, type, municipality_code,"
                        + " contact_public, available_for_work, created_at, updated_at, public_updated_at, version, change_seq,"
                        + " status) values (?, ?, ?, ?, '2580', false, false, ?, ?, ?, 0, 0, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "check-" + marker);
            insert.setString(3, "Check " + marker);
            insert.setString(4, type);
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.setString(8, status);
            insert.executeUpdate();
        }
    }
}
