package se.creativenorrbotten.directory.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.net.URL;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.time.MovingTime;
import se.creativenorrbotten.directory.curation.TestCuration;

/**
 * The search's metrics as a scraper reads them (Prometheus text on the management port): the index follower's lag and
 * the search latency histogram.
 */
@QuarkusTest
class SearchMetricsTest extends MovingTime {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    AgroalDataSource dataSource;

    private String scrape() {
        return anonymous().accept("text/plain").get(metrics).then().statusCode(200).extract().asString();
    }

    /** The value of the one series of {@code name} with each of {@code labels} (none: the series without labels). */
    private double value(String name, String... labels) {
        String text = scrape();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)})? (\\S+)$").matcher(text);
        List<Double> found = new ArrayList<>();
        while (line.find()) {
            String has = line.group(2);
            if (has == null ? labels.length == 0 : java.util.Arrays.stream(labels).allMatch(has::contains)) {
                found.add(Double.parseDouble(line.group(3)));
            }
        }
        assertEquals(1, found.size(), () -> "one series " + name + java.util.Arrays.toString(labels) + " in\n" + text);
        return found.get(0);
    }

    private double lag() {
        return value("directory_index_lag_seconds");
    }

    @Test
    void searchesAndSuggestionsAreTimedInAHistogramWithFixedTags() {
        double searches = value("directory_search_seconds_count", "operation=\"search\"");
        double suggestions = value("directory_search_seconds_count", "operation=\"suggest\"");
        String q = "metrik" + unique();

        String etag = anonymous().queryParam("q", q).get("/api/v1/members").then().statusCode(200).extract().header("ETag");
        assertEquals(searches + 1, value("directory_search_seconds_count", "operation=\"search\""));
        // An answer revalidated by its ETag runs no search.
        anonymous().header("If-None-Match", etag).queryParam("q", q).get("/api/v1/members").then().statusCode(304);
        assertEquals(searches + 1, value("directory_search_seconds_count", "operation=\"search\""));
        anonymous().queryParam("q", "fot").get("/api/v1/members/suggest").then().statusCode(200);
        assertEquals(suggestions + 1, value("directory_search_seconds_count", "operation=\"suggest\""));

        String text = scrape();
        assertThat(text, containsString("# TYPE directory_search_seconds histogram"));
        // The buckets (cumulative counts: each at least the one before, the last one every search).
        double below = 0;
        for (String le : new String[] { "0.01", "0.025", "0.04", "0.1", "0.25", "+Inf" }) {
            double bucket = value("directory_search_seconds_bucket", "operation=\"search\"", "le=\"" + le + "\"");
            assertTrue(bucket >= below, "bucket " + le);
            below = bucket;
        }
        assertEquals(searches + 1, below);
        // Nothing the caller sent became a tag.
        assertTrue(text.lines().filter(l -> l.startsWith("directory_search_seconds")).noneMatch(l -> l.contains(q)), text);
    }

    /**
     * A member written by another instance (straight into the database, as in SearchFollowsWritesTest) while this
     * instance's follower cannot read the change log: every connection of the pool is taken here, so its next poll waits
     * for one. The lag rises with the time (the clock moved 10 minutes); once the follower can read, the member is
     * indexed and the lag is 0 again.
     */
    @Test
    void indexLagIsZeroWhenCaughtUpAndRisesWhileTheFollowerCannotReadTheChangeLog() throws Exception {
        TestCuration.await(() -> lag() == 0.0, "the index caught up");
        assertEquals(0.0, value("directory_index_lag_changes"));
        String marker = "lagg" + unique();
        int poolSize = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < poolSize) {
                taken.add(dataSource.getConnection());
            }
            SearchFollowsWritesTest.insertMember(taken.get(0), "Eftersläpande " + marker, "photography");
            TestCuration.await(() -> lag() > 0, "a poll that waits for a connection longer than the poll interval");
            double before = lag();
            clock.advance(Duration.ofMinutes(10));
            double after = lag();
            assertTrue(after >= before + 600, () -> "from " + before + " s to " + after + " s in 10 minutes");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        TestCuration.await(() -> lag() == 0.0, "caught up once the follower can read");
        assertThat(SearchApi.names("photography", marker), contains("Eftersläpande " + marker));
    }
}
