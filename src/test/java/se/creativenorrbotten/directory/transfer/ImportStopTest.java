package se.creativenorrbotten.directory.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.json;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * At shutdown (ImportService's ShutdownEvent observer) the running import stops after the row it is writing and
 * keeps the rows before it, queued jobs do not start, and each job ends as failed with a note that says how far it
 * got. A profile of its own: the stop ends this application's import worker for good.
 */
@QuarkusTest
@TestProfile(ImportStopTest.OwnApplication.class)
class ImportStopTest {

    /** Quarkus starts an application of its own for this test (no other test shares the stopped worker). */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    private static final int ROWS = 6000;

    @Inject
    ImportService imports;

    private static String start(String marker, int rows) {
        String body = IntStream.range(0, rows).mapToObj(i -> json(Map.of("name", "Avbruten " + marker + " " + letters(i),
                "type", "freelancer", "municipality", "2580", "skills", java.util.List.of("photography"))))
                .collect(Collectors.joining("\n")) + "\n";
        return asAdmin().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
    }

    /** Letters only: a digit would split the word, and names differ in more than a look-alike letter. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    private static JsonPath job(String location) {
        return asAdmin().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static int found(String marker) {
        return anonymous().queryParam("q", marker).get(TestMembers.MEMBERS).then().statusCode(200).extract().jsonPath()
                .getInt("total");
    }

    @Test
    void aStopEndsTheRunningJobAfterItsRowAndTheQueuedOneBeforeItStarts() throws InterruptedException {
        String running = unique();
        String queued = unique();
        String first = start(running, ROWS);
        String second = start(queued, 3);
        // Progress is written after each chunk of 200 rows: then the job is in the middle of its 6000. (Up to a minute,
        // as the other import tests wait: a loaded machine writes a chunk slowly.)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job(first).getInt("processed") == 0) {
            assertTrue(System.nanoTime() < deadline, "the first job's first chunk within 60 s");
            Thread.sleep(100);
        }

        imports.stop();

        JsonPath stopped = job(first);
        int processed = stopped.getInt("processed");
        assertEquals("failed", stopped.getString("status"));
        assertTrue(processed > 0 && processed < ROWS, () -> "stopped in the middle: " + processed + " rows");
        assertEquals("The service stopped during the import, after " + processed + " of " + ROWS + " rows: those that did"
                + " not fail are stored (created and updated count them), the rest was not read. Import the rows after the"
                + " first " + processed + " again.", stopped.getString("note"));
        assertEquals(processed, stopped.getInt("created") + stopped.getInt("failed"));
        assertTrue(stopped.getString("finishedAt") != null);
        // What it says it stored is stored, and searchable.
        assertEquals(stopped.getInt("created"), found(running));

        JsonPath notStarted = job(second);
        assertEquals("failed", notStarted.getString("status"));
        assertEquals(0, notStarted.getInt("processed"));
        assertEquals("The service stopped before the job started; nothing was stored: send the file again.",
                notStarted.getString("note"));
        assertEquals(0, found(queued));
    }
}
