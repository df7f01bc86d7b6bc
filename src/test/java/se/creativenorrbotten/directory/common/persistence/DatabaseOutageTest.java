package se.creativenorrbotten.directory.common.persistence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * While the database is away (PostgreSQL stopped or restarting), a request that needs it is answered 503 with
 * Retry-After and a problem that gives nothing internal away, not a 500; in a resource and in a route before the
 * resources alike (the rate limits' buckets live in PostgreSQL). The fault battery found both answered 500, the
 * route's even as Quarkus's own JSON, not a problem.
 */
@QuarkusTest
class DatabaseOutageTest {

    @ParameterizedTest
    @ValueSource(strings = { "cut", "shutdown", "refused" })
    void aResourceWhoseDatabaseIsAwayAnswers503WithRetryAfter(String as) {
        assertProblem(anonymous().queryParam("as", as).get(DatabaseOutageProbe.PATH), 503)
                .header("Retry-After", equalTo(Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)))
                .body("type", equalTo(PROBLEM_TYPES + "unavailable"))
                .body("detail", containsString("database is not reachable"));
    }

    @Test
    void aRouteWhoseDatabaseIsAwayAnswers503WithRetryAfter() {
        assertProblem(anonymous().get(DatabaseOutageProbe.ROUTE), 503)
                .header("Retry-After", equalTo(Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)))
                .body("type", equalTo(PROBLEM_TYPES + "unavailable"));
    }

    @Test
    void anotherDatabaseFailureIsStillA500() {
        assertProblem(anonymous().queryParam("as", "constraint").get(DatabaseOutageProbe.PATH), 500)
                .body("type", equalTo(PROBLEM_TYPES + "internal-error"));
    }
}
