package se.creativenorrbotten.directory.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.ACCOUNTS;
import static se.creativenorrbotten.directory.security.TestAccounts.body;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.common.time.MovingTime;
import se.creativenorrbotten.directory.security.TestAccounts.Created;

@QuarkusTest
class AccountCrudTest extends MovingTime {

    /** Fragments of a bcrypt hash or of the password's name that must never appear in an accounts response. */
    private static final List<String> SECRETS = List.of("$2a$", "$2b$", "$2y$", "passwordHash", "password_hash", "\"password\"");

    @Test
    void createAnswers201WithLocationAndTheAccountWithoutItsPassword() {
        String username = "new-" + unique();
        String password = "a long password " + unique();

        Response response = asAdmin(body(username, password, "curator")).post(ACCOUNTS);

        response.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith(ACCOUNTS + "/" + response.path("id")))
                .body("username", equalTo(username))
                .body("role", equalTo("curator"))
                .body("enabled", equalTo(true))
                .body("password", nullValue())
                .body("passwordHash", nullValue());
        assertEquals(Map.of("id", "", "username", "", "role", "", "enabled", "", "createdAt", "", "updatedAt", "").keySet(),
                response.jsonPath().getMap("$").keySet());
        UUID.fromString(response.path("id"));
        assertEquals(response.<String>path("createdAt"), response.path("updatedAt"));
        assertNoSecret(response, password);
        JsonPath stored = asAdmin().get(response.header("Location")).then().statusCode(200).extract().jsonPath();
        assertEquals(response.jsonPath().getMap("$"), stored.getMap("$"));
    }

    @Test
    void theUserNameIsStoredAndMatchedInLowerCase() {
        String username = "Mixed.Case-" + unique();
        String password = "a long password " + unique();

        asAdmin(body(username, password, "curator")).post(ACCOUNTS)
                .then().statusCode(201).body("username", equalTo(username.toLowerCase()));
        TestApi.anonymous().auth().preemptive().basic(username.toUpperCase(), password).get(TestAccounts.IDENTITY)
                .then().statusCode(200).body("name", equalTo(username.toLowerCase()));
    }

    @Test
    void aTakenUserNameIsAConflictWhateverItsCase() {
        Created existing = TestAccounts.create("curator");

        assertProblem(asAdmin(body(existing.username(), "another password 1", "admin")).post(ACCOUNTS), 409)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "conflict"));
        assertProblem(asAdmin(body(existing.username().toUpperCase(), "another password 1", "admin")).post(ACCOUNTS), 409);
        // The existing account is unchanged: still a curator with its own password.
        asAdmin().get(existing.path()).then().statusCode(200).body("role", equalTo("curator"));
        existing.as().get(TestAccounts.IDENTITY).then().statusCode(200);
    }

    @Test
    void anUnknownIdIs404() {
        assertProblem(asAdmin().get(ACCOUNTS + "/" + UUID.randomUUID()), 404);
        assertProblem(TestAccounts.patch(UUID.randomUUID().toString(), Map.of("enabled", false)), 404);
        assertProblem(TestAccounts.setPassword(UUID.randomUUID().toString(), "a long password 1"), 404);
    }

    @Test
    void theListIsPagedInUserNameOrder() {
        String prefix = "list-" + unique();
        for (String suffix : List.of("c", "a", "b")) {
            asAdmin(body(prefix + "-" + suffix, "a long password 1", "curator")).post(ACCOUNTS).then().statusCode(201);
        }

        List<Map<String, Object>> all = new ArrayList<>();
        long total = -1;
        for (int page = 1; total < 0 || all.size() < total; page++) {
            JsonPath list = asAdmin().queryParam("page", page).queryParam("size", 2).get(ACCOUNTS)
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .body("page", equalTo(page)).body("size", equalTo(2)).extract().jsonPath();
            total = list.getLong("total");
            List<Map<String, Object>> items = list.getList("items");
            assertTrue(items.size() <= 2 && (items.size() == 2 || all.size() + items.size() == total), "page " + page);
            all.addAll(items);
        }
        List<String> usernames = all.stream().map(a -> (String) a.get("username")).toList();
        assertEquals(usernames.stream().sorted(Comparator.naturalOrder()).toList(), usernames);
        assertEquals(usernames.stream().distinct().count(), total);
        int first = usernames.indexOf(prefix + "-a");
        assertEquals(List.of(prefix + "-a", prefix + "-b", prefix + "-c"), usernames.subList(first, first + 3));
        assertTrue(usernames.contains(TestApi.ADMIN));
    }

    @Test
    void theListHasADefaultAndABoundedPageSize() {
        asAdmin().get(ACCOUNTS).then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(20));
        TestApi.assertInvalid(asAdmin().queryParam("size", 101).get(ACCOUNTS), "size");
        TestApi.assertInvalid(asAdmin().queryParam("page", 0).get(ACCOUNTS), "page");
        TestApi.assertInvalid(asAdmin().queryParam("page", "x").get(ACCOUNTS), "page");
    }

    @Test
    void patchChangesRoleAndEnabledAndKeepsWhatItDoesNotName() {
        Created account = TestAccounts.create("curator");
        Instant created = Instant.parse(asAdmin().get(account.path()).path("createdAt"));
        clock.advance(Duration.ofSeconds(1));

        TestAccounts.patch(account.id(), Map.of("role", "admin")).then().statusCode(200)
                .body("role", equalTo("admin")).body("enabled", equalTo(true));
        Response disabled = TestAccounts.patch(account.id(), Map.of("enabled", false));
        disabled.then().statusCode(200).body("role", equalTo("admin")).body("enabled", equalTo(false))
                .body("createdAt", equalTo(created.toString()));
        assertTrue(Instant.parse(disabled.path("updatedAt")).isAfter(created));
        TestAccounts.patch(account.id(), Map.of()).then().statusCode(200)
                .body("role", equalTo("admin")).body("enabled", equalTo(false));
        TestAccounts.patch(account.id(), Map.of("role", "curator", "enabled", true)).then().statusCode(200)
                .body("role", equalTo("curator")).body("enabled", equalTo(true));
        asAdmin().get(account.path()).then().body("role", equalTo("curator")).body("enabled", equalTo(true));
    }

    @Test
    void aPasswordResetAnswers204AndChangesOnlyThePassword() {
        Created account = TestAccounts.create("curator");
        Map<String, Object> before = asAdmin().get(account.path()).then().extract().jsonPath().getMap("$");

        TestAccounts.setPassword(account.id(), "a brand new password").then().statusCode(204);

        Map<String, Object> after = asAdmin().get(account.path()).then().extract().jsonPath().getMap("$");
        assertNotEquals(before.get("updatedAt"), after.get("updatedAt"));
        after.remove("updatedAt");
        before.remove("updatedAt");
        assertEquals(before, after);
    }

    @Test
    void noAccountsResponseEverCarriesAPasswordOrItsHash() {
        String password = "a secret password " + unique();
        Response created = asAdmin(body("secret-" + unique(), password, "curator")).post(ACCOUNTS);
        String id = created.path("id");
        List<Response> responses = List.of(created,
                asAdmin().get(ACCOUNTS + "/" + id),
                asAdmin().queryParam("size", 100).get(ACCOUNTS),
                TestAccounts.patch(id, Map.of("role", "admin")),
                TestAccounts.patch(id, Map.of("enabled", false)),
                TestAccounts.setPassword(id, password + "2"),
                asAdmin(body(created.path("username"), password, "curator")).post(ACCOUNTS),
                asAdmin(body("x", password, "curator")).post(ACCOUNTS),
                TestAccounts.patch(id, Map.of("password", password)));
        for (Response response : responses) {
            assertNoSecret(response, password);
        }
    }

    private static void assertNoSecret(Response response, String password) {
        String body = response.asString();
        assertFalse(body.contains(password), body);
        for (String secret : SECRETS) {
            if (response.statusCode() < 400 || !secret.equals("\"password\"")) {
                assertFalse(body.contains(secret), () -> "'" + secret + "' in " + body);
            }
        }
    }
}
