package se.creativenorrbotten.directory.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * Erasure (GDPR art. 17): the member's rows go, the history keeps only who did what when, a tombstone
 * remains, and no text column of any table holds the member's name, e-mail, phone or notes.
 */
@QuarkusTest
class ErasureTest {

    private static final List<String> MEMBER_TABLES = List.of("member_skill", "member_service_area", "member_language",
            "member_seeks", "member_offers", "member_portfolio_link", "member_social_link", "member_consent");
    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    @Inject
    TestDatabase database;

    @Inject
    AgroalDataSource dataSource;

    /** A member with a bit of everything: history, a consent given and withdrawn, a feature, notes, a status reason. */
    static Created richMember(String name, String email, String phone, String notes) {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("notes", notes);
        body.put("contactPublic", true);
        body.put("seeks", List.of("assignments", "collaboration"));
        body.put("offers", List.of("mentoring"));
        Created member = TestCuration.create("pending", body);
        TestCuration.action(member.id(), "publish", Map.of("reason", "Godkänd: " + name)).then().statusCode(200);
        TestMembers.patch(member.id(), "\"1\"", Map.of("contactPublic", false, "headline", name + " igen"))
                .then().statusCode(200);
        TestCuration.feature(member.id(), TestCuration.today().plusDays(5)).then().statusCode(200);
        TestCuration.action(member.id(), "archive", Map.of("reason", "Begärd radering av " + email)).then().statusCode(200);
        TestCuration.action(member.id(), "publish", null).then().statusCode(200);
        return member;
    }

    @Test
    void erasureLeavesOnlyAScrubbedHistoryAndATombstone() throws SQLException {
        String secret = unique();
        String name = "Raderas Ateljé " + secret;
        String email = "radera-" + secret + "@example.se";
        String phone = "+46 76-" + secret.replaceAll("[^0-9]", "0").substring(0, 7);
        String notes = "Kund sedan 2019, hemlighet " + secret;
        Created member = richMember(name, email, phone, notes);
        UUID id = UUID.fromString(member.id());
        long entries = database.count("select count(*) from member_history where member_id = ?", id);
        assertTrue(entries >= 6, "the member has a history to scrub: " + entries);
        for (String text : List.of(name, email, phone, notes)) {
            assertTrue(textColumnsContaining(text).contains("MEMBER." + column(text, name, email, phone)),
                    () -> "the scan finds '" + text + "' before erasure: " + textColumnsContainingQuietly(text));
        }

        asCurator().delete(member.path()).then().statusCode(204);

        assertEquals(0, database.count("select count(*) from member where id = ?", id));
        for (String table : MEMBER_TABLES) {
            assertEquals(0, database.count("select count(*) from " + table + " where member_id = ?", id), table);
        }
        assertEquals(entries + 1, database.count("select count(*) from member_history where member_id = ?", id));
        assertEquals(0, database.count("select count(*) from member_history where member_id = ?"
                + " and (old_value is not null or new_value is not null or reason is not null)", id));
        assertEquals(1, database.count("select count(*) from member_history where member_id = ? and action = 'erased'"
                + " and actor = 'test-curator'", id));
        assertEquals(1, database.count("select count(*) from member_tombstone where member_id = ?"
                + " and deleted_at is not null and change_seq > 0", id));
        assertEquals(List.of(), textColumnsContaining(name));
        assertEquals(List.of(), textColumnsContaining(email));
        assertEquals(List.of(), textColumnsContaining(phone));
        assertEquals(List.of(), textColumnsContaining(notes));
        assertEquals(List.of(), textColumnsContaining(secret));
    }

    @Test
    void anErasedMemberIsGoneFromEveryEndpoint() {
        String secret = unique();
        Created member = richMember("Borta Studio " + secret, "borta-" + secret + "@example.se", "+46 70-111 22 33",
                "Anteckning " + secret);
        anonymous().queryParam("q", secret).get(MEMBERS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(member.id()));

        asCurator().delete(member.path()).then().statusCode(204);

        assertProblem(asCurator().get(member.path()), 404);
        assertProblem(anonymous().get(MEMBERS + "/" + member.slug()), 404);
        assertProblem(asCurator().get(member.path() + "/history"), 404);
        assertProblem(asCurator().get(member.path() + "/export"), 404);
        assertProblem(asCurator().delete(member.path()), 404);
        anonymous().queryParam("q", secret).get(MEMBERS).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        asCurator().queryParam("q", secret).queryParam("status", "published").queryParam("status", "archived")
                .get(MEMBERS).then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        anonymous().queryParam("q", secret).get(MEMBERS + "/suggest").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    private static String column(String text, String name, String email, String phone) {
        return text.equals(name) ? "NAME" : text.equals(email) ? "EMAIL" : text.equals(phone) ? "PHONE" : "NOTES";
    }

    private List<String> textColumnsContainingQuietly(String text) {
        try {
            return textColumnsContaining(text);
        } catch (SQLException e) {
            return List.of(e.toString());
        }
    }

    /** "TABLE.COLUMN" (upper case) of every text column, in every table of the schema, whose value contains the text. */
    private List<String> textColumnsContaining(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String quote = meta.getIdentifierQuoteString().trim();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_TYPE").toUpperCase().contains("TABLE")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("member_history")), tables::toString);
            for (String table : tables) {
                try (ResultSet columns = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                    while (columns.next()) {
                        if (!TEXT_TYPES.contains(columns.getInt("DATA_TYPE"))) {
                            continue;
                        }
                        String column = columns.getString("COLUMN_NAME");
                        String sql = "select count(*) from " + quote + table + quote + " where " + quote + column + quote
                                + " like ?";
                        try (PreparedStatement s = c.prepareStatement(sql)) {
                            s.setString(1, "%" + text.replace("%", "\\%").replace("_", "\\_") + "%");
                            try (ResultSet rs = s.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.add((table + "." + column).toUpperCase(java.util.Locale.ROOT));
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
