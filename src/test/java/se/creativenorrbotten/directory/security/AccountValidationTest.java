package se.creativenorrbotten.directory.security;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.ACCOUNTS;
import static se.creativenorrbotten.directory.security.TestAccounts.body;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.security.TestAccounts.Created;

/** Bad input is a 400 problem naming each bad field, and changes nothing. */
@QuarkusTest
class AccountValidationTest {

    private static final String PASSWORD = "a long password 1";

    @Inject
    TestDatabase database;

    @Test
    void anEmptyAccountNamesEveryMissingField() {
        assertInvalid(asAdmin("{}").post(ACCOUNTS), "username")
                .body("errors.field", contains("password", "role", "username"));
    }

    @ParameterizedTest(name = "user name \"{0}\"")
    @ValueSource(strings = {"ab", "with space", "colon:in", ".leading-dot", "-leading-dash", "åsa-öberg", ""})
    void aBadUserNameIsRefused(String username) {
        assertInvalid(asAdmin(body(username, PASSWORD, "curator")).post(ACCOUNTS), "username")
                .body("errors.detail", contains(containsString("3 to 64 characters")));
    }

    @Test
    void aUserNameWithATabIsRefusedByTheTextRules() {
        // Control characters are refused in every string of a body before the user-name rule looks at it.
        assertInvalid(asAdmin(body("tab\there", PASSWORD, "curator")).post(ACCOUNTS), "username")
                .body("errors.detail", contains(containsString("must be a single line: contains a tab (U+0009)")));
    }

    @Test
    void aUserNameOf64CharactersIsTheLongestAllowed() {
        String base = "long-" + unique();
        String longest = base + "x".repeat(64 - base.length());
        asAdmin(body(longest, PASSWORD, "curator")).post(ACCOUNTS).then().statusCode(201);
        assertInvalid(asAdmin(body(longest + "y", PASSWORD, "curator")).post(ACCOUNTS), "username");
    }

    @Test
    void anEmailAddressIsAUserName() {
        String email = "anna." + unique() + "@example.se";
        asAdmin(body(email, PASSWORD, "curator")).post(ACCOUNTS).then().statusCode(201).body("username", equalTo(email));
    }

    @ParameterizedTest(name = "password of {0}")
    @ValueSource(strings = {"11 characters", "73 ASCII bytes", "37 two-byte letters"})
    void aPasswordOutsideTheLimitsIsRefused(String which) {
        String password = switch (which) {
            case "11 characters" -> "12345678901";
            case "73 ASCII bytes" -> "a".repeat(73);
            default -> "ä".repeat(37);
        };
        String username = "pw-" + unique();

        assertInvalid(asAdmin(body(username, password, "curator")).post(ACCOUNTS), "password")
                .body("errors.field", contains("password"))
                .body("detail", containsString(which.startsWith("11") ? "at least 12 characters" : "72 bytes"));
        assertEquals(0, database.count("select count(*) from account where username = ?", username));
    }

    @Test
    void passwordsAtTheLimitsAreAccepted() {
        for (String password : new String[] {"123456789012", "a".repeat(72), "ä".repeat(36), "\uD83C\uDFA8".repeat(12)}) {
            Created account = created(password);
            // HTTP Basic in UTF-8, as the challenge's charset="UTF-8" asks (REST Assured's own basic() uses ISO-8859-1).
            String credentials = java.util.Base64.getEncoder().encodeToString(
                    (account.username() + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            TestApi.anonymous().header("Authorization", "Basic " + credentials).get(TestAccounts.IDENTITY)
                    .then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "role {0}")
    @ValueSource(strings = {"\"superuser\"", "\"Admin\"", "1", "null", "[\"admin\"]"})
    void anUnknownRoleIsRefused(String role) {
        String body = "{\"username\": \"role-" + unique() + "\", \"password\": \"" + PASSWORD + "\", \"role\": " + role + "}";
        assertInvalid(asAdmin(body).post(ACCOUNTS), "role");
    }

    @Test
    void anUnknownPropertyIsRefused() {
        Map<String, Object> account = body("extra-" + unique(), PASSWORD, "curator");
        account.put("enabled", false);
        assertInvalid(asAdmin(account).post(ACCOUNTS), "enabled")
                .body("detail", containsString("unknown property 'enabled'"));
        account.remove("enabled");
        account.put("passwordHash", "$2a$10$e4ZrcpIN19NBWMuGsOWiJOGjnKmbOX9ofJtGz6Tsbs6mee6hats.C");
        assertInvalid(asAdmin(account).post(ACCOUNTS), "passwordHash");
    }

    @Test
    void aBodyThatIsNoJsonObjectIsMalformed() {
        assertProblem(asAdmin("{\"username\": ").post(ACCOUNTS), 400)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "malformed-request"));
        assertProblem(asAdmin("[]").post(ACCOUNTS), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).post(ACCOUNTS), 400);
        assertProblem(asAdmin().contentType(ContentType.TEXT).body("x").post(ACCOUNTS), 415);
    }

    @Test
    void aBadPatchIsRefusedAndChangesNothing() {
        Created account = TestAccounts.create("curator");
        Map<String, Object> nullRole = new HashMap<>();
        nullRole.put("role", null);
        Map<String, Object> nullEnabled = new HashMap<>();
        nullEnabled.put("enabled", null);

        assertInvalid(TestAccounts.patch(account.id(), nullRole), "role");
        assertInvalid(TestAccounts.patch(account.id(), nullEnabled), "enabled");
        assertInvalid(TestAccounts.patch(account.id(), Map.of("role", "owner")), "role");
        assertInvalid(TestAccounts.patch(account.id(), Map.of("enabled", "false")), "enabled");
        assertInvalid(TestAccounts.patch(account.id(), Map.of("enabled", 0)), "enabled");
        assertInvalid(TestAccounts.patch(account.id(), Map.of("password", "a new long password")), "password");
        assertInvalid(TestAccounts.patch(account.id(), Map.of("username", "renamed-" + unique())), "username");
        assertProblem(TestAccounts.patch(account.id(), "[]"), 400)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "malformed-request"));
        assertProblem(TestAccounts.patch(account.id(), "{"), 400)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "malformed-request"));
        assertProblem(asAdmin(Map.of("enabled", false)).patch(account.path()), 415);

        asAdmin().get(account.path()).then().statusCode(200)
                .body("username", equalTo(account.username())).body("role", equalTo("curator")).body("enabled", equalTo(true));
        account.as().get(TestAccounts.IDENTITY).then().statusCode(200);
    }

    @Test
    void aBadNewPasswordIsRefusedAndTheOldOneStays() {
        Created account = TestAccounts.create("curator");

        assertInvalid(TestAccounts.setPassword(account.id(), "too short"), "password");
        assertInvalid(asAdmin("{}").put(account.path() + "/password"), "password");
        assertInvalid(asAdmin(Map.of("password", "a new long password", "username", "x")).put(account.path() + "/password"),
                "username");

        account.as().get(TestAccounts.IDENTITY).then().statusCode(200);
    }

    private Created created(String password) {
        String username = "limit-" + unique();
        String id = asAdmin(body(username, password, "curator")).post(ACCOUNTS).then().statusCode(201).extract().path("id");
        return new Created(id, username, password);
    }
}
