package se.creativenorrbotten.directory.common.logging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.util.List;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestLogs;

/**
 * Every answer carries its request's id, the caller's when it is a plain token; the log lines written while the
 * request is served carry it (on the worker thread too), and a 500 problem quotes it as its reference.
 */
@QuarkusTest
class RequestIdTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final TestLogs logs = new TestLogs();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    private List<ExtLogRecord> linesWith(String text) {
        return logs.records().stream().filter(r -> String.valueOf(r.getFormattedMessage()).contains(text)).toList();
    }

    @Test
    void theCallersIdIsInTheAnswerTheLogLinesAndThe500Problem() {
        String marker = unique();
        String id = "lb-" + marker + ".1:2_3";
        anonymous().header(RequestIds.HEADER, id).queryParam("marker", marker).get(FailureProbeResource.PATH).then()
                .statusCode(500)
                .contentType("application/problem+json")
                .header(RequestIds.HEADER, equalTo(id))
                .body("detail", containsString("reference " + id))
                .body("detail", org.hamcrest.Matchers.not(containsString("IllegalStateException")));
        List<ExtLogRecord> probe = linesWith("failure probe " + marker);
        assertEquals(1, probe.size());
        assertEquals(id, probe.get(0).getMdc(RequestIds.MDC_KEY));
        assertTrue(probe.get(0).getThreadName().startsWith("executor-thread"), probe.get(0).getThreadName());
        List<ExtLogRecord> error = linesWith("reference " + id);
        assertEquals(1, error.size());
        assertEquals(id, error.get(0).getMdc(RequestIds.MDC_KEY));
    }

    @Test
    void aRequestWithoutAnIdOrWithAnUnsafeOneGetsANewOne() {
        String first = anonymous().get("/api/v1/municipalities").then().statusCode(200)
                .header(RequestIds.HEADER, matchesPattern(UUID_FORM)).extract().header(RequestIds.HEADER);
        String second = anonymous().get("/api/v1/municipalities").then().statusCode(200)
                .extract().header(RequestIds.HEADER);
        assertNotEquals(first, second);
        for (String unsafe : List.of("two words", "x".repeat(65), "<script>", "a%0d%0aforged", "ärlig")) {
            String given = anonymous().header(RequestIds.HEADER, unsafe).get("/api/v1/municipalities").then()
                    .statusCode(200).extract().header(RequestIds.HEADER);
            assertTrue(given.matches(UUID_FORM), unsafe + " -> " + given);
        }
    }

    @Test
    void answersTheEdgeGivesAndThe500sOfLaterRequestsHaveTheirOwnIds() {
        Response missing = anonymous().header(RequestIds.HEADER, "edge-404").get("/api/v1/no-such-thing");
        missing.then().statusCode(404).header(RequestIds.HEADER, equalTo("edge-404"));
        String marker = unique();
        String reference = anonymous().queryParam("marker", marker).get(FailureProbeResource.PATH).then().statusCode(500)
                .extract().header(RequestIds.HEADER);
        assertFalse(reference.equals("edge-404"));
        assertEquals(reference, linesWith("failure probe " + marker).get(0).getMdc(RequestIds.MDC_KEY));
    }
}
