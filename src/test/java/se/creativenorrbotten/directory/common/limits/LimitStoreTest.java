package se.creativenorrbotten.directory.common.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.Simultaneously;

/**
 * The service's limit store on the database the tests run on: on PostgreSQL (CI's test-pg) a second store on the
 * same database, as another instance keeps it, counts the same events, and expired rows are swept; on H2 the
 * buckets are this instance's own, in memory. The real two services: .ci/cluster-check.sh.
 */
@QuarkusTest
class LimitStoreTest {

    @Inject
    LimitStore store;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final ManualTime time = new ManualTime();
    private LimitStore other;

    @BeforeEach
    void stopTime() {
        store.useTime(time);
    }

    @AfterEach
    void restartTime() {
        if (other != null) {
            other.stop();
        }
        store.useTime(null);
    }

    /** Another instance's store: on the same database on PostgreSQL, in its own memory on H2. */
    private LimitStore otherInstance() {
        other = store.shared() ? LimitStore.sharedIn(dataSource) : LimitStore.inMemory(time);
        other.useTime(time);
        return other;
    }

    @Test
    void theBucketsAreSharedExactlyOnPostgreSQL() {
        assertEquals("postgresql".equals(dbKind), store.shared());
    }

    @Test
    void twoInstancesCountTheSameEventsOnPostgreSQLOnly() {
        KeyedLimit here = new KeyedLimit(store, "test-shared", 10, Duration.ofMinutes(1), Duration.ofMinutes(1));
        KeyedLimit there = new KeyedLimit(otherInstance(), "test-shared", 10, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(0, here.record("client"));
            assertEquals(0, there.record("client"));
        }
        assertEquals(0, here.record("client"));
        if (store.shared()) {
            // The tenth event, on the other instance, spends the last one: both see the block.
            assertEquals(60, there.record("client"));
            assertEquals(60, here.waitSeconds("client"));
            time.advance(Duration.ofSeconds(60));
            assertEquals(0, here.waitSeconds("client"));
        } else {
            // On H2 each instance (one per data folder) counts its own: four there, five here.
            assertEquals(0, there.record("client"));
            assertEquals(0, here.waitSeconds("client"));
        }
    }

    @Test
    void racingTakesGetNoMoreThanTheBudgetHolds() throws Exception {
        // 24 threads take at once from a budget of 10, half of them through another instance's store on PostgreSQL
        // (each row is read and written under SELECT ... FOR UPDATE): exactly 10 get one. On H2 all use this store.
        LimitStore there = store.shared() ? otherInstance() : store;
        KeyedLimit here = new KeyedLimit(store, "test-race", 10, Duration.ofHours(1));
        KeyedLimit elsewhere = new KeyedLimit(there, "test-race", 10, Duration.ofHours(1));
        List<Callable<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            KeyedLimit limit = i % 2 == 0 ? here : elsewhere;
            takes.add(() -> limit.tryTake("user"));
        }
        assertEquals(10, Simultaneously.run(takes).stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void aBucketFullAgainIsDropped() throws SQLException {
        KeyedLimit budget = new KeyedLimit(store, "test-expiry", 3, Duration.ofMinutes(3));
        budget.record("a");
        budget.record("b");
        assertEquals(2, store.size());
        if (store.shared()) {
            // Bucket4j dates a row's expiry and its sweep by the wall clock: the row may go once the bucket is full
            // again (one event back: a minute), and the sweep deletes it once that time has passed.
            long now = System.currentTimeMillis();
            long latest = sql("SELECT max(expires_at) FROM limit_bucket");
            assertTrue(latest > now && latest <= now + Duration.ofMinutes(1).plus(LimitStore.KEEP_WHEN_FULL)
                    .plusSeconds(5).toMillis(), "expires at " + latest + ", now " + now);
            sql("UPDATE limit_bucket SET expires_at = expires_at - 3600000");
        } else {
            time.advance(Duration.ofMinutes(1).plus(LimitStore.KEEP_WHEN_FULL).plusSeconds(1));
        }
        store.cleanUp();
        assertEquals(0, store.size());
    }

    /** Runs a statement; a query's single number, or an update's count. */
    private long sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            if (!prepared.execute()) {
                return prepared.getUpdateCount();
            }
            try (ResultSet rows = prepared.getResultSet()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
