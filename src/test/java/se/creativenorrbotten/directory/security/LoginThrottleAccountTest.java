package se.creativenorrbotten.directory.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.ADMIN;
import static se.creativenorrbotten.directory.TestApi.ADMIN_PASSWORD;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.IDENTITY;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.security.TestAccounts.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;
import se.creativenorrbotten.directory.common.limits.StoppedLimitTime;

/**
 * Failed logins for one user name, over HTTP: per user name and client, and the user name's budget across
 * all clients, which holds back only clients that never logged in as it. The %test profile raises every
 * login limit (all tests share 127.0.0.1, and many send wrong passwords for the admin); this profile puts
 * the pair and client limits back to their defaults, lowers the user name's budget from 100 to 30 (fewer
 * bcrypt checks per test), and trusts X-Forwarded-For, so that each request can come from a client of its
 * own. The limits' clock stands still (no failure is earned back while a test runs, however slow the bcrypt
 * checks). LoginThrottleClientTest (same profile, same instance) checks the per-client limit; LoginThrottleTest
 * the limits over time.
 */
@QuarkusTest
@TestProfile(LoginThrottleAccountTest.LoginLimits.class)
class LoginThrottleAccountTest extends StoppedLimitTime {

    public static class LoginLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.login.max-failures", "10",
                    "directory.login.client-max-failures", "20",
                    "directory.login.user-max-failures", String.valueOf(USER_MAX_FAILURES),
                    "directory.login.user-window", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true");
        }
    }

    static final int USER_MAX_FAILURES = 30;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address that no test used before (tests of both classes share the instance). */
    static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }

    static Response login(String client, String username, String password) {
        return from(client).auth().preemptive().basic(username, password).get(IDENTITY);
    }

    static Response wrongPassword(String client, String username) {
        return login(client, username, "wrong-password-" + unique());
    }

    static void assertThrottled(Response response, long maxRetryAfter) {
        assertProblem(response, 429).body("type", equalTo(TestApi.PROBLEM_TYPES + "too-many-requests"));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= maxRetryAfter, "Retry-After " + retryAfter);
    }

    @Test
    void wrongPasswordsForAdminFromSeveralAddressesDoNotLockTheAdminOut() {
        String home = newClient();
        login(home, ADMIN, ADMIN_PASSWORD).then().statusCode(200).body("name", equalTo(ADMIN));
        // The exploit as reported: more than ten wrong passwords for admin within a minute, from other addresses.
        for (int i = 0; i < 6; i++) {
            String client = newClient();
            assertUnauthorized(wrongPassword(client, ADMIN));
            assertUnauthorized(wrongPassword(client, ADMIN));
        }
        login(home, ADMIN, ADMIN_PASSWORD).then().statusCode(200).body("name", equalTo(ADMIN));
        // Twelve failures are well within the user name's budget: a new address logs in too.
        login(newClient(), ADMIN, ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void theTenthFailureOfAUserNameFromOneClientBlocksThatPairEvenWithTheRightPassword() {
        Created target = TestAccounts.create("curator");
        String attacker = newClient();
        for (int i = 1; i < 10; i++) {
            assertUnauthorized(wrongPassword(attacker, target.username()));
        }
        assertThrottled(wrongPassword(attacker, target.username()), 60);
        assertThrottled(login(attacker, target.username(), target.password()), 60);
        assertThrottled(login(attacker, target.username().toUpperCase(), target.password()), 60);

        // Not the user name from another client, nor the client for another user name.
        login(newClient(), target.username(), target.password()).then().statusCode(200)
                .body("name", equalTo(target.username()));
        login(attacker, ADMIN, ADMIN_PASSWORD).then().statusCode(200);
        from(attacker).get(TestSkills.SKILLS).then().statusCode(200);
    }

    @Test
    void anUnknownUserNameIsThrottledLikeAKnownOne() {
        String nobody = "nobody-" + unique();
        String attacker = newClient();
        for (int i = 1; i < 10; i++) {
            assertUnauthorized(wrongPassword(attacker, nobody));
        }
        assertThrottled(wrongPassword(attacker, nobody), 60);
    }

    @Test
    void aSpentUserBudgetHoldsBackNewClientsButNotTheOwnersKnownClient() {
        Created target = TestAccounts.create("curator");
        String home = newClient();
        login(home, target.username(), target.password()).then().statusCode(200);

        // Distributed guessing: two failures from each of 15 addresses, none near its own limits.
        for (int i = 0; i < USER_MAX_FAILURES / 2; i++) {
            String client = newClient();
            assertUnauthorized(wrongPassword(client, target.username()));
            Response second = wrongPassword(client, target.username());
            if (i < USER_MAX_FAILURES / 2 - 1) {
                assertUnauthorized(second);
            } else {
                // The failure that spends the budget; it refills one failure per 1 h / 30 = 120 s.
                assertThrottled(second, 120);
            }
        }
        // Strangers wait, even with the right password: refused before any database read or bcrypt check.
        assertThrottled(wrongPassword(newClient(), target.username()), 120);
        assertThrottled(login(newClient(), target.username(), target.password()), 120);
        // The owner, from where it logged in before, does not.
        login(home, target.username(), target.password()).then().statusCode(200).body("name", equalTo(target.username()));
        // Nor does anybody else's user name.
        login(newClient(), ADMIN, ADMIN_PASSWORD).then().statusCode(200);
    }
}
