package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.curation.TestCuration;

/**
 * Made-up HTTP methods and made-up paths must not add metric series: each series lives as long as the
 * process, so 10,000 of them filled the heap and the next scrape ran out of memory.
 */
@QuarkusTest
class MetricSeriesTest {

    private static final Pattern SERIES = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)} \\S+$");

    @TestHTTPResource
    URL api;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void madeUpMethodsAndPathsAddNoSeries() throws Exception {
        for (int i = 0; i < 120; i++) {
            String path = i % 2 == 0 ? "/api/v1/members" : "/api/v1/members/" + UUID.randomUUID();
            RawHttp.Answer answer = RawHttp.exchange(api, "XQ" + i + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(405, answer.status(), answer.statusLine());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
            assertEquals("https://directory.creativenorrbotten.se/problems/method-not-allowed",
                    JsonPath.from(answer.body()).getString("type"));
        }
        // Paths that match no resource and fail with other 4xx statuses than 404.
        for (int i = 0; i < 30; i++) {
            anonymous().contentType("text/plain").body("x").post("/made-up-" + i).then().statusCode(415);
        }

        List<String> series = series();
        assertTrue(series.stream().noneMatch(s -> s.contains("method=\"XQ")), () -> "made-up methods in " + series);
        assertTrue(series.stream().noneMatch(s -> s.matches(".*uri=\"/api/v1/members/[0-9a-f-]{36}\".*")),
                () -> "raw paths in " + series);
        assertTrue(series.stream().noneMatch(s -> s.contains("/made-up-")), () -> "raw paths in " + series);
        assertTrue(series.stream().anyMatch(s -> s.contains("method=\"OTHER\"")), () -> "no OTHER method in " + series);
        assertTrue(series.size() < 60, () -> series.size() + " series: " + series);

        // A template first used after the flood is still measured.
        anonymous().get("/api/v1/municipalities/2584").then().statusCode(200);
        // (recorded once the response has ended, which the client may see first)
        TestCuration.await(() -> series().stream().anyMatch(s -> s.contains("uri=\"/api/v1/municipalities/{code}\"")
                && s.contains("method=\"GET\"") && s.contains("status=\"200\"")), "the template measured after the flood");
    }

    @Test
    void aMadeUpMethodOnAnyPathIsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "FOO /api/v1/skills HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(405, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(405, JsonPath.from(answer.body()).getInt("status"));
        assertFalse(JsonPath.from(answer.body()).getString("detail").contains("null"), answer.body());
    }

    private List<String> series() {
        String text = anonymous().get(metrics).then().statusCode(200).extract().asString();
        Matcher matcher = SERIES.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
