package se.creativenorrbotten.directory.search;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The search's metrics on {@code /q/metrics} (the management port), registered at start so that every series exists
 * before the first search:
 * <ul>
 * <li>{@code directory_index_lag_seconds}: how far the index is behind the change log ({@link IndexLag}: 0 when
 * caught up); {@code directory_index_lag_changes}: changes the follower read that the index does not hold yet;</li>
 * <li>{@code directory_search_seconds} (a histogram with the buckets {@link #SLOS}): the time a search or a completion
 * takes on the index, tagged {@code operation="search"} or {@code "suggest"}.</li>
 * </ul>
 * Tags are fixed words only, never a query's text or parameters: each tag value is a series for the life of the process
 * (see common/http/HttpMetricTags).
 */
@Startup
@ApplicationScoped
public class SearchMetrics {

    /**
     * The histogram's buckets: 10 ms and 25 ms (suggestions keep up with typing), 40 ms, 100 ms (a click feels instant),
     * 250 ms (slow).
     */
    static final Duration[] SLOS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(40),
            Duration.ofMillis(100), Duration.ofMillis(250) };

    private final Timer search;
    private final Timer suggest;

    public SearchMetrics(MeterRegistry registry, IndexFollower follower) {
        IndexLag lag = follower.lag();
        Gauge.builder("directory.index.lag", lag, IndexLag::seconds)
                .baseUnit("seconds")
                .description("How far the search index is behind the database's change log: 0 when it holds every change"
                        + " its follower read, else the seconds since the start of the follower's last poll that left it"
                        + " caught up")
                .strongReference(true)
                .register(registry);
        Gauge.builder("directory.index.lag.changes", lag, IndexLag::changes)
                .description("Changes the index follower read from the change log that the index does not hold yet")
                .strongReference(true)
                .register(registry);
        search = timer(registry, "search");
        suggest = timer(registry, "suggest");
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder("directory.search")
                .description("Time a member search (operation=search, GET /members) or the completions (operation=suggest)"
                        + " take on the index, from the validated query to the result; an answer revalidated (304) runs none")
                .tag("operation", operation)
                .serviceLevelObjectives(SLOS)
                .register(registry);
    }

    Timer search() {
        return search;
    }

    Timer suggest() {
        return suggest;
    }
}
