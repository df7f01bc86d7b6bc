package se.creativenorrbotten.directory.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.IDENTITY;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.security.TestAccounts.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Failed logins are throttled per user name: the tenth failure within a minute blocks the user name (429
 * with Retry-After), even with the right password, and nobody else. Both limits are raised in the %test
 * profile (all tests share 127.0.0.1, and many send wrong passwords for the admin); this class puts the
 * per-account limit back to its default in a profile of its own. LoginThrottleClientTest checks the
 * per-client limit.
 */
@QuarkusTest
@TestProfile(LoginThrottleAccountTest.AccountLimit.class)
class LoginThrottleAccountTest {

    public static class AccountLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.login.max-failures", "10");
        }
    }

    private static final int MAX_FAILURES = 10;

    @Test
    void tenFailedLoginsBlockTheUserNameEvenWithTheRightPassword() {
        Created target = TestAccounts.create("curator");
        Created bystander = TestAccounts.create("curator");

        for (int i = 1; i < MAX_FAILURES; i++) {
            assertUnauthorized(wrongPassword(target.username()));
        }
        assertThrottled(wrongPassword(target.username()));
        assertThrottled(target.as().get(IDENTITY));
        assertThrottled(given().auth().preemptive().basic(target.username().toUpperCase(), target.password()).get(IDENTITY));

        // Not everybody else: another account logs in, and the public reads on as before.
        bystander.as().get(IDENTITY).then().statusCode(200).body("name", equalTo(bystander.username()));
        TestApi.asAdmin().get(TestAccounts.ACCOUNTS).then().statusCode(200);
        anonymous().get(TestSkills.SKILLS).then().statusCode(200);
    }

    @Test
    void anUnknownUserNameIsThrottledLikeAKnownOne() {
        String nobody = "nobody-" + unique();
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertUnauthorized(wrongPassword(nobody));
        }
        assertThrottled(wrongPassword(nobody));
    }

    @Test
    void aSuccessfulLoginForgetsTheUserNamesFailures() {
        Created account = TestAccounts.create("curator");
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertUnauthorized(wrongPassword(account.username()));
        }
        account.as().get(IDENTITY).then().statusCode(200);
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertUnauthorized(wrongPassword(account.username()));
        }
        account.as().get(IDENTITY).then().statusCode(200);
    }

    private static Response wrongPassword(String username) {
        return given().auth().preemptive().basic(username, "wrong-password-" + unique()).get(IDENTITY);
    }

    static void assertThrottled(Response response) {
        assertProblem(response, 429).body("type", equalTo(TestApi.PROBLEM_TYPES + "too-many-requests"));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }
}
