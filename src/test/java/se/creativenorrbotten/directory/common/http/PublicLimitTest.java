package se.creativenorrbotten.directory.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.common.http.CorsProfile.PUBLIC_LIMIT;
import static se.creativenorrbotten.directory.common.http.CorsProfile.PUBLIC_ORIGIN;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.common.limits.StoppedLimitTime;

/**
 * The public limit: per client, RateLimit headers on every counted answer, 429 with Retry-After beyond it. The
 * profile trusts the tests as a proxy, so each test is its own client (X-Forwarded-For).
 */
@QuarkusTest
@TestProfile(CorsProfile.class)
class PublicLimitTest extends StoppedLimitTime {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    /** An address of its own for each test (TEST-NET-2). */
    static String client() {
        int n = NEXT.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }

    @Test
    void publicAnswersCarryTheRateLimitHeaders() {
        String client = client();
        for (int i = 1; i <= 3; i++) {
            from(client).get("/api/v1/skills").then().statusCode(200)
                    .header("RateLimit-Limit", equalTo(Integer.toString(PUBLIC_LIMIT)))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT - i)))
                    .header("RateLimit-Reset", matchesPattern("^[0-9]+$"));
        }
    }

    @Test
    void overTheLimitIs429WithRetryAfterAndTheHeadersAndTheCorsGrant() {
        String client = client();
        for (int i = 0; i < PUBLIC_LIMIT; i++) {
            from(client).get("/api/v1/municipalities").then().statusCode(200);
        }
        Response refused = from(client).header("Origin", PUBLIC_ORIGIN).get("/api/v1/members");
        assertProblem(refused, 429).body("type", equalTo(PROBLEM_TYPES + "too-many-requests"))
                .header("Retry-After", matchesPattern("^[1-9][0-9]*$"))
                .header("RateLimit-Limit", equalTo(Integer.toString(PUBLIC_LIMIT)))
                .header("RateLimit-Remaining", equalTo("0"))
                .header("RateLimit-Reset", matchesPattern("^[1-9][0-9]*$"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN))
                .header("Access-Control-Allow-Credentials", nullValue());
        // Another client is not held back.
        from(client()).get("/api/v1/members").then().statusCode(200);
        // After Retry-After, the client may send again; after a minute, its whole budget.
        time.advance(java.time.Duration.ofSeconds(Long.parseLong(refused.header("Retry-After"))));
        from(client).get("/api/v1/members").then().statusCode(200).header("RateLimit-Remaining", equalTo("0"));
        time.advance(java.time.Duration.ofMinutes(1));
        from(client).get("/api/v1/members").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT - 1)));
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        for (int i = 0; i < PUBLIC_LIMIT; i++) {
            from("2001:db8:77:1::" + Integer.toHexString(i + 1)).get("/api/v1/skills").then().statusCode(200);
        }
        assertEquals(429, from("2001:db8:77:1:ffff::9").get("/api/v1/skills").statusCode());
        from("2001:db8:77:2::1").get("/api/v1/skills").then().statusCode(200);
    }

    @Test
    void preflightsAreNotCounted() {
        String client = client();
        for (int i = 0; i < PUBLIC_LIMIT + 5; i++) {
            from(client).header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "GET")
                    .options("/api/v1/members").then().statusCode(204);
        }
        from(client).get("/api/v1/members").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT - 1)));
    }

    @Test
    void madeUpCredentialsDoNotEscapeTheLimit() {
        String client = client();
        for (int i = 0; i < PUBLIC_LIMIT; i++) {
            from(client).auth().preemptive().basic("nobody-" + i, "made-up-password").get("/api/v1/skills");
        }
        assertEquals(429, from(client).get("/api/v1/skills").statusCode());
        assertEquals(429, from(client).auth().preemptive().basic("nobody", "made-up-password").get("/api/v1/skills")
                .statusCode());
    }

    @Test
    void aCuratorsRequestsAreNotCounted() {
        String client = client();
        for (int i = 0; i < PUBLIC_LIMIT + 5; i++) {
            asAdmin().header("X-Forwarded-For", client).get("/api/v1/accounts").then().statusCode(200)
                    .header("RateLimit-Limit", nullValue());
        }
        from(client).get("/api/v1/skills").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT - 1)));
    }
}
