package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;
import static se.creativenorrbotten.directory.member.TestMembers.patch;
import static se.creativenorrbotten.directory.member.TestMembers.put;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * No listing impersonates another: names are stored without invisible characters and with plain spaces, a
 * word mixing Latin with Cyrillic or Greek letters is refused (400), and a name that only looks like another
 * member's is refused (409, naming that member) on every write path: create, PUT, PATCH and applications.
 */
@QuarkusTest
class LookAlikeNameTest {

    @Inject
    TestDatabase database;

    private static Map<String, Object> named(String name) {
        Map<String, Object> body = TestMembers.freelancer(unique());
        body.put("name", name);
        return body;
    }

    private static Response post(Map<String, Object> body) {
        return asAdmin(body).post(TestMembers.MEMBERS);
    }

    private static Response apply(Map<String, Object> member) {
        Map<String, Object> body = new LinkedHashMap<>(member);
        body.remove("contactPublic");
        body.put("consents", Map.of("contactPublic", false, "privacyNotice", true));
        return TestApi.anonymous().contentType(ContentType.JSON).body(TestApi.json(body)).post("/api/v1/applications");
    }

    @Test
    void invisibleCharactersAndUnicodeSpacesAreNormalisedAway() {
        String marker = unique();
        Created created = create(named("\u00A0Paco\u200B\u2003\u2003Design\u00AD " + marker + "\uFEFF"));

        assertEquals("Paco Design " + marker, created.body().getString("name"));
        fullRecord(created.id()).then().statusCode(200).body("name", equalTo("Paco Design " + marker))
                .body("slug", equalTo("paco-design-" + marker));
    }

    /** Normalised, the zero-width twin is the very same name: allowed, as two members may share a name. */
    @Test
    void aZeroWidthTwinIsTheSameNameAndGetsTheNextSlug() {
        String marker = unique();
        Created original = create(named("Paco Design " + marker));

        Created twin = create(named("Pa\u200Bco\u00A0Design " + marker));

        fullRecord(twin.id()).then().body("name", equalTo("Paco Design " + marker));
        assertEquals(original.slug() + "-2", twin.slug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0420aco", "Pac\u043E", "P\u03B1co", "\u0391cme", "Des\u0456gn"})
    void aWordMixingLatinWithCyrillicOrGreekIsRefused(String word) {
        assertInvalid(post(named(word + " " + unique())), "name")
                .body("errors.detail", hasItem(containsString(word)));
        assertInvalid(apply(named(word + " " + unique())), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0420\u0430\u0441\u043E", "\uFF30\uFF41\uFF43\uFF4F", "\u03A1\u03B1\u03F2\u03BF"})
    void aNameThatOnlyLooksLikeAnotherMembersIsAConflictNamingIt(String lookAlike) {
        String marker = unique();
        Created original = create(named("Paco " + marker));

        assertProblem(post(named(lookAlike + " " + marker)), 409)
                .body("type", equalTo(PROBLEM_TYPES + "conflict"))
                .body("detail", containsString("'" + original.slug() + "'"))
                .body("errors.field", hasItem("name"));
        assertProblem(apply(named(lookAlike + " " + marker)), 409)
                .body("detail", containsString("'" + original.slug() + "'"));
        assertEquals(0, database.count("select count(*) from member where name = ?",
                lookAlike + " " + marker));
    }

    @Test
    void latinLookAlikesAreConflictsToo() {
        String marker = unique();
        Created original = create(named("Milla Modem " + marker));

        assertProblem(post(named("MiIla Modem " + marker)), 409).body("detail", containsString(original.slug()));
        assertProblem(post(named("Mi1la Modern " + marker)), 409).body("detail", containsString(original.slug()));
    }

    /** To the public, a look-alike of a member that is not public is refused without naming it. */
    @Test
    void anApplicationLikeAPendingMemberIsRefusedWithoutNamingIt() {
        String marker = unique();
        Map<String, Object> pending = named("Paco " + marker);
        String slug = asAdmin(pending).queryParam("status", "pending").post(TestMembers.MEMBERS).then().statusCode(201)
                .extract().path("slug");

        assertProblem(apply(named("\u0420\u0430\u0441\u043E " + marker)), 409)
                .body("detail", not(containsString(slug)))
                .body("detail", containsString("another member"));
    }

    @Test
    void renamingToALookAlikeIsRefusedByPutAndPatch() {
        String marker = unique();
        create(named("Paco " + marker));
        Map<String, Object> body = named("Other " + marker);
        Created other = create(body);

        body.put("name", "\u0420\u0430\u0441\u043E " + marker);
        assertProblem(put(other.id(), other.etag(), body), 409);
        assertProblem(patch(other.id(), other.etag(), Map.of("name", "\uFF30aco " + marker)), 409);
        assertInvalid(patch(other.id(), other.etag(), Map.of("name", "P\u0430co " + marker)), "name");
        patch(other.id(), other.etag(), Map.of("name", "Other\u00A0\u200B" + marker)).then().statusCode(200)
                .body("name", equalTo("Other " + marker));
        fullRecord(other.id()).then().body("name", equalTo("Other " + marker));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Åsa Öberg Design", "Mäkelä & Söner Ékonomi", "Ellen-Ánde Đuolbma", "Čohkkiras Šiŋŋe Žá",
            "Ŧeahtta Ŋoađđi", "Tornionlaakson Meänkieli", "Москва Design", "Ühlmann Ørsted"})
    void swedishSamiAndMeankieliNamesStayAsTheyAre(String name) {
        String full = name + " " + unique();

        Created created = create(named(full));

        fullRecord(created.id()).then().body("name", equalTo(full));
    }
}
