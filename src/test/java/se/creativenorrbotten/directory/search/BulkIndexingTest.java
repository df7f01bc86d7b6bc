package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.json;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.MemberWritten;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * A bulk import's chunks are indexed on the follower's thread while the import writes on, and the job says it is done
 * only once the index has followed them: its members are searchable then. The follower's thread is held here, so the
 * index cannot follow until the test lets it.
 */
@QuarkusTest
class BulkIndexingTest {

    @Inject
    IndexFollower follower;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<MemberWritten> written;

    @Test
    void anImportSaysItIsDoneOnlyOnceItsMembersAreSearchable() throws InterruptedException {
        String marker = unique();
        CountDownLatch release = hold();
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

    /**
     * A transaction that wrote in bulk and not in bulk (none does today: an import's chunk writes only in bulk) is
     * followed as any write: searchable when its commit returns, although the follower's thread is held.
     */
    @Test
    void aTransactionWithAWriteNotInBulkIsFollowedBeforeItsCommitReturns() throws InterruptedException {
        String marker = unique();
        String skill = TestSkills.create(marker);
        CountDownLatch release = hold();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    UUID inBulk = SearchFollowsWritesTest.insertMember(c, "Massvis " + marker, skill);
                    UUID single = SearchFollowsWritesTest.insertMember(c, "Enstaka " + marker, skill);
                    written.fire(MemberWritten.inBulk(inBulk));
                    written.fire(MemberWritten.of(single));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(2, SearchApi.search(Map.of("skill", skill)).getInt("total"));
        } finally {
            release.countDown();
        }
    }

    /** Holds the follower's thread until the answered latch is counted down. */
    private CountDownLatch hold() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        follower.onFollowerThread(() -> {
            held.countDown();
            awaitQuietly(release);
        });
        assertTrue(held.await(30, TimeUnit.SECONDS), "the follower's thread is held");
        return release;
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

    private static void awaitJob(String location, Predicate<JsonPath> until, String what)
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
