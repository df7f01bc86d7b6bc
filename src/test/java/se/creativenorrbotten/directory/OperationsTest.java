package se.creativenorrbotten.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static se.creativenorrbotten.directory.TestApi.anonymous;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessIsUp() {
        anonymous().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        anonymous().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void metricsCountHttpRequestsInPrometheusText() {
        anonymous().get("/api/v1/municipalities/2580").then().statusCode(200);

        anonymous().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE http_server_requests_seconds summary"))
                .body(matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/municipalities/\\{code\\}\"[^}]*} [1-9].*"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
