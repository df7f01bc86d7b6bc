package se.creativenorrbotten.directory;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;

/** The directory's own settings; each is listed in docs/operations.md (Settings) with its environment variable. */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    Admin admin();

    /** Where the embedded H2 database keeps its files (DIRECTORY_DATA_DIR). */
    String dataDir();

    /** A folder under the data folder: the default of the search index's and the backups' folders. */
    default String inDataDir(String name) {
        return java.nio.file.Path.of(dataDir(), name).toString();
    }

    /**
     * The default JDBC URL for each database kind, used when QUARKUS_DATASOURCE_JDBC_URL is not set
     * (application.properties builds quarkus.datasource.jdbc.url from it).
     */
    Map<String, String> jdbcUrl();

    /** Load the fictional demo members at start (DIRECTORY_DEMO_DATA). */
    @WithDefault("false")
    boolean demoData();

    Search search();

    Login login();

    H2 h2();

    Http http();

    Imports imports();

    Backup backup();

    /** Online backups of the embedded H2 database, taken with POST /q/backup on the management interface (backup/). */
    interface Backup {
        /**
         * The folder the backups are written to (DIRECTORY_BACKUP_DIR); default: "backups" under the data folder.
         * Made at the first backup, readable by the service's user only: the backups hold personal data.
         */
        Optional<String> dir();

        /**
         * How many backups the folder keeps (DIRECTORY_BACKUP_KEEP): after each backup the oldest beyond this many
         * are deleted, so that repeated backups cannot fill the disk.
         */
        @WithDefault("7")
        @Min(1)
        int keep();
    }

    interface Http {
        /** The largest JSON request body (DIRECTORY_HTTP_MAX_BODY_SIZE); imports have their own. */
        @WithDefault("64K")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();
    }

    interface Imports {
        /**
         * The largest import file (DIRECTORY_IMPORTS_MAX_BODY_SIZE), streamed to a temporary file; the server's
         * quarkus.http.limits.max-body-size follows it.
         */
        @WithDefault("200M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /**
         * How long an import job is kept after it ended, with its problems and failed rows, which hold personal data
         * (DIRECTORY_IMPORTS_KEEP); then it goes for good (checked at start and every hour).
         */
        @WithDefault("P30D")
        java.time.Duration keep();
    }

    /** The embedded H2 database. */
    interface H2 {
        /**
         * Force the database file to the disk (fsync) before a write is acknowledged (DIRECTORY_H2_FSYNC), so
         * that it survives a power cut too; concurrent writes share one fsync. Off: acknowledged writes still
         * survive a killed process (WRITE_DELAY=0 in the default JDBC URL), but not the last seconds before a
         * power cut.
         */
        @WithDefault("true")
        boolean fsync();
    }

    /** The public requests (without credentials): how long others may keep the answers, and how many one client may send. */
    @WithName("public")
    PublicReads publicReads();

    interface PublicReads {
        /**
         * How long browsers and shared caches may use a public answer without asking again
         * (DIRECTORY_PUBLIC_MAX_AGE, seconds or a duration such as {@code 2m}): {@code Cache-Control: public,
         * max-age}. After it, a cache revalidates with If-None-Match, which costs no search when nothing changed.
         */
        @WithDefault("60s")
        Duration maxAge();

        /**
         * Requests per minute that one client (an address; an IPv6 /64) may send to the API without credentials and
         * without a partner key (DIRECTORY_PUBLIC_RATE_LIMIT); they may come in one burst. See PublicLimits.
         */
        @WithDefault("1200")
        @Min(1)
        int rateLimit();
    }

    Cors cors();


    PartnerKeys partnerKeys();

    /** Partner keys (partner/): their limits and origins, read from the database. */
    interface PartnerKeys {
        /**
         * How often every instance re-reads the keys (their limits, origins, enabled) and writes when they were last
         * used (DIRECTORY_PARTNER_KEYS_REFRESH); a change made on this instance applies here at once.
         */
        @WithDefault("30s")
        Duration refresh();
    }

    /** Which other sites' browsers may do what. */
    interface Cors {
        /**
         * Origins whose pages may read the public API and frame the embeddable search (DIRECTORY_CORS_ORIGINS,
         * comma-separated): exact origins such as {@code https://www.pitea.se}, {@code *} for any, or
         * {@code scheme://host:*} for any port of one host; none by default, {@code http://localhost:*} in dev mode.
         * Partner keys add their own origins at run time (see PublicOrigins).
         */
        Optional<List<String>> origins();

        /**
         * Origins (exact, such as {@code https://admin.example.se}) whose pages may send state-changing requests
         * with a browser's credentials (DIRECTORY_CORS_ADMIN_ORIGINS, comma-separated); none by default.
         */
        Optional<List<String>> adminOrigins();

        /**
         * How long a browser may keep a preflight's answer (DIRECTORY_CORS_MAX_AGE, seconds or a duration such as
         * {@code 2h}); 2 hours, the most Chromium honours, so a partner's page sending X-Api-Key is preflighted
         * once per two hours and not before every request.
         */
        @WithDefault("2h")
        Duration maxAge();
    }

    /**
     * Login throttling (see LoginThrottle and the README's "Throttling") and the cache of verified passwords
     * (HTTP Basic sends the password with every request).
     */
    interface Login {
        /**
         * Failed logins for one user name from one client within the window before that pair is blocked
         * (DIRECTORY_LOGIN_MAX_FAILURES).
         */
        @WithDefault("10")
        @Min(1)
        int maxFailures();

        /**
         * Failed logins from one client, for any user names, within the window before the client is blocked
         * (DIRECTORY_LOGIN_CLIENT_MAX_FAILURES).
         */
        @WithDefault("20")
        @Min(1)
        int clientMaxFailures();

        /**
         * The time in which a pair's and a client's failures are earned back, steadily (DIRECTORY_LOGIN_WINDOW);
         * positive: the limits are token buckets (common/limits/KeyedLimit).
         */
        @WithDefault("1m")
        @DurationMin(millis = 1)
        Duration window();

        /** How long a blocked pair or client is answered 429 (DIRECTORY_LOGIN_BLOCK); 0: no block beyond the window. */
        @WithDefault("1m")
        @DurationMin(millis = 0)
        Duration block();

        /**
         * Failed logins for one user name, from all clients together, that may come at once; beyond it, clients
         * that are not known for the user name get one more attempt per user-window / user-max-failures
         * (DIRECTORY_LOGIN_USER_MAX_FAILURES).
         */
        @WithDefault("100")
        @Min(1)
        int userMaxFailures();

        /** The time in which a user name's whole budget refills (DIRECTORY_LOGIN_USER_WINDOW). */
        @WithDefault("1h")
        @DurationMin(millis = 1)
        Duration userWindow();

        /**
         * How long a client stays known for a user name after a successful login as it; a known client is not
         * held back by the user name's budget, only by its own limits (DIRECTORY_LOGIN_KNOWN_CLIENT_TTL).
         */
        @WithDefault("30d")
        Duration knownClientTtl();

        /**
         * How long a successful password check is remembered, so that not every request costs a bcrypt
         * verification (DIRECTORY_LOGIN_CACHE_TTL); 0 turns the cache off.
         */
        @WithDefault("5m")
        Duration cacheTtl();
    }

    Curation curation();

    Applications applications();

    interface Applications {
        /** How many applications one client (address) may send per window (DIRECTORY_APPLICATIONS_PER_CLIENT). */
        @WithDefault("5")
        @Min(1)
        int perClient();

        /** The window of that limit (DIRECTORY_APPLICATIONS_WINDOW); a client over it waits out the window. */
        @WithDefault("1h")
        @DurationMin(millis = 1)
        Duration window();
    }

    interface Curation {
        /** Members not updated for this long are listed for review with stale=true (DIRECTORY_CURATION_STALE_AFTER). */
        @WithDefault("P24M")
        Period staleAfter();
    }

    interface Search {
        /**
         * Folder of the search index (DIRECTORY_SEARCH_INDEX_DIR); default: "index" under the data folder.
         * "memory" keeps it in memory (rebuilt from the database at every start).
         */
        Optional<String> indexDir();

        /**
         * How often the index catches up with changes that other instances wrote to the database
         * (DIRECTORY_SEARCH_POLL_INTERVAL).
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a gap in the change sequence is re-read before it is taken as a rolled-back
         * transaction rather than one that has not committed yet. Longer than any write transaction
         * (DIRECTORY_SEARCH_GAP_TIMEOUT).
         */
        @WithDefault("60s")
        Duration gapTimeout();

        /**
         * How much memory the cached (segment, query word) match results may hold, in MB (a match holds about 1.1 bytes
         * a member of its segment: 110 KB at 100,000 members); 0 turns the cache off (DIRECTORY_SEARCH_WORD_CACHE_MB).
         */
        @WithDefault("12")
        @Min(0)
        int wordCacheMb();

        /**
         * How many facet-count results (per filter combination and words) each searcher keeps; 0 turns it off
         * (DIRECTORY_SEARCH_FACET_CACHE_SIZE).
         */
        @WithDefault("1024")
        @Min(0)
        int facetCacheSize();

        /**
         * How many searches and completions run on the index at once; the others wait their turn, first come first
         * served (DIRECTORY_SEARCH_CONCURRENCY); default: the number of processors.
         */
        Optional<@Min(1) Integer> concurrency();
    }

    interface Admin {
        /** The first admin's user name (DIRECTORY_ADMIN_USERNAME). */
        @WithDefault("admin")
        String username();

        /** The first admin's password (DIRECTORY_ADMIN_PASSWORD); generated and logged once when unset. */
        Optional<String> password();
    }
}
