package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.curation.TestCuration;

/**
 * A partner's mirror (id to public view) that follows the feed page by page while curators create, edit, archive,
 * publish, reject and erase members from several threads at once ends, after a last catch-up, identical to the public
 * listing: no change lost to transactions that commit out of order, no member left behind.
 */
@QuarkusTest
class FeedMirrorTest {

    private static final int WRITERS = 3;
    private static final int OPERATIONS_PER_WRITER = 70;
    private static final Set<Integer> DONE = Set.of(200, 201, 204);
    /** Expected refusals of a random operation: a status the move does not allow (409), a member already erased (404). */
    private static final Set<Integer> REFUSED = Set.of(404, 409, 412);

    @Test
    @SuppressWarnings("unchecked")
    void aMirrorFollowingTheFeedDuringRandomWritesEndsEqualToThePublicListing() throws Exception {
        Map<String, Map<String, Object>> mirror = new ConcurrentHashMap<>();
        Set<String> touched = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<String> follower = threads.submit(() -> {
                String cursor = null;
                while (writing.get()) {
                    cursor = followPage(cursor, mirror);
                    pages.incrementAndGet();
                    Thread.sleep(ThreadLocalRandom.current().nextInt(30));
                }
                return cursor;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
                        operate(mine, touched);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            String cursor = follower.get();

            // The last catch-up: follow until nothing is pending, then compare; writes of other tests may still settle.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String difference;
            while (true) {
                Map<String, Object> page;
                do {
                    page = anonymous().queryParam("since", cursor).queryParam("size", 50).get(TestFeed.CHANGES).jsonPath()
                            .getMap("$");
                    apply((List<Map<String, Object>>) page.get("items"), mirror);
                    cursor = (String) page.get("nextCursor");
                } while (Boolean.TRUE.equals(page.get("hasMore")));
                difference = difference(mirror, touched);
                if (difference == null || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(null, difference, "the mirror after " + done.get() + " operations and " + pages.get() + " pages");
            assertTrue(touched.size() > WRITERS * 5, "the writers created members: " + touched.size());
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    /** One page of the feed into the mirror; answers the next cursor. */
    @SuppressWarnings("unchecked")
    private static String followPage(String cursor, Map<String, Map<String, Object>> mirror) {
        var request = anonymous().queryParam("size", 1 + ThreadLocalRandom.current().nextInt(8));
        if (cursor != null) {
            request.queryParam("since", cursor);
        }
        Response response = request.get(TestFeed.CHANGES);
        assertEquals(200, response.statusCode(), response.asString());
        Map<String, Object> page = response.jsonPath().getMap("$");
        apply((List<Map<String, Object>>) page.get("items"), mirror);
        return (String) page.get("nextCursor");
    }

    @SuppressWarnings("unchecked")
    private static void apply(List<Map<String, Object>> items, Map<String, Map<String, Object>> mirror) {
        for (Map<String, Object> item : items) {
            String id = (String) item.get("id");
            if ("upsert".equals(item.get("change"))) {
                mirror.put(id, (Map<String, Object>) item.get("member"));
            } else {
                mirror.remove(id);
            }
        }
    }

    /** A random write on one of this writer's members (or a new member). */
    private static void operate(List<String> mine, Set<String> touched) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        if (mine.isEmpty() || dice < 25) {
            Map<String, Object> input = TestMembers.freelancer(unique());
            input.put("name", "Spegel " + unique());
            input.put("contactPublic", random.nextBoolean());
            String id = TestCuration.create(random.nextInt(4) == 0 ? "pending" : null, input).id();
            mine.add(id);
            touched.add(id);
            return;
        }
        String id = mine.get(random.nextInt(mine.size()));
        Response response;
        if (dice < 55) {
            Response read = TestMembers.fullRecord(id);
            if (read.statusCode() == 404) {
                return;
            }
            Map<String, Object> patch = new HashMap<>();
            if (random.nextBoolean()) {
                patch.put("headline", "Ändrad " + unique());
            } else {
                patch.put("contactPublic", random.nextBoolean());
                patch.put("availableForWork", random.nextBoolean());
            }
            response = TestMembers.patch(id, read.header("ETag"), patch);
        } else if (dice < 70) {
            response = TestCuration.action(id, "archive", null);
        } else if (dice < 85) {
            response = TestCuration.action(id, "publish", null);
        } else if (dice < 90) {
            response = TestCuration.action(id, "reject", Map.of("reason", "Test"));
        } else {
            response = asCurator().delete(MEMBERS + "/" + id);
        }
        int status = response.statusCode();
        assertTrue(DONE.contains(status) || REFUSED.contains(status), () -> status + " " + response.asString());
    }

    /**
     * What differs between the mirror and the directory (null: nothing): the ids of the public listing (every page,
     * sorted by name), and for every member the writers touched, its public view (or its absence).
     */
    private static String difference(Map<String, Map<String, Object>> mirror, Set<String> touched) {
        Set<String> listed = new TreeSet<>();
        for (int page = 1;; page++) {
            Response response = anonymous().queryParam("sort", "name").queryParam("size", 100).queryParam("page", page)
                    .get(MEMBERS);
            List<String> ids = response.jsonPath().getList("items.id");
            listed.addAll(ids);
            if (ids.size() < 100) {
                break;
            }
        }
        if (!listed.equals(new TreeSet<>(mirror.keySet()))) {
            Set<String> missing = new TreeSet<>(listed);
            missing.removeAll(mirror.keySet());
            Set<String> extra = new TreeSet<>(mirror.keySet());
            extra.removeAll(listed);
            return "listed but not mirrored: " + missing + "; mirrored but not listed: " + extra;
        }
        for (String id : touched) {
            Response response = anonymous().get(MEMBERS + "/" + id);
            Map<String, Object> expected = response.statusCode() == 200 ? response.jsonPath().getMap("$") : null;
            if (!java.util.Objects.equals(expected, mirror.get(id))) {
                return id + ": the directory shows " + expected + ", the mirror " + mirror.get(id);
            }
        }
        return null;
    }
}
