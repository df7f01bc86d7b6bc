package se.creativenorrbotten.directory.security;

import static io.restassured.RestAssured.given;
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
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Failed logins are throttled per client address: ten failures from one client within a minute, each for
 * a different user name, block that client for every user name, even the admin with the right password.
 * All tests call from 127.0.0.1, so this runs in its own profile (its own instance and limiter) with the
 * production limit and a short block.
 */
@QuarkusTest
@TestProfile(LoginThrottleClientTest.ClientLimit.class)
class LoginThrottleClientTest {

    public static class ClientLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.login.client-max-failures", "10",
                    "directory.login.max-failures", "1000",
                    "directory.login.block", "3s");
        }
    }

    @Test
    void tenFailuresFromOneClientBlockItForEveryUserNameUntilTheBlockEnds() throws InterruptedException {
        TestApi.asAdmin().get(IDENTITY).then().statusCode(200);
        for (int i = 1; i < 10; i++) {
            assertUnauthorized(given().auth().preemptive().basic("guess-" + i + "-" + unique(), "a long password 1").get(IDENTITY));
        }
        Response tenth = given().auth().preemptive().basic("guess-10-" + unique(), "a long password 1").get(IDENTITY);
        LoginThrottleAccountTest.assertThrottled(tenth);
        long retryAfter = Long.parseLong(tenth.header("Retry-After"));
        assertTrue(retryAfter <= 3, "Retry-After " + retryAfter);

        // The right password of an account that never failed: refused too, since the client is blocked.
        Response admin = TestApi.asAdmin().get(IDENTITY);
        assertProblem(admin, 429);
        // What needs no login still works for this client.
        anonymous().get(TestSkills.SKILLS).then().statusCode(200);

        Thread.sleep(Long.parseLong(admin.header("Retry-After")) * 1000);
        TestApi.asAdmin().get(IDENTITY).then().statusCode(200);
    }
}
