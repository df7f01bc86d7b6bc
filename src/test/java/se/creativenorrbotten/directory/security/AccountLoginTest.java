package se.creativenorrbotten.directory.security;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.ACCOUNTS;
import static se.creativenorrbotten.directory.security.TestAccounts.IDENTITY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.security.TestAccounts.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * What an account's credentials give: the identity (user name, roles), and that disabling, re-roling and
 * resetting the password take effect at the very next request, although verified passwords are cached.
 */
@QuarkusTest
class AccountLoginTest {

    @Test
    void anAdminIsACuratorToo() {
        TestApi.asAdmin().get(IDENTITY).then().statusCode(200)
                .body("name", equalTo(TestApi.ADMIN)).body("roles", contains("admin", "curator"));
        Created admin = TestAccounts.create("admin");
        admin.as().get(IDENTITY).then().statusCode(200)
                .body("name", equalTo(admin.username())).body("roles", contains("admin", "curator"));
    }

    @Test
    void aCuratorCuratesMembersButMayNotChangeTheTaxonomyOrAccounts() {
        Created curator = TestAccounts.create("curator");
        curator.as().get(IDENTITY).then().statusCode(200)
                .body("name", equalTo(curator.username())).body("roles", contains("curator"));

        // A curator reads the full record (its ETag authorises writes) and writes members ...
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(unique()));
        curator.as().get(member.path()).then().statusCode(200).header("ETag", equalTo(member.etag()));
        curator.as().contentType("application/json").body(TestApi.json(TestMembers.freelancer(unique())))
                .post(TestMembers.MEMBERS).then().statusCode(201);
        // ... but neither changes the taxonomy nor manages accounts.
        assertProblem(curator.as().contentType("application/json").body(TestApi.json(TestSkills.skill(unique())))
                .post(TestSkills.SKILLS), 403);
        assertProblem(curator.as().get(ACCOUNTS), 403);
    }

    @Test
    void unknownUserDisabledAccountAndWrongPasswordAreTheSame401() {
        Created disabled = TestAccounts.create("curator");
        TestAccounts.patch(disabled.id(), Map.of("enabled", false)).then().statusCode(200);
        Created other = TestAccounts.create("curator");

        List<Response> refused = List.of(
                RestAssured.given().auth().preemptive().basic("nobody-" + unique(), "a long password 1").get(IDENTITY),
                disabled.as().get(IDENTITY),
                RestAssured.given().auth().preemptive().basic(other.username(), other.password() + "x").get(IDENTITY));
        List<String> bodies = new ArrayList<>();
        for (Response response : refused) {
            assertUnauthorized(response);
            bodies.add(response.asString());
        }
        assertEquals(bodies.get(0), bodies.get(1));
        assertEquals(bodies.get(0), bodies.get(2));
    }

    @Test
    void disablingAnAccountRefusesItsNextRequestAndEnablingRestoresIt() {
        Created account = TestAccounts.create("admin");
        // Logged in: the password is now in the cache of verified passwords.
        account.as().get(ACCOUNTS).then().statusCode(200);

        TestAccounts.patch(account.id(), Map.of("enabled", false)).then().statusCode(200);
        assertUnauthorized(account.as().get(ACCOUNTS));
        assertUnauthorized(account.as().get(IDENTITY));

        TestAccounts.patch(account.id(), Map.of("enabled", true)).then().statusCode(200);
        account.as().get(ACCOUNTS).then().statusCode(200);
    }

    @Test
    void aRoleChangeTakesEffectAtTheNextRequest() {
        Created account = TestAccounts.create("curator");
        assertProblem(account.as().get(ACCOUNTS), 403);

        TestAccounts.patch(account.id(), Map.of("role", "admin")).then().statusCode(200);
        account.as().get(ACCOUNTS).then().statusCode(200);
        account.as().get(IDENTITY).then().body("roles", contains("admin", "curator"));

        TestAccounts.patch(account.id(), Map.of("role", "curator")).then().statusCode(200);
        assertProblem(account.as().get(ACCOUNTS), 403);
        account.as().get(IDENTITY).then().body("roles", contains("curator"));
    }

    @Test
    void afterAPasswordResetTheOldPasswordIsRefusedAndTheNewOneWorks() {
        Created account = TestAccounts.create("curator");
        account.as().get(IDENTITY).then().statusCode(200);

        TestAccounts.setPassword(account.id(), "the new password 1").then().statusCode(204);

        assertUnauthorized(account.as().get(IDENTITY));
        RestAssured.given().auth().preemptive().basic(account.username(), "the new password 1").get(IDENTITY)
                .then().statusCode(200).body("name", equalTo(account.username()));
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorDemoted() {
        Created second = TestAccounts.create("admin");
        String mainAdmin = null;
        // Leave exactly two enabled admins: the test admin and `second` (other tests' admins are done with).
        for (Map<String, Object> account : allAccounts()) {
            boolean enabledAdmin = "admin".equals(account.get("role")) && Boolean.TRUE.equals(account.get("enabled"));
            if (TestApi.ADMIN.equals(account.get("username"))) {
                mainAdmin = (String) account.get("id");
            } else if (enabledAdmin && !second.id().equals(account.get("id"))) {
                TestAccounts.patch((String) account.get("id"), Map.of("enabled", false)).then().statusCode(200);
            }
        }

        // With two, one may go; a disabled admin does not count as one.
        TestAccounts.patch(second.id(), Map.of("enabled", false)).then().statusCode(200);
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("enabled", false), Map.of("role", "curator"),
                Map.of("role", "curator", "enabled", true))) {
            assertProblem(TestAccounts.patch(mainAdmin, change), 409)
                    .body("type", equalTo(TestApi.PROBLEM_TYPES + "conflict"));
        }
        asAdmin().get(ACCOUNTS + "/" + mainAdmin).then().body("role", equalTo("admin")).body("enabled", equalTo(true));
        asAdmin().get(ACCOUNTS).then().statusCode(200);

        // A disabled admin is no last admin: it may be demoted.
        TestAccounts.patch(second.id(), Map.of("role", "curator")).then().statusCode(200);
    }

    private static List<Map<String, Object>> allAccounts() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath list = asAdmin().queryParam("page", page).queryParam("size", 100).get(ACCOUNTS)
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(list.getList("items"));
            if (all.size() >= list.getLong("total") || list.getList("items").isEmpty()) {
                return all;
            }
        }
    }
}
