package se.creativenorrbotten.directory.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * Makes committed writes durable before they are acknowledged, on the embedded H2 database.
 * <p>
 * H2 (MVStore) keeps a commit in memory and writes it to its file only every WRITE_DELAY (500 ms by
 * default), and never forces the file to the disk at a commit: a killed process loses the last half second
 * of acknowledged writes, a power cut the last seconds. The default JDBC URL sets {@code WRITE_DELAY=0}
 * (every commit is written to the file before it returns, which a killed process cannot undo), and this
 * runs {@code CHECKPOINT SYNC} (store whatever is unsaved, then fsync the file) before a write is answered:
 * then it also survives a power cut, as far as the disk honours fsync. Concurrent writers share one fsync
 * ({@link GroupSync}). PostgreSQL makes its commits durable itself (synchronous_commit): nothing to do there.
 */
@ApplicationScoped
public class DatabaseSync {

    private static final Logger LOG = Logger.getLogger(DatabaseSync.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final GroupSync group = new GroupSync(this::checkpointSync);

    public DatabaseSync(DataSource dataSource, DirectoryConfig config, DatabaseKind database) {
        this.dataSource = dataSource;
        this.enabled = database.h2() && config.h2().fsync();
    }

    /** True when this service forces writes to disk itself (H2 with DIRECTORY_H2_FSYNC on). */
    public boolean enabled() {
        return enabled;
    }

    /** Returns once everything committed before the call is on the disk (at once when not {@link #enabled()}). */
    public void awaitDurable() throws Exception {
        if (enabled) {
            group.await();
        }
    }

    /** How many fsyncs have run so far. */
    public long syncs() {
        return group.actions();
    }

    /** What the start wrote (schema, the first admin, the demo members) is on the disk before the first request. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent start)
            throws Exception {
        awaitDurable();
        if (enabled) {
            LOG.info("Writes are forced to disk (fsync) before they are acknowledged (DIRECTORY_H2_FSYNC=true)");
        }
    }

    private void checkpointSync() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
