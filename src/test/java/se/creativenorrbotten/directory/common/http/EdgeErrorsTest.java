package se.creativenorrbotten.directory.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.TestLogs;
import se.creativenorrbotten.directory.member.TestMembers;

/** Errors that the HTTP layer answers, before or outside any resource, are problems too, and no client mistake is logged as an error. */
@QuarkusTest
class EdgeErrorsTest {

    @TestHTTPResource
    URL api;

    @Inject
    TestDatabase database;

    private final TestLogs logs = new TestLogs();

    @BeforeEach
    void captureErrors() {
        logs.start();
    }

    @AfterEach
    void noErrorLogged() {
        logs.stop();
        assertEquals(List.of(), logs.errors(), "logged as errors");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Problem() {
        String marker = unique();
        var member = TestMembers.freelancer(marker);
        member.put("description", "x".repeat(70 * 1024));
        byte[] body = TestApi.json(member).getBytes(StandardCharsets.UTF_8);

        // An InputStream body is sent chunked, without Content-Length.
        assertProblem(asAdmin().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).post(TestMembers.MEMBERS), 413)
                .body("type", equalTo(PROBLEM_TYPES + "payload-too-large"))
                .body("detail", containsString("64 KiB"));
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        String marker = unique();
        byte[] body = TestApi.json(TestMembers.freelancer(marker)).getBytes(StandardCharsets.UTF_8);
        asAdmin().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).post(TestMembers.MEMBERS)
                .then().statusCode(201).body("name", containsString(marker));
    }

    @Test
    void aChunkedBodyOverTheLimitOnTheWireIs413Problem() throws Exception {
        StringBuilder request = new StringBuilder("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(8192);
        for (int i = 0; i < 10; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        RawHttp.Answer answer = RawHttp.exchange(api, request.toString());
        assertEquals(413, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(PROBLEM_TYPES + "payload-too-large", JsonPath.from(answer.body()).getString("type"));
    }

    /** At the limit a chunked body is read; one byte past it, 413, as for a declared length. */
    @Test
    void aChunkedBodyIsReadUpToExactlyTheLimit() throws Exception {
        for (int extra : new int[] { 0, 1 }) {
            String json = "{\"name\":\"\"}";
            String body = json.replace("\"\"}", "\"" + "x".repeat(64 * 1024 + extra - json.length()) + "\"}");
            StringBuilder request = new StringBuilder("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int at = 0; at < body.length(); at += 8192) {
                String chunk = body.substring(at, Math.min(body.length(), at + 8192));
                request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            request.append("0\r\n\r\n");

            RawHttp.Answer answer = RawHttp.exchange(api, request.toString());

            // At the limit the body reaches the resource, which judges its content (no consents: 400 invalid-input).
            assertEquals(extra == 0 ? 400 : 413, answer.status(), answer.body());
            assertEquals(PROBLEM_TYPES + (extra == 0 ? "invalid-input" : "payload-too-large"),
                    JsonPath.from(answer.body()).getString("type"));
        }
    }

    /** The HTTP layer reads raw bytes of the request line as ISO-8859-1: raw UTF-8 would be read as other text. */
    @Test
    void aRawNonAsciiCharacterInTheUrlIs400Problem() throws Exception {
        for (String target : new String[] { "/api/v1/members/\u00C3\u00A5sa", "/api/v1/members?q=\u00C3\u00A5",
                "/api/v1/members/suggest?q=Lule\u00C3\u00A5" }) {
            RawHttp.Answer answer = RawHttp.exchange(api, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertEquals(400, answer.status(), target);
            assertEquals(PROBLEM_TYPES + "malformed-request", JsonPath.from(answer.body()).getString("type"));
            assertTrue(JsonPath.from(answer.body()).getString("detail").contains("not percent-encoded"), answer.body());
        }
        // Percent-encoded, the same text is fine.
        assertEquals(200, RawHttp.exchange(api, "GET /api/v1/members/suggest?q=Lule%C3%A5 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").status());
    }

    @Test
    void aRequestWithoutHostIs400Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "GET /api/v1/skills HTTP/1.1\r\n\r\n");
        assertEquals(400, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(PROBLEM_TYPES + "malformed-request", JsonPath.from(answer.body()).getString("type"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void aMadeUpMethodIs405Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "XQ123 /api/v1/members HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(405, answer.status());
        assertEquals(PROBLEM_TYPES + "method-not-allowed", JsonPath.from(answer.body()).getString("type"));
    }

    @Test
    void aBadEscapeInThePathIs400WithoutAnError() throws Exception {
        // Quarkus refuses a URI that java.net.URI cannot parse before any application code runs: the status is
        // right, the body cannot be shaped (see README, Errors).
        RawHttp.Answer answer = RawHttp.exchange(api, "GET /api/v1/members/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, answer.status());
    }

    @Test
    void anAbsurdHeaderIs431AndATooLongUriIs414() throws Exception {
        RawHttp.Answer headers = RawHttp.exchange(api, "GET /api/v1/skills HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "x".repeat(40_000) + "\r\n\r\n");
        assertEquals(431, headers.status());
        RawHttp.Answer uri = RawHttp.exchange(api, "GET /api/v1/skills?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(414, uri.status());
    }

    @Test
    void aSecondHostIs400Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "GET /api/v1/skills HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n");
        assertEquals(400, answer.status());
        assertEquals(PROBLEM_TYPES + "malformed-request", JsonPath.from(answer.body()).getString("type"));
        assertTrue(JsonPath.from(answer.body()).getString("detail").contains("more than one Host"), answer.body());
    }

    /** A body with two Content-Types was read as the first (JSON) and taken; a proxy may judge it by the last. */
    @Test
    void aSecondContentTypeIs400Problem() throws Exception {
        String marker = unique();
        String body = TestApi.json(TestMembers.freelancer(marker));
        RawHttp.Answer answer = RawHttp.exchange(api, ("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status());
        assertTrue(JsonPath.from(answer.body()).getString("detail").contains("more than one Content-Type"), answer.body());
        assertEquals(0, database.membersMarked(marker));
    }

    /** Only chunked alone frames a body: anything else is a length that a proxy in front may read otherwise. */
    @Test
    void aTransferEncodingOtherThanChunkedIs400Problem() throws Exception {
        for (String coding : new String[] { "xchunked", "gzip, chunked", "identity" }) {
            for (String method : new String[] { "GET /api/v1/skills", "POST /api/v1/applications" }) {
                RawHttp.Answer answer = RawHttp.exchange(api, method + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: " + coding + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
                assertEquals(400, answer.status(), coding);
                assertEquals(PROBLEM_TYPES + "malformed-request", JsonPath.from(answer.body()).getString("type"));
                assertTrue(JsonPath.from(answer.body()).getString("detail").contains("Transfer-Encoding"), answer.body());
            }
        }
    }

    /** Nothing here decompresses a request: a body declared gzip was read as if it were not, and accepted. */
    @Test
    void aBodyWithAContentEncodingIs415Problem() {
        String marker = unique();
        assertProblem(asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(TestApi.json(TestMembers.freelancer(marker))).post(TestMembers.MEMBERS), 415)
                .body("type", equalTo(PROBLEM_TYPES + "unsupported-media-type"))
                .body("detail", containsString("Content-Encoding"));
        assertEquals(0, database.membersMarked(marker));
        // identity is no coding at all.
        asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "identity")
                .body(TestApi.json(TestMembers.freelancer(marker))).post(TestMembers.MEMBERS).then().statusCode(201);
    }

    /**
     * A chunk whose size cannot be read leaves no way to find where the next request starts: the server closes the
     * connection (or answers 400 first), and nothing is logged as an error (before, Quarkus's handler logged each).
     */
    @Test
    void aMalformedChunkClosesTheConnectionWithoutAnError() throws Exception {
        for (String size : new String[] { "zz", "10000000000000000" }) {
            RawHttp.Answer answer = RawHttp.exchange(api, "POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n0\r\n\r\n");
            if (answer != null) {
                assertEquals(400, answer.status(), size);
                assertEquals(PROBLEM_TYPES + "malformed-request", JsonPath.from(answer.body()).getString("type"));
            }
        }
        assertEquals(200, RawHttp.exchange(api, "GET /api/v1/skills HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status());
    }

    /** The body reader refuses an expectation it cannot meet: 417, and the problem says 417 too (it said 400, "OK."). */
    @Test
    void anUnknownExpectationIs417ProblemOfTheSameStatus() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nExpect: the-unexpected\r\nContent-Length: 2\r\n\r\n{}");
        assertEquals(417, answer.status());
        assertEquals(417, JsonPath.from(answer.body()).getInt("status"));
        assertTrue(JsonPath.from(answer.body()).getString("detail").contains("Expect"), answer.body());
    }
}
