package se.creativenorrbotten.directory.backup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /q/backup} on the management interface, on the tests' own database: H2 in memory (nothing on disk to back
 * up) or, with the _TEST_QUARKUS_DATASOURCE_* variables, PostgreSQL (backed up with pg_dump). Both are refused with
 * a problem that says what to do (409 to a POST, 404 to a GET); other methods, browser pages and the public port are
 * refused on either. The backups themselves are H2BackupTest's, on an H2 file database.
 */
@QuarkusTest
class BackupEndpointTest {

    @TestHTTPResource(value = "", management = true)
    URL management;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private String backup() {
        return management + "backup";
    }

    @Test
    void aBackupHereIsRefusedWithWhatToDoInstead() {
        var response = anonymous().post(backup());
        assertProblem(response, 409).body("type", equalTo(PROBLEM_TYPES + "conflict"));
        String detail = response.jsonPath().getString("detail");
        if ("postgresql".equals(dbKind)) {
            response.then().body("detail", containsString("pg_dump")).body("detail", containsString("src/ops/backup.sh"));
        } else {
            assertEquals("h2", dbKind);
            response.then().body("detail", containsString("in memory"));
        }
        assertEquals(detail, anonymous().post(backup()).jsonPath().getString("detail"), "the same answer every time");
        // There is no latest backup to show either, and GET says why.
        assertProblem(anonymous().get(backup()), 404)
                .body("type", equalTo(PROBLEM_TYPES + "not-found"))
                .body("detail", equalTo(detail));
    }

    @Test
    void everyMethodButGetHeadAndPostIsNotAllowed() {
        for (String method : new String[] { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BACKUP" }) {
            assertProblem(anonymous().request(method, backup()), 405)
                    .header("Allow", "GET, HEAD, POST")
                    .body("type", equalTo(PROBLEM_TYPES + "method-not-allowed"))
                    .body("detail", containsString("POST takes a backup"));
        }
        anonymous().head(backup()).then().statusCode(404).body(emptyString());
    }

    @Test
    void aPostFromAWebPageIsRefused() {
        assertProblem(anonymous().header("Sec-Fetch-Site", "cross-site").post(backup()), 403)
                .body("type", equalTo(PROBLEM_TYPES + "cross-site-request"));
        assertProblem(anonymous().header("Sec-Fetch-Site", "same-site").post(backup()), 403);
        assertProblem(anonymous().header("Origin", "https://evil.example").post(backup()), 403)
                .body("type", equalTo(PROBLEM_TYPES + "cross-site-request"));
    }

    @Test
    void answersCarryTheEdgesHeaders() {
        anonymous().header("X-Request-Id", "backup-test-1").put(backup()).then()
                .statusCode(405)
                .header("X-Request-Id", "backup-test-1")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void thereIsNoBackupOnThePublicPort() {
        assertProblem(asAdmin().post("/q/backup"), 404);
        assertProblem(anonymous().post("/q/backup"), 404);
    }
}
