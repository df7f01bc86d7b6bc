package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.Simultaneously;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * The battery's races on one member: {@value #RACERS} writes with the same If-Match at once make exactly one change
 * (one 200, every other one a 412 problem), and nothing is lost or doubled: the stored member is the winner's, its
 * version moved once and its history grew by one entry (each racer changes one field; the history has an entry per
 * changed field). {@value #RACERS} creates of one name at once all succeed.
 */
@QuarkusTest
class MemberWriteRaceTest {

    static final int RACERS = 100;

    @Inject
    TestDatabase database;

    @Inject
    MemberService members;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper objects;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT", "PATCH"})
    void ofAHundredWritesWithTheSameIfMatchExactlyOneIsMade(String method) throws Exception {
        String marker = unique();
        Created created = create(TestMembers.freelancer(marker));
        long history = historyOf(created.id());
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Callable<Response>> writes = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Map<String, Object> body;
            if (method.equals("PUT")) {
                body = TestMembers.freelancer(marker);
                body.put("headline", "Written by racer " + i);
            } else {
                body = Map.of("headline", "Patched by racer " + i);
            }
            bodies.add(body);
            writes.add(method.equals("PUT") ? () -> TestMembers.put(created.id(), created.etag(), body)
                    : () -> TestMembers.patch(created.id(), created.etag(), body));
        }

        long started = System.nanoTime();
        List<Response> responses = Simultaneously.run(writes);
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(Response::statusCode, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(200, 1L, 412, (long) RACERS - 1), statuses, () -> "statuses of " + RACERS + " " + method
                + "s: " + statuses + "; others: " + responses.stream().filter(r -> r.statusCode() != 200 && r.statusCode() != 412)
                        .map(Response::asString).distinct().toList());
        int winner = -1;
        for (int i = 0; i < RACERS; i++) {
            if (responses.get(i).statusCode() == 200) {
                winner = i;
            } else {
                assertProblem(responses.get(i), 412).body("type",
                        org.hamcrest.Matchers.equalTo(TestApi.PROBLEM_TYPES + "precondition-failed"));
            }
        }
        Response won = responses.get(winner);
        Map<String, Object> stored = stored(created.id());
        assertEquals(won.jsonPath().getMap("$"), stored, "the stored member is the one the winner was answered");
        assertEquals(bodies.get(winner).get("headline"), stored.get("headline"));
        assertEquals(created.version() + 1, ((Number) stored.get("version")).longValue(), "the version moved once");
        assertEquals(TestApi.etag(created.version() + 1), won.header("ETag"));
        assertEquals(history + 1, historyOf(created.id()), "exactly one history entry was added");
        System.out.println("concurrency: " + RACERS + " " + method + "s with one If-Match -> " + statuses.get(200)
                + " x 200, " + statuses.get(412) + " x 412, version +1, history +1, " + millis + " ms");
    }

    @Test
    void aHundredCreatesOfOneNameAllSucceedWithSlugsOfTheirOwn() throws Exception {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        List<Callable<Response>> creates = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            creates.add(() -> asAdmin(body).post(TestMembers.MEMBERS));
        }

        long started = System.nanoTime();
        List<Response> responses = Simultaneously.run(creates);
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(RACERS, statuses.stream().filter(status -> status == 201).count(),
                () -> statuses + ": " + responses.stream().filter(r -> r.statusCode() != 201).map(Response::asString).distinct().toList());
        Set<String> slugs = responses.stream().map(r -> r.jsonPath().getString("slug")).collect(Collectors.toSet());
        assertEquals(RACERS, slugs.size(), "every slug its own");
        assertTrue(slugs.contains("testmedlem-" + marker), slugs::toString);
        // Numbered slugs first; racers that keep losing take a random suffix (MemberService.freeSlug).
        assertTrue(slugs.stream().allMatch(s -> s.equals("testmedlem-" + marker) || s.matches("testmedlem-" + marker + "-[0-9a-z]+")),
                slugs::toString);
        assertEquals(RACERS, database.count("select count(*) from member where name = ?", "Testmedlem " + marker));
        System.out.println("concurrency: " + RACERS + " creates of one name -> " + RACERS + " x 201, " + slugs.size()
                + " slugs, " + millis + " ms");
    }

    /**
     * A create whose slug another transaction holds, written and not yet committed (as an import's chunk holds the
     * slugs of its rows): on PostgreSQL the insert waits for it, then takes the next slug; on H2 it waits for H2's lock
     * timeout, then takes a random suffix at once. It was answered 500 after H2's lock timeout.
     */
    @Test
    void aCreateWhoseSlugAnUncommittedWriteHoldsGetsAnotherSlug() throws Exception {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        MemberInput input = objects.convertValue(body, MemberInput.class);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                members.importRow(input, Set.of(), null, MemberStatus.PUBLISHED, null, "admin", false, null, 1);
                held.countDown();
                await(release);
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS), "the holder wrote its member");
            Future<Response> create = pool.submit(() -> asAdmin(body).post(TestMembers.MEMBERS));
            try {
                create.get(20, TimeUnit.SECONDS); // H2: answered while the slug is held
            } catch (TimeoutException waiting) {
                // PostgreSQL: waits for the holder
            }
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            Response created = create.get(30, TimeUnit.SECONDS);
            assertEquals(201, created.statusCode(), created::asString);
            assertTrue(created.jsonPath().getString("slug").startsWith("testmedlem-" + marker + "-"), created::asString);
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertEquals(2, database.count("select count(distinct slug) from member where name = ?", "Testmedlem " + marker));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long historyOf(String id) {
        return database.count("select count(*) from member_history where member_id = ?", UUID.fromString(id));
    }
}
