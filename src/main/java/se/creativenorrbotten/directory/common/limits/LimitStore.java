package se.creativenorrbotten.directory.common.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.concurrent.Background;
import se.creativenorrbotten.directory.common.persistence.DatabaseKind;

/**
 * Where the limits keep their token buckets (Bucket4j), by key. On PostgreSQL every instance of the directory
 * shares them: a bucket is a row of {@value #TABLE}, read and written under {@code SELECT ... FOR UPDATE} in a
 * transaction of its own, so N instances allow what one would, not N times as much. On H2 (one instance per data
 * folder) they stay in this instance's memory, at most {@link #MAX_MEMORY_BUCKETS}. Either way a bucket is dropped
 * {@link #KEEP_WHEN_FULL} after it is full again (on PostgreSQL by a sweep every {@link #SWEEP_EVERY}).
 * <p>
 * On PostgreSQL every use of a bucket is a database round trip: call it off the event loop and outside a
 * transaction of the caller. Time is the wall clock (the instances' clocks must agree to within a second or so,
 * as NTP keeps them); tests may stop it ({@link #useTime}).
 */
@ApplicationScoped
public class LimitStore {

    /** The PostgreSQL table of the shared buckets (db/migration/postgresql/V11). */
    static final String TABLE = "limit_bucket";
    static final int MAX_MEMORY_BUCKETS = 200_000;
    static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1_000;
    private static final Logger LOG = Logger.getLogger(LimitStore.class);

    private final StoreTime time = new StoreTime();
    private final ProxyManager<String> buckets;
    /** Null when the buckets are in memory. */
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final CaffeineProxyManager<String> memory;
    private final DataSource dataSource;
    private final ScheduledExecutorService sweeper;

    @Inject
    LimitStore(DatabaseKind database, Instance<DataSource> dataSources) {
        this(database.shared() ? dataSources.get() : null);
    }

    private LimitStore(DataSource dataSource) {
        this.dataSource = dataSource;
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL);
        if (dataSource == null) {
            this.memory = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder()
                    .maximumSize(MAX_MEMORY_BUCKETS).ticker(time::currentTimeNanos))
                    .expirationAfterWrite(expiry).clientClock(time).build();
            this.shared = null;
            this.buckets = memory;
            this.sweeper = null;
        } else {
            this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table(TABLE).idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").expirationAfterWrite(expiry).clientClock(time).build();
            this.memory = null;
            this.buckets = shared;
            this.sweeper = Background.scheduled("limit-sweeper");
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    /** Buckets in a PostgreSQL database, as another instance on it keeps them (tests); {@link #stop} it after use. */
    static LimitStore sharedIn(DataSource dataSource) {
        return new LimitStore(dataSource);
    }

    /** Buckets in this JVM's memory, on the given time (tests of the limits without a service). */
    public static LimitStore inMemory(TimeMeter time) {
        LimitStore store = new LimitStore((DataSource) null);
        store.time.use(time);
        return store;
    }

    /** Whether every instance on the same database shares the buckets (PostgreSQL), not only this one (H2). */
    public boolean shared() {
        return shared != null;
    }

    /** The bucket of a key, made with the configuration when the key has none yet (or its bucket expired). */
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    /** Drops every bucket whose key starts with the prefix (tests and operations; "" for all). */
    public void clear(String prefix) {
        if (memory != null) {
            memory.getCache().asMap().keySet().removeIf(key -> key.startsWith(prefix));
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + TABLE + " WHERE starts_with(id, ?)")) {
            delete.setString(1, prefix);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the limits' buckets", e);
        }
    }

    /** Drops every bucket and measures time with this meter from now on (tests; null: the wall clock). */
    public void useTime(TimeMeter meter) {
        time.use(meter);
        clear("");
    }

    /** How many buckets are kept now (tests). */
    long size() {
        if (memory != null) {
            memory.getCache().cleanUp();
            return memory.getCache().estimatedSize();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + TABLE);
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the limits' buckets", e);
        }
    }

    /** Drops the buckets that expired now, rather than at the next sweep (tests). */
    void cleanUp() {
        if (memory != null) {
            memory.getCache().cleanUp();
        } else {
            sweep();
        }
    }

    private void sweep() {
        try {
            while (shared.removeExpired(SWEEP_BATCH) >= SWEEP_BATCH) {
                // More than a batch expired: go on until the table holds no more.
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove expired limit buckets (the next sweep tries again): %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** The buckets' time: the wall clock, or a test's. */
    private static final class StoreTime implements TimeMeter {
        private volatile TimeMeter meter = TimeMeter.SYSTEM_MILLISECONDS;

        void use(TimeMeter replacement) {
            meter = replacement == null ? TimeMeter.SYSTEM_MILLISECONDS : replacement;
        }

        @Override
        public long currentTimeNanos() {
            return meter.currentTimeNanos();
        }

        @Override
        public boolean isWallClockBased() {
            return meter.isWallClockBased();
        }
    }
}
