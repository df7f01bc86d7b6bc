package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.curation.ApplicationTest.application;
import static se.creativenorrbotten.directory.curation.ApplicationTest.apply;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;

/** A client may send a few applications per window; beyond them, 429 with Retry-After, and nothing is kept. */
@QuarkusTest
@TestProfile(ApplicationLimitTest.ThreePerClient.class)
class ApplicationLimitTest {

    /** The %test profile lifts the limit for every other test (all clients are 127.0.0.1); here it is 3. */
    public static class ThreePerClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.applications.per-client", "3");
        }
    }

    @Inject
    TestDatabase database;

    @Inject
    ApplicationService applications;

    @BeforeEach
    void forgetEarlierApplications() {
        applications.resetLimits();
    }

    @Test
    void theFourthApplicationWithinTheWindowIs429AndNotKept() {
        for (int i = 1; i <= 3; i++) {
            String marker = unique();
            apply(application(marker, false)).then().statusCode(202).body("reference", matchesPattern("^[0-9a-f-]{36}$"));
            assertEquals(1, database.membersMarked(marker), "application " + i + " is kept");
        }
        String marker = unique();

        Response refused = apply(application(marker, false));

        assertProblem(refused, 429).body("type", equalTo(PROBLEM_TYPES + "too-many-requests"))
                .body("detail", containsString("seconds"));
        String retryAfter = refused.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After: " + retryAfter);
        assertTrue(Long.parseLong(retryAfter) <= 3600, "at most the one-hour window: " + retryAfter);
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void aRefusedClientStaysRefusedAndStoresNothing() {
        for (int i = 0; i < 3; i++) {
            apply(application(unique(), true)).then().statusCode(202);
        }
        for (int i = 0; i < 3; i++) {
            String marker = unique();
            assertProblem(apply(application(marker, true)), 429);
            assertEquals(0, database.membersMarked(marker));
        }
    }

    @Test
    void honeypotApplicationsCountTowardsTheLimit() {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> bot = application(unique(), true);
            bot.put("homepage", "https://spam.example");
            apply(bot).then().statusCode(202);
        }
        String marker = unique();

        assertProblem(apply(application(marker, true)), 429);

        assertEquals(0, database.membersMarked(marker));
    }
}
