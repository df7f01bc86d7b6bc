package se.creativenorrbotten.directory.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.concurrent.Background;
import se.creativenorrbotten.directory.common.http.ApiKeys;
import se.creativenorrbotten.directory.common.http.PublicOrigins;

/**
 * The enabled partner keys in memory, by their hash, for the HTTP edge (no database query per request, and none for
 * an unknown key: a flood of made-up keys costs a hash and a map lookup each). Re-read at start, when a change on
 * this instance commits, and every {@code DIRECTORY_PARTNER_KEYS_REFRESH} (other instances share the database);
 * each read also hands the enabled keys' origins to {@link PublicOrigins}. When a key was last used is kept here and
 * written at a refresh, at most once a minute per key.
 */
@ApplicationScoped
public class PartnerKeyRegistry implements ApiKeys {

    /** How long the shutdown waits for a refresh that is running. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(PartnerKeyRegistry.class);
    private static final Duration WRITE_USE_EVERY = Duration.ofMinutes(1);

    private final PartnerKeyRepository keys;
    private final PublicOrigins origins;
    private final Duration refresh;
    private final Clock clock;
    private volatile Map<String, Enabled> byHash = Map.of();
    /** Keys used since their use was last written, with the time of their last use. */
    private final Map<UUID, Instant> used = new ConcurrentHashMap<>();
    /** When each key's use was last written. */
    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    private record Enabled(UUID id, int requestsPerMinute) {
    }

    public PartnerKeyRegistry(PartnerKeyRepository keys, PublicOrigins origins, DirectoryConfig config, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.origins = origins;
        this.refresh = config.partnerKeys().refresh();
    }

    void start(@Observes StartupEvent started) {
        reload();
        timer = Background.scheduled("partner-keys");
        long millis = Math.max(1000, refresh.toMillis());
        timer.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes when keys were last used one more time. A refresh that is running is waited for, not interrupted: an
     * interrupt during the embedded H2 database's file access closes the database (its FileChannel), and the shutdown's
     * later work (this write, the search index's last commit) would fail.
     */
    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            Background.stop(timer, STOP_WAIT);
        }
        refresh();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PartnerKeysChanged change) {
        reload();
    }

    @Override
    public Key find(String presented) {
        Enabled key = byHash.get(PartnerKeyService.hash(presented));
        if (key == null) {
            return null;
        }
        used.put(key.id(), clock.instant());
        return new Key(key.id().toString(), key.requestsPerMinute());
    }

    /** Re-reads the keys and writes when keys were last used; what the timer runs. */
    public void refresh() {
        try {
            writeUse();
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the partner keys; keeping the ones read before", e);
        }
    }

    /** Re-reads the enabled keys and their origins. */
    public synchronized void reload() {
        List<PartnerKey> all = QuarkusTransaction.requiringNew().call(() -> keys.listAll());
        Map<String, Enabled> enabled = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        for (PartnerKey key : all) {
            if (key.isEnabled()) {
                enabled.put(key.getKeyHash(), new Enabled(key.getId(), key.getRequestsPerMinute()));
                allowed.addAll(key.getOrigins());
            }
        }
        byHash = Map.copyOf(enabled);
        origins.replacePartnerOrigins(allowed);
    }

    /** Writes the last use of the keys used since, except those written less than a minute ago. */
    public void writeUse() {
        Instant now = clock.instant();
        for (Map.Entry<UUID, Instant> entry : List.copyOf(used.entrySet())) {
            UUID id = entry.getKey();
            Instant last = written.get(id);
            if (last != null && Duration.between(last, now).compareTo(WRITE_USE_EVERY) < 0) {
                continue;
            }
            used.remove(id, entry.getValue());
            QuarkusTransaction.requiringNew().run(() -> keys.markUsed(id, entry.getValue()));
            written.put(id, now);
        }
    }

    /** Forgets when uses were written, so that the next {@link #writeUse} writes them all (tests). */
    public void forgetWrites() {
        written.clear();
    }
}
