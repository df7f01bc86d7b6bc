package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A request whose headers never end is closed once the connection has been idle for
 * quarkus.http.idle-timeout (two seconds here; 30 s in production, see {@link IdleTimeoutDefaultTest}),
 * instead of being held for Vert.x's default of 30 minutes.
 */
@QuarkusTest
@TestProfile(SlowHeadersTest.ShortIdleTimeout.class)
class SlowHeadersTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @TestHTTPResource
    URL api;

    @Test
    void aHalfSentRequestIsClosed() throws Exception {
        try (Socket socket = RawHttp.connect(api)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/members HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            assertTrue(RawHttp.closedByServer(socket), "the half-sent request is still open after 15 s");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "closed only after " + took);
        }
    }

    @Test
    void aRequestWithoutItsBodyIsClosedToo() throws Exception {
        try (Socket socket = RawHttp.connect(api)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertTrue(RawHttp.closedByServer(socket), "the request without its body is still open after 15 s");
        }
    }

    @Test
    void aCompleteRequestIsAnswered() throws Exception {
        // The idle timeout also ends a request that takes longer to answer: warm the service up first.
        io.restassured.RestAssured.get("/api/v1/municipalities/2580").then().statusCode(200);
        RawHttp.Answer answer = RawHttp.exchange(api, "GET /api/v1/municipalities/2580 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(200, answer.status());
    }
}
