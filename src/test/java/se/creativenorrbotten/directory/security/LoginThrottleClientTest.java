package se.creativenorrbotten.directory.security;

import static se.creativenorrbotten.directory.TestApi.ADMIN;
import static se.creativenorrbotten.directory.TestApi.ADMIN_PASSWORD;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.LoginThrottleAccountTest.assertThrottled;
import static se.creativenorrbotten.directory.security.LoginThrottleAccountTest.from;
import static se.creativenorrbotten.directory.security.LoginThrottleAccountTest.login;
import static se.creativenorrbotten.directory.security.LoginThrottleAccountTest.newClient;
import static se.creativenorrbotten.directory.security.LoginThrottleAccountTest.wrongPassword;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import se.creativenorrbotten.directory.taxonomy.TestSkills;
import se.creativenorrbotten.directory.common.limits.StoppedLimitTime;

/**
 * Failed logins from one client, over HTTP: the 20th failure within a minute, each for another user name,
 * blocks that client for every user name, even the admin with the right password, and nobody else. The
 * profile (LoginThrottleAccountTest's) trusts X-Forwarded-For, so the client is the test's own address;
 * LoginThrottleTest checks that the block ends.
 */
@QuarkusTest
@TestProfile(LoginThrottleAccountTest.LoginLimits.class)
class LoginThrottleClientTest extends StoppedLimitTime {

    @Test
    void aClientGuessingManyUserNamesIsBlockedForEveryUserName() {
        String sprayer = newClient();
        login(sprayer, ADMIN, ADMIN_PASSWORD).then().statusCode(200);
        for (int i = 1; i < 20; i++) {
            assertUnauthorized(wrongPassword(sprayer, "guess-" + i + "-" + unique()));
        }
        assertThrottled(wrongPassword(sprayer, "guess-20-" + unique()), 60);

        // The right password of an account that never failed: refused too, since the client is blocked,
        // although the admin logged in from it before.
        assertThrottled(login(sprayer, ADMIN, ADMIN_PASSWORD), 60);
        // What needs no login still works for this client, and other clients log in.
        from(sprayer).get(TestSkills.SKILLS).then().statusCode(200);
        login(newClient(), ADMIN, ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void failuresSpreadOverClientsBlockNone() {
        // Each client stays under its limit: nobody is blocked.
        for (int c = 0; c < 3; c++) {
            String client = newClient();
            for (int i = 1; i < 10; i++) {
                assertUnauthorized(wrongPassword(client, "spread-" + unique()));
            }
            login(client, ADMIN, ADMIN_PASSWORD).then().statusCode(200);
        }
    }
}
