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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.DirectoryConfig;
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
 * One backup runs at a time; another asked for meanwhile is refused, not queued. Restore: {@code src/ops/restore.sh}.
 * <p>
 * A database in memory has nothing to back up, and PostgreSQL is backed up by its own tools ({@code pg_dump}, see
 * {@code src/ops/backup.sh}): both are refused (409) with a detail that says so.
 */
@ApplicationScoped
public class DatabaseBackups {

    private static final Logger LOG = Logger.getLogger(DatabaseBackups.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final String dbKind;
    private final BackupFolder folder;
    private final int keep;
    /** When the running backup began, or null when none runs. */
    private final AtomicReference<Instant> running = new AtomicReference<>();

    public DatabaseBackups(DataSource dataSource, Clock clock, DirectoryConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.dbKind = dbKind;
        this.folder = new BackupFolder(Path.of(config.backup().dir().orElse(Path.of(config.dataDir(), "backups").toString()))
                .toAbsolutePath().normalize());
        this.keep = config.backup().keep();
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

    /**
     * Takes a backup now and deletes the oldest beyond the number kept.
     *
     * @param reference the request's id, quoted when the backup fails so that the log's entry can be found
     * @throws ProblemException 409 when the database cannot be backed up here (PostgreSQL, in memory) or a backup
     *         is running; 503 when the backup could not be written (the cause is logged)
     */
    public BackupReceipt take(String reference) {
        if (!"h2".equals(dbKind)) {
            throw ProblemException.conflict("This service runs on " + ("postgresql".equals(dbKind) ? "PostgreSQL" : dbKind)
                    + ", whose backups are taken with its own tools: run pg_dump -Fc against the database"
                    + " (src/ops/backup.sh postgresql does), and restore with pg_restore (src/ops/restore.sh postgresql).");
        }
        Running run = begin().orElseThrow(() -> ProblemException.conflict("A backup is already running (it began at "
                + running.get() + "); only one runs at a time. Ask again once it has finished."));
        try (run) {
            return write(reference);
        }
    }

    private BackupReceipt write(String reference) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long startedNanos = System.nanoTime();
        Path part = null;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (databasePath(statement) == null) {
                throw ProblemException.conflict("The database is in memory (an H2 mem: URL): there is no database file"
                        + " to back up. Run the service on an H2 file database (the default) to take backups here.");
            }
            folder.create();
            folder.removeLeftovers();
            String name = folder.freeName(started);
            part = folder.path().resolve(name + BackupFolder.PART);
            statement.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
            Path written = folder.complete(part, name);
            part = null;
            long bytes = Files.size(written);
            List<String> removed = folder.rotate(keep);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            int kept = folder.backups().size();
            LOG.infof("Backup written: %s (%d bytes) in %d ms; %d kept%s", written, bytes, took, kept,
                    removed.isEmpty() ? "" : ", deleted the oldest: " + String.join(", ", removed));
            return new BackupReceipt(name, written.toString(), bytes, started, took, kept, removed);
        } catch (SQLException | IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            LOG.errorf(e, "The backup into %s failed, reference %s", folder.path(), reference);
            throw new ProblemException(ProblemType.UNAVAILABLE, "The backup could not be written to " + folder.path()
                    + " (DIRECTORY_BACKUP_DIR): check that the folder can be written and has room for it. The service's"
                    + " log has the cause under reference " + reference + ".");
        } finally {
            deleteQuietly(part);
        }
    }

    /** The database's files (folder and name), or null for a database in memory (H2's DATABASE_PATH()). */
    private static String databasePath(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select database_path()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void deleteQuietly(Path part) {
        if (part == null) {
            return;
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the unfinished backup %s; the next backup deletes it", part);
        }
    }
}
