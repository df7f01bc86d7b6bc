package se.creativenorrbotten.directory.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.concurrent.Background;
import se.creativenorrbotten.directory.common.logging.RequestIds;
import se.creativenorrbotten.directory.common.persistence.DatabaseKind;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Online backups of the embedded H2 database, while the service runs and writes.
 * <p>
 * H2 keeps its file locked while the service has it open, so a copy can only be taken from inside: H2's
 * {@code BACKUP TO '<file>.zip'} writes the database file into a zip while writes go on (it stops reusing space
 * in the file meanwhile, so the copy holds a consistent state from around its start; H2 calls it transactionally
 * consistent). Each backup goes into {@link BackupFolder} (DIRECTORY_BACKUP_DIR, default {@code backups} under the
 * data folder) as {@code directory-<UTC time>.zip}, and the oldest beyond DIRECTORY_BACKUP_KEEP are deleted after it.
 * A backup runs on a thread of its own ({@link #start}), so that the caller may wait for it or not (a large database
 * takes longer than an HTTP connection may stay silent: about a minute for a 1 GB file). One backup runs at a time;
 * another asked for meanwhile is refused, not queued. Restore: {@code src/ops/restore.sh}.
 * <p>
 * A database in memory has nothing to back up, and PostgreSQL is backed up by its own tools ({@code pg_dump}, see
 * {@code src/ops/backup.sh}): both are refused (409) with a detail that says so.
 */
@ApplicationScoped
public class DatabaseBackups {

    private static final Logger LOG = Logger.getLogger(DatabaseBackups.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final DatabaseKind database;
    private final BackupFolder folder;
    private final int keep;
    /** When the running backup began, or null when none runs. */
    private final AtomicReference<Instant> running = new AtomicReference<>();
    /** {@link #refusal()}, once known (null before). */
    private volatile Optional<String> refusal;
    /** The latest backup this process started: running, done or failed. */
    private final AtomicReference<BackupJob> latest = new AtomicReference<>();
    private final ExecutorService worker = Background.thread("database-backup");

    public DatabaseBackups(DataSource dataSource, Clock clock, DirectoryConfig config, DatabaseKind database) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.database = database;
        this.folder = new BackupFolder(Path.of(config.backup().dir().orElse(config.inDataDir("backups")))
                .toAbsolutePath().normalize());
        this.keep = config.backup().keep();
    }

    void onStop(@Observes ShutdownEvent stop) {
        // A backup cut short leaves only its .part file, which the next backup deletes.
        worker.shutdownNow();
    }

    /** One backup: its name and start are known at once, its outcome later. */
    public record BackupJob(String file, Instant createdAt, CompletableFuture<BackupReceipt> outcome) {

        /** What the backup has come to so far. */
        public BackupStatus status() {
            if (!outcome.isDone()) {
                return BackupStatus.running(file, createdAt);
            }
            try {
                return BackupStatus.done(outcome.join());
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                String detail = e.getCause() instanceof ProblemException problem ? problem.detail()
                        : "The backup did not finish; the service's log says why.";
                return BackupStatus.failed(file, createdAt, detail);
            }
        }
    }

    /** A backup marked as running until closed; see {@link #begin()}. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks a backup as running, or answers empty when one already is. */
    Optional<Running> begin() {
        Instant now = clock.instant();
        if (!running.compareAndSet(null, now)) {
            return Optional.empty();
        }
        return Optional.of(() -> running.compareAndSet(now, null));
    }

    /** Where the backups go. */
    Path folder() {
        return folder.path();
    }

    /** The latest backup this process started (running, done or failed), if any. */
    public Optional<BackupJob> latest() {
        return Optional.ofNullable(latest.get());
    }

    /**
     * Why this service cannot back up its database itself, or empty when it can. The answer does not change while the
     * process runs: the database is asked once.
     */
    public Optional<String> refusal() {
        Optional<String> known = refusal;
        if (known == null) {
            known = askRefusal();
            refusal = known;
        }
        return known;
    }

    private Optional<String> askRefusal() {
        if (!database.h2()) {
            return Optional.of("This service runs on " + database.displayName()
                    + ", whose backups are taken with its own tools: run pg_dump -Fc against the database"
                    + " (src/ops/backup.sh postgresql does), and restore with pg_restore (src/ops/restore.sh postgresql).");
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select database_path()")) {
            // H2's DATABASE_PATH() is the folder and name of the database's files, or null for a database in memory.
            if (!rs.next() || rs.getString(1) == null) {
                return Optional.of("The database is in memory (an H2 mem: URL): there is no database file to back up."
                        + " Run the service on an H2 file database (the default) to take backups here.");
            }
            return Optional.empty();
        } catch (SQLException e) {
            LOG.error("Could not ask the database where its files are", e);
            throw new ProblemException(ProblemType.UNAVAILABLE, "The database did not answer; the service's log says why.");
        }
    }

    /**
     * Starts a backup on the backup thread and deletes the oldest beyond the number kept once it is written.
     *
     * @param reference the request's id: the backup's log lines carry it, and a failure quotes it
     * @throws ProblemException 409 when the database cannot be backed up here (PostgreSQL, in memory) or a backup
     *         is running
     */
    public BackupJob start(String reference) {
        refusal().ifPresent(why -> {
            throw ProblemException.conflict(why);
        });
        Running run = begin().orElseThrow(() -> ProblemException.conflict("A backup is already running"
                + Optional.ofNullable(running.get()).map(since -> " (it began at " + since + ")").orElse("")
                + "; only one runs at a time. Ask again once it has finished (GET shows it)."));
        try {
            Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            folder.create();
            folder.removeLeftovers();
            String name = folder.freeName(started);
            CompletableFuture<BackupReceipt> outcome = new CompletableFuture<>();
            BackupJob job = new BackupJob(name, started, outcome);
            worker.execute(() -> {
                RequestIds.begin(reference);
                try (run) {
                    outcome.complete(write(name, started, reference));
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            });
            latest.set(job);
            return job;
        } catch (IOException | RuntimeException e) {
            run.close();
            throw failed(e, reference);
        }
    }

    private BackupReceipt write(String name, Instant started, String reference) {
        long startedNanos = System.nanoTime();
        Path part = folder.path().resolve(name + BackupFolder.PART);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
            Path written = folder.complete(part, name);
            long bytes = Files.size(written);
            List<String> removed = folder.rotate(keep);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            int kept = folder.backups().size();
            LOG.infof("Backup written: %s (%d bytes) in %d ms; %d kept%s", written, bytes, took, kept,
                    removed.isEmpty() ? "" : ", deleted the oldest: " + String.join(", ", removed));
            return new BackupReceipt(name, written.toString(), bytes, started, took, kept, removed);
        } catch (SQLException | IOException | RuntimeException e) {
            throw failed(e, reference);
        } finally {
            deleteQuietly(part);
        }
    }

    /** A backup that could not be written: logged with its cause, answered as 503 quoting the reference. */
    private ProblemException failed(Exception e, String reference) {
        LOG.errorf(e, "The backup into %s failed, reference %s", folder.path(), reference);
        return new ProblemException(ProblemType.UNAVAILABLE, "The backup could not be written to " + folder.path()
                + " (DIRECTORY_BACKUP_DIR): check that the folder can be written and has room for it. The service's"
                + " log has the cause under reference " + reference + ".");
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the unfinished backup %s; the next backup deletes it", part);
        }
    }
}
