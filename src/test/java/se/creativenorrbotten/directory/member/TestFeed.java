package se.creativenorrbotten.directory.member;

import static se.creativenorrbotten.directory.TestApi.anonymous;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A partner following the change feed, as the feed tests do it. */
public final class TestFeed {

    public static final String CHANGES = TestMembers.MEMBERS + "/changes";

    private TestFeed() {
    }

    /** One page of the feed as it came. */
    public record Page(List<Map<String, Object>> items, String nextCursor, boolean hasMore) {
    }

    /** GET /members/changes anonymously (since and size: null for none), checking the 200 and the page's shape. */
    public static Page page(String since, Integer size) {
        var request = anonymous();
        if (since != null) {
            request.queryParam("since", since);
        }
        if (size != null) {
            request.queryParam("size", size);
        }
        Response response = request.get(CHANGES);
        response.then().statusCode(200).contentType(ContentType.JSON);
        JsonPath body = response.jsonPath();
        return new Page(body.getList("items"), body.getString("nextCursor"), body.getBoolean("hasMore"));
    }

    /**
     * Follows the feed from {@code since} until it says it is up to date, putting every item (the latest per id) into
     * {@code seen}; answers the last cursor.
     */
    public static String follow(String since, int size, Map<String, Map<String, Object>> seen) {
        String cursor = since;
        while (true) {
            Page page = page(cursor, size);
            for (Map<String, Object> item : page.items()) {
                seen.put((String) item.get("id"), item);
            }
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return cursor;
            }
        }
    }

    /** The cursor of now: the whole feed followed from the beginning. */
    public static String tail() {
        return follow(null, 1000, new LinkedHashMap<>());
    }

    /**
     * Follows the feed from {@code since} until what was seen since then satisfies {@code done} (changes become
     * visible at the change log's safe point; a gap left by a write made outside the service waits out the gap
     * timeout), at most 90 s; answers what was seen.
     */
    public static Map<String, Map<String, Object>> await(String since, Predicate<Map<String, Map<String, Object>>> done) {
        Map<String, Map<String, Object>> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String cursor = since;
        while (true) {
            cursor = follow(cursor, 100, seen);
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the feed did not show the changes within 90 s; seen: " + seen.keySet());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** True when the items hold every one of these ids. */
    public static Predicate<Map<String, Map<String, Object>>> hasAll(String... ids) {
        return seen -> List.of(ids).stream().allMatch(seen::containsKey);
    }
}
