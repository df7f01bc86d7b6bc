package se.creativenorrbotten.directory.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Several instances on one database: an instance fails only the unfinished import jobs whose instance went quiet
 * (no heartbeat for a while, or a job of an earlier release that kept none), never its own, never one another
 * instance is running and renewing, never a job that ended; and its heartbeat renews only its own unfinished jobs.
 */
@QuarkusTest
class ImportJobOwnerTest {

    private static final String ME = "instance-me";
    private static final String OTHER = "instance-other";
    private static final ImportOptions OPTIONS = new ImportOptions(false, ImportMode.CREATE, false, ImportStatus.PUBLISHED);

    @Inject
    ImportJobRepository jobs;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant quietSince = now.minus(ImportService.ABANDONED_AFTER);
    private final List<UUID> made = new java.util.ArrayList<>();

    /** A job of {@code owner}, last heard of at {@code heard}, in the state the setter leaves it. */
    private UUID job(String owner, Instant heard, java.util.function.Consumer<ImportJob> state) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob(id, ImportFormat.CSV, OPTIONS, "admin", heard, owner);
            state.accept(job);
            jobs.persist(job);
        });
        made.add(id);
        return id;
    }

    private ImportJobStatus status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).getStatus());
    }

    @AfterEach
    void removeJobs() {
        QuarkusTransaction.requiringNew().run(() -> made.forEach(jobs::deleteById));
    }

    @Test
    void onlyTheUnfinishedJobsOfQuietInstancesAreFailed() {
        UUID mineLongAgo = job(ME, now.minus(Duration.ofHours(1)), job -> job.start(10));
        UUID othersRecent = job(OTHER, now.minusSeconds(10), job -> job.start(10));
        UUID othersQuiet = job(OTHER, quietSince.minusSeconds(1), job -> job.start(10));
        UUID othersQueuedQuiet = job(OTHER, quietSince.minusSeconds(60), job -> { });
        UUID earlierRelease = job(null, now.minus(Duration.ofHours(1)), job -> { });
        UUID othersDone = job(OTHER, now.minus(Duration.ofHours(1)),
                job -> job.finish(ImportJobStatus.DONE, "done", now.minus(Duration.ofHours(1))));

        int failed = QuarkusTransaction.requiringNew().call(() -> jobs.failAbandoned(ME, quietSince, now));

        assertEquals(3, failed);
        assertEquals(Map.of(mineLongAgo, ImportJobStatus.RUNNING, othersRecent, ImportJobStatus.RUNNING,
                othersQuiet, ImportJobStatus.FAILED, othersQueuedQuiet, ImportJobStatus.FAILED,
                earlierRelease, ImportJobStatus.FAILED, othersDone, ImportJobStatus.DONE),
                Map.of(mineLongAgo, status(mineLongAgo), othersRecent, status(othersRecent),
                        othersQuiet, status(othersQuiet), othersQueuedQuiet, status(othersQueuedQuiet),
                        earlierRelease, status(earlierRelease), othersDone, status(othersDone)));
    }

    @Test
    void aHeartbeatKeepsAnInstancesUnfinishedJobsFromBeingTakenForAbandoned() {
        UUID running = job(ME, quietSince.minusSeconds(30), job -> job.start(10));
        UUID queued = job(ME, quietSince.minusSeconds(30), job -> { });
        UUID others = job(OTHER, quietSince.minusSeconds(30), job -> job.start(10));

        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> jobs.beat(ME, now)));
        // Another instance looks: this one's jobs were just renewed, the quiet one's were not.
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> jobs.failAbandoned("instance-third", quietSince, now)));
        assertEquals(ImportJobStatus.RUNNING, status(running));
        assertEquals(ImportJobStatus.QUEUED, status(queued));
        assertEquals(ImportJobStatus.FAILED, status(others));
    }
}
