package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.ADMIN;
import static se.creativenorrbotten.directory.TestApi.ADMIN_PASSWORD;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestLogs;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * A client that sends its body slowly, or stops half-way, holds a connection until the idle timeout (30 s), not a
 * worker thread: the edge reads bodies on the event loop before a resource runs. Before, each such client held a
 * worker blocked in its read, and as many as the pool has (200 by default, 16 here) stopped every write and
 * every authenticated request; and a client that then went away was logged as an unhandled error.
 */
@QuarkusTest
@TestProfile(SlowBodiesTest.FewWorkers.class)
class SlowBodiesTest {

    public static class FewWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "16");
        }
    }

    private static final int HELD = 40;

    @TestHTTPResource
    URL api;

    @Test
    void bodiesHeldHalfSentTakeNoWorkerThread() throws Exception {
        TestLogs logs = new TestLogs().start();
        List<Socket> held = new ArrayList<>();
        try {
            String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < HELD; i++) {
                Socket socket = RawHttp.connect(api);
                socket.getOutputStream().write(("POST /api/v1/members HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                        + credentials + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\": \"Held")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                held.add(socket);
            }

            long started = System.nanoTime();
            String marker = unique();
            asAdmin().contentType(ContentType.JSON).body(TestApi.json(TestMembers.freelancer(marker))).post(TestMembers.MEMBERS)
                    .then().statusCode(201);
            asAdmin().get("/api/v1/accounts").then().statusCode(200);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // Without a free worker the create waits for the idle timeout to close the held connections (30 s).
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "with " + HELD + " bodies held, a create took " + took);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        // The held clients went away half-way: their mistake, not the service's. The closes reach the server at once;
        // a moment for them to be handled.
        Thread.sleep(1000);
        logs.stop();
        List<String> errors = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
        assertEquals(List.of(), errors);
    }
}
