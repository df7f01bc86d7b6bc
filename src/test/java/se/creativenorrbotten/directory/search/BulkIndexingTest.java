package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.json;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A bulk import's chunks are indexed on the follower's thread while the import writes on, and the job says it is done
 * only once the index has followed them: its members are searchable then. The follower's thread is held here, so the
 * index cannot follow until the test lets it.
 */
@QuarkusTest
class BulkIndexingTest {

    @Inject
    IndexFollower follower;

    @Test
    void anImportSaysItIsDoneOnlyOnceItsMembersAreSearchable() throws InterruptedException {
        String marker = unique();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        follower.onFollowerThread(() -> {
            held.countDown();
            awaitQuietly(release);
        });
        assertTrue(held.await(30, TimeUnit.SECONDS), "the follower's thread is held");
        String location;
        try {
            location = start(marker, "Ada", "Bea", "Cilla");
            // The rows are written and counted (after each chunk), then the job waits for the index.
            awaitJob(location, job -> job.getInt("processed") == 3, "the rows are written");
            Thread.sleep(500);
            JsonPath waiting = job(location);
            assertEquals("running", waiting.getString("status"), "not done while its members are not searchable");
            assertEquals(3, waiting.getInt("created"));
            assertEquals(0, found(marker), "the index has not followed: its thread is held");
        } finally {
            release.countDown();
        }
        awaitJob(location, job -> "done".equals(job.getString("status")), "the job ends once the index follows");
        assertEquals(3, found(marker));
    }

    private static String start(String marker, String... names) {
        String body = Stream.of(names).map(name -> json(Map.of("name", name + " Bulkfoto " + marker, "type", "freelancer",
                "municipality", "2580", "skills", List.of("photography")))).collect(Collectors.joining("\n")) + "\n";
        return asAdmin().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
    }

    private static JsonPath job(String location) {
        return asAdmin().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitJob(String location, java.util.function.Predicate<JsonPath> until, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!until.test(job(location))) {
            assertTrue(System.nanoTime() < deadline, what + " within 60 s");
            Thread.sleep(50);
        }
    }

    private static int found(String marker) {
        return SearchApi.search(Map.of("q", marker)).getInt("total");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
