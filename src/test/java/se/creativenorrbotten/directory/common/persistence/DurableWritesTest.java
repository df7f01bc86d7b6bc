package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.freelancer;
import static se.creativenorrbotten.directory.member.TestMembers.patch;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * On H2 every acknowledged write waits for an fsync of the database file (a killed process or a power cut
 * cannot take it back); reads and refused writes do not. On PostgreSQL the server's commit is durable by
 * itself, and the service adds nothing.
 */
@QuarkusTest
class DurableWritesTest {

    @Inject
    DatabaseSync sync;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void everyAcknowledgedWriteWaitsForAnFsyncOnH2() {
        assertEquals("h2".equals(dbKind), sync.enabled(), "forced to disk by the service on H2 only");
        long before = sync.syncs();
        Created created = create(freelancer(unique()));
        long afterCreate = sync.syncs();
        patch(created.id(), created.etag(), Map.of("headline", "Synced")).then().statusCode(200);
        long afterPatch = sync.syncs();
        asAdmin().delete(MEMBERS + "/" + created.id()).then().statusCode(204);
        long afterDelete = sync.syncs();
        if (sync.enabled()) {
            assertTrue(afterCreate > before, "the 201 came before an fsync");
            assertTrue(afterPatch > afterCreate, "the PATCH's 200 came before an fsync");
            assertTrue(afterDelete > afterPatch, "the 204 came before an fsync");
        } else {
            assertEquals(before, afterDelete);
        }
    }

    @Test
    void readsAndRefusedWritesDoNotWaitForTheDisk() throws InterruptedException {
        long before = quiet();
        anonymous().get(MEMBERS).then().statusCode(200);
        asAdmin().get(MEMBERS).then().statusCode(200);
        asAdmin(Map.of("name", "")).post(MEMBERS).then().statusCode(400);
        anonymous().contentType("application/json").body("{}").post(MEMBERS).then().statusCode(401);
        assertEquals(before, sync.syncs());
    }

    /**
     * The fsync count once no fsync is running: one started for an earlier test's write (or the start's
     * upgrade) may still complete after that write was answered, since concurrent callers share fsyncs.
     */
    private long quiet() throws InterruptedException {
        long count = sync.syncs();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            long now = sync.syncs();
            if (now == count) {
                return now;
            }
            count = now;
        }
        throw new AssertionError("fsyncs kept running for 10 s with no write");
    }
}
