package se.creativenorrbotten.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertProblem;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics live on the management interface (its own port), not on the public API's. */
@QuarkusTest
class OperationsTest {

    /** The management interface's root, {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void livenessIsUpOnTheManagementPort() {
        anonymous().get(management + "health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        anonymous().get(management + "health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    /**
     * The build-time quarkus.shutdown.delay-enabled puts Quarkus' own "Graceful Shutdown" check into readiness: it says
     * DOWN from SIGTERM on while the API still serves for QUARKUS_SHUTDOWN_DELAY (shown end to end by
     * .ci/graceful-check.sh). Without the setting there is no such check and readiness stays UP until the port closes.
     */
    @Test
    void readinessHasQuarkusGracefulShutdownCheck() {
        anonymous().get(management + "health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("UP"));
    }

    @Test
    void metricsCountHttpRequestsInPrometheusTextOnTheManagementPort() {
        anonymous().get("/api/v1/municipalities/2580").then().statusCode(200);

        anonymous().accept("text/plain").get(management + "metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE http_server_requests_seconds summary"))
                .body(matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/municipalities/\\{code\\}\"[^}]*} [1-9].*"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void metricsAndHealthAreNotOnThePublicPort() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready" }) {
            assertProblem(anonymous().get(path), 404);
        }
    }
}
