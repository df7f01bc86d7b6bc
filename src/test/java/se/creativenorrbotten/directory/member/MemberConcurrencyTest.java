package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;
import static se.creativenorrbotten.directory.member.TestMembers.patch;
import static se.creativenorrbotten.directory.member.TestMembers.put;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.Simultaneously;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/**
 * Optimistic concurrency: If-Match is required for PUT and PATCH, and a write based on a stale read changes nothing;
 * racing creates of one name all succeed.
 */
@QuarkusTest
class MemberConcurrencyTest {

    @Inject
    TestDatabase database;

    @Test
    void writesWithoutIfMatchAre428AndChangeNothing() {
        Created created = create(TestMembers.freelancer(unique()));
        Map<String, Object> before = stored(created.id());

        assertProblem(put(created.id(), null, TestMembers.freelancer(unique())), 428)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "precondition-required"));
        assertProblem(patch(created.id(), null, Map.of("headline", "x")), 428);

        assertEquals(before, stored(created.id()));
    }

    @Test
    void writesWithAStaleIfMatchAre412AndChangeNothing() {
        String marker = unique();
        Created created = create(TestMembers.freelancer(marker));
        Map<String, Object> first = TestMembers.freelancer(marker);
        first.put("headline", "First change");
        put(created.id(), created.etag(), first).then().statusCode(200);
        Map<String, Object> afterFirst = stored(created.id());

        Map<String, Object> second = TestMembers.freelancer(marker);
        second.put("headline", "Second change, based on a stale read");
        assertProblem(put(created.id(), created.etag(), second), 412)
                .body("type", equalTo(TestApi.PROBLEM_TYPES + "precondition-failed"));
        assertProblem(patch(created.id(), created.etag(), Map.of("headline", "Stale patch")), 412);
        assertProblem(asAdmin().header("If-Match", created.etag()).delete(created.path()), 412);

        assertEquals(afterFirst, stored(created.id()));
        assertEquals("First change", afterFirst.get("headline"));
    }

    @Test
    void thePublicETagCannotAuthoriseAWrite() {
        Created created = create(TestMembers.freelancer(unique()));
        String publicTag = TestApi.anonymous().get(created.path()).then().statusCode(200).extract().header("ETag");
        assertEquals("\"" + created.version() + "-public\"", publicTag);

        assertProblem(patch(created.id(), publicTag, Map.of("headline", "x")), 412);
        assertProblem(patch(created.id(), "W/" + created.etag(), Map.of("headline", "x")), 412);

        fullRecord(created.id()).then().statusCode(200).header("ETag", created.etag());
    }

    @Test
    void ifMatchStarOrAListContainingTheCurrentTagAuthorisesAWrite() {
        Created created = create(TestMembers.freelancer(unique()));

        patch(created.id(), "*", Map.of("headline", "Star")).then().statusCode(200).body("headline", equalTo("Star"));
        String current = fullRecord(created.id()).header("ETag");
        patch(created.id(), "\"999999\", " + current, Map.of("headline", "Listed")).then().statusCode(200)
                .body("headline", equalTo("Listed"));
    }

    @RepeatedTest(3)
    void ofTwoSimultaneousPutsWithTheSameIfMatchExactlyOneWins() throws Exception {
        String marker = unique();
        Created created = create(TestMembers.freelancer(marker));
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Callable<Response>> writes = new ArrayList<>();
        for (String writer : List.of("A", "B")) {
            Map<String, Object> body = TestMembers.freelancer(marker);
            body.put("headline", "Written by " + writer);
            body.put("skills", List.of(writer.equals("A") ? "photography" : "illustration"));
            bodies.add(body);
            writes.add(() -> put(created.id(), created.etag(), body));
        }

        List<Response> responses = Simultaneously.run(writes);

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        int winner = statuses.indexOf(200);
        assertTrue(winner >= 0 && statuses.lastIndexOf(200) == winner, "exactly one 200: " + statuses);
        Response loser = responses.get(1 - winner);
        assertProblem(loser, 412).body("type", equalTo(TestApi.PROBLEM_TYPES + "precondition-failed"));
        Map<String, Object> stored = stored(created.id());
        assertEquals(responses.get(winner).jsonPath().getMap("$"), stored);
        assertEquals(bodies.get(winner).get("headline"), stored.get("headline"));
        assertEquals(bodies.get(winner).get("skills"), stored.get("skills"));
    }

    /**
     * A PATCH that changes nothing, racing one that changes the headline with the same If-Match: the change is
     * made exactly once (one new version, one new public version), and the no-op either answers the member as
     * it was (200 with the old ETag) or finds it changed (412); it never writes or undoes anything.
     */
    @RepeatedTest(3)
    void aPatchRacingANoOpPatchIsMadeOnceAndTheNoOpWritesNothing() throws Exception {
        Created created = create(TestMembers.freelancer(unique()));
        long publicVersion = TestApi.anonymous().get(created.path()).then().statusCode(200).extract().jsonPath()
                .getLong("version");

        List<Response> responses = Simultaneously.run(List.of(
                () -> patch(created.id(), created.etag(), Map.of("headline", "Changed while racing")),
                () -> patch(created.id(), created.etag(), Map.of())));

        Response change = responses.get(0);
        Response noOp = responses.get(1);
        assertEquals(200, change.statusCode(), change.asString());
        assertEquals(created.version() + 1, change.jsonPath().getLong("version"));
        assertTrue(Set.of(200, 412).contains(noOp.statusCode()), noOp.asString());
        if (noOp.statusCode() == 200) {
            assertEquals(created.etag(), noOp.header("ETag"));
            assertEquals(created.version(), noOp.jsonPath().getLong("version"));
        } else {
            assertProblem(noOp, 412);
        }
        Map<String, Object> stored = stored(created.id());
        assertEquals("Changed while racing", stored.get("headline"));
        assertEquals(change.jsonPath().getMap("$"), stored);
        TestApi.anonymous().get(created.path()).then().statusCode(200).body("version", equalTo((int) publicVersion + 1));
    }

    @RepeatedTest(3)
    void simultaneousCreatesWithTheSameNameAllSucceedWithNumberedSlugs() throws Exception {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        List<Callable<Response>> creates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creates.add(() -> asAdmin(body).post(TestMembers.MEMBERS));
        }

        List<Response> responses = Simultaneously.run(creates);

        assertEquals(List.of(201, 201, 201, 201), responses.stream().map(Response::statusCode).toList());
        String slug = "testmedlem-" + marker;
        Set<String> slugs = responses.stream().map(r -> r.jsonPath().getString("slug")).collect(Collectors.toSet());
        assertEquals(4, slugs.size(), "four different slugs: " + slugs);
        assertTrue(slugs.contains(slug), "one has the name's own slug: " + slugs);
        assertTrue(slugs.stream().allMatch(s -> s.equals(slug) || s.matches(slug + "-[0-9]+")), "the others numbered: " + slugs);
    }

    /**
     * The exploit of issue 8: 12 creates of one name at once gave 500s once five slug attempts ran out (each
     * round, every loser picked the same next slug), and the submissions were lost. Now every one succeeds
     * with a slug of its own, however many race.
     */
    @ParameterizedTest
    @ValueSource(ints = {12, 24})
    void manySimultaneousCreatesOfOneNameAllSucceedWithSlugsOfTheirOwn(int racers) throws Exception {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        List<Callable<Response>> creates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            creates.add(() -> asAdmin(body).post(TestMembers.MEMBERS));
        }

        List<Response> responses = Simultaneously.run(creates);

        assertEquals(Collections.nCopies(racers, 201), responses.stream().map(Response::statusCode).toList(),
                () -> responses.stream().filter(r -> r.statusCode() != 201).map(Response::asString).toList().toString());
        Set<String> slugs = responses.stream().map(r -> r.jsonPath().getString("slug")).collect(Collectors.toSet());
        assertEquals(racers, slugs.size(), "every slug its own: " + slugs);
        assertTrue(slugs.stream().allMatch(s -> s.startsWith("testmedlem-" + marker)), slugs::toString);
        for (Response response : responses) {
            fullRecord(response.jsonPath().getString("id")).then().statusCode(200)
                    .body("slug", equalTo(response.jsonPath().getString("slug")));
        }
        assertEquals(racers, database.count("select count(*) from member where name = ?", "Testmedlem " + marker));
    }

    /** The same for applications, which anyone can send: every one is received (202) and none is lost. */
    @ParameterizedTest
    @ValueSource(ints = {12, 24})
    void manySimultaneousApplicationsOfOneNameAreAllReceived(int racers) throws Exception {
        String marker = unique();
        Map<String, Object> body = new LinkedHashMap<>(TestMembers.freelancer(marker));
        body.remove("contactPublic");
        body.put("consents", Map.of("contactPublic", false, "privacyNotice", true));
        List<Callable<Response>> applications = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            applications.add(() -> TestApi.anonymous().contentType(ContentType.JSON).body(TestApi.json(body))
                    .post("/api/v1/applications"));
        }

        List<Response> responses = Simultaneously.run(applications);

        assertEquals(Collections.nCopies(racers, 202), responses.stream().map(Response::statusCode).toList(),
                () -> responses.stream().filter(r -> r.statusCode() != 202).map(Response::asString).toList().toString());
        Set<String> slugs = new HashSet<>();
        for (Response response : responses) {
            slugs.add(fullRecord(response.jsonPath().getString("reference")).then().statusCode(200)
                    .body("status", equalTo("pending")).extract().path("slug"));
        }
        assertEquals(racers, slugs.size(), "every slug its own: " + slugs);
        assertEquals(racers, database.count("select count(*) from member where name = ?", "Testmedlem " + marker));
    }
}
