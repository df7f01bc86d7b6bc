package se.creativenorrbotten.directory.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.json;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestLogs;
import se.creativenorrbotten.directory.common.http.RawHttp;
import se.creativenorrbotten.directory.member.TestMembers;

@QuarkusTest
class ImportJobTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    ImportService imports;

    @Inject
    se.creativenorrbotten.directory.TestDatabase database;

    private static String lines(Object... rows) {
        return java.util.Arrays.stream(rows).map(row -> row instanceof String text ? text : json(row))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private Response post(String query, String body) {
        return asAdmin().contentType(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(IMPORTS + query);
    }

    /** Starts an import, waits for its job to end, and answers the job. */
    private JsonPath run(String query, String body) throws Exception {
        Response started = post(query, body);
        started.then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString(IMPORTS + "/"));
        imports.awaitQueued(Duration.ofSeconds(60));
        Response job = asAdmin().get(started.header("Location"));
        job.then().statusCode(200).body("status", equalTo("done"));
        return job.jsonPath();
    }

    private static int found(String marker) {
        return anonymous().queryParam("q", marker).get(TestMembers.MEMBERS).then().statusCode(200).extract().jsonPath()
                .getInt("total");
    }

    /** Names of the properties that are null anywhere in the JSON text (outputs omit absent values). */
    private static List<String> nullProperties(String json) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        collectNulls(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "$", found);
        return found;
    }

    private static void collectNulls(com.fasterxml.jackson.databind.JsonNode node, String path, List<String> found) {
        if (node.isNull()) {
            found.add(path);
        }
        node.fields().forEachRemaining(e -> collectNulls(e.getValue(), path + "." + e.getKey(), found));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNulls(node.get(i), path + "[" + i + "]", found);
        }
    }

    /** A queued job has no total, note or end yet, a whole-line problem no field: absent, never null (the contract). */
    @Test
    void aJobLeavesOutWhatItDoesNotHaveInsteadOfSendingNull() throws Exception {
        Response started = post("", lines(TestMembers.freelancer(unique()), "{not json"));
        started.then().statusCode(202);
        assertEquals(List.of(), nullProperties(started.asString()), started.asString());
        imports.awaitQueued(Duration.ofSeconds(60));
        Response job = asAdmin().get(started.header("Location"));
        job.then().statusCode(200).body("status", equalTo("done")).body("failed", equalTo(1))
                .body("problems[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("field")));
        assertEquals(List.of(), nullProperties(job.asString()), job.asString());
    }

    @Test
    void goodRowsAreStoredAndEachBadRowIsReportedByLineAndField() throws Exception {
        String good = unique();
        String other = unique();
        String wrong = unique();
        Map<String, Object> bad = TestMembers.freelancer(wrong);
        bad.put("municipality", "9999");
        JsonPath job = run("", lines(TestMembers.freelancer(good), "", bad, "{not json", TestMembers.student(other)));
        assertEquals(4, job.getInt("total"));
        assertEquals(4, job.getInt("processed"));
        assertEquals(2, job.getInt("created"));
        assertEquals(2, job.getInt("failed"));
        List<Map<String, Object>> problems = job.getList("problems");
        assertEquals(3, problems.get(0).get("row"));
        assertEquals("municipality", problems.get(0).get("field"));
        assertEquals("unknown municipality code '9999'; see /api/v1/municipalities", problems.get(0).get("problem"));
        assertEquals(4, problems.get(1).get("row"));
        assertEquals(null, problems.get(1).get("field")); // not JSON: the whole line's problem
        assertTrue(((String) problems.get(1).get("problem")).length() > 0);
        assertEquals(1, found(good));
        assertEquals(1, found(other));
        assertEquals(0, found(wrong));
    }

    /**
     * A chunk checks its rows' municipalities and skills against the taxonomy it read when it started (ImportChunk):
     * the API's problems in the API's words, and a skill added just before the import is known.
     */
    @Test
    void aRowIsCheckedAgainstTheTaxonomyAsTheApiChecksIt() throws Exception {
        String marker = unique();
        String added = se.creativenorrbotten.directory.taxonomy.TestSkills.create(marker);
        Map<String, Object> known = TestMembers.freelancer(unique());
        known.put("skills", List.of("photography", added));
        known.put("serviceArea", List.of("2580", "2584"));
        Map<String, Object> unknown = TestMembers.freelancer(unique());
        unknown.put("skills", List.of("photography", "no-such-skill-" + marker));
        unknown.put("serviceArea", List.of("2580", "0000"));
        JsonPath job = run("", lines(known, unknown));
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("failed"));
        List<Map<String, Object>> problems = job.getList("problems");
        assertEquals(List.of(
                Map.of("row", 2, "field", "serviceArea[1]", "problem", "unknown municipality code '0000'; see /api/v1/municipalities"),
                Map.of("row", 2, "field", "skills[1]", "problem", "unknown skill 'no-such-skill-" + marker + "'; see /api/v1/skills")),
                problems.stream().sorted(java.util.Comparator.comparing(p -> (String) p.get("field"))).toList());
    }

    /** More rows than one transaction writes: a refused row in the second chunk leaves out only itself. */
    @Test
    void aLongFileKeepsEveryGoodRowAroundItsBadOnes() throws Exception {
        String marker = unique();
        List<Object> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 1100; i++) {
            Map<String, Object> member = new java.util.LinkedHashMap<>(Map.of("name", "Rad " + i + " " + marker,
                    "type", "freelancer", "municipality", "2580", "skills", List.of("ux-design")));
            if (i == 2 || i == 700) {
                member.put("skills", List.of("no-such-skill"));
            }
            rows.add(member);
        }
        JsonPath job = run("", lines(rows.toArray()));
        assertEquals(1100, job.getInt("total"));
        assertEquals(1100, job.getInt("processed"));
        assertEquals(1098, job.getInt("created"));
        assertEquals(2, job.getInt("failed"));
        assertEquals(List.of(2, 700), job.getList("problems.row"));
        assertEquals(1098, found(marker));
    }

    private static Map<String, Object> named(String name) {
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("name", name);
        return member;
    }

    private static List<String> slugsOf(String name) {
        return asAdmin().queryParam("q", name).queryParam("status", "published").get(TestMembers.MEMBERS).then()
                .statusCode(200).extract().jsonPath().getList("items.slug", String.class);
    }

    /**
     * The rows of one chunk are checked against the directory and against the rows before them (read for the chunk
     * at once, see ImportChunk): a repeated name gets the next slug, a look-alike of a stored member or of an earlier
     * row is refused naming it, and a row asking for a slug an earlier row took gets its own.
     */
    @Test
    void theRowsOfAChunkSeeTheDirectoryAndTheRowsBeforeThem() throws Exception {
        String marker = unique();
        TestMembers.Created stored = TestMembers.create(named("Paco " + marker));
        String name = "Milla Modem " + marker;
        String first = "milla-modem-" + marker; // the marker is lower-case hex: its own slug
        Map<String, Object> wantsTaken = named("Egen " + marker);
        wantsTaken.put("slug", first);
        JsonPath job = run("", lines(named(name), named(name), named("\u0420\u0430\u0441\u043E " + marker),
                named("MiIla Modem " + marker), wantsTaken));
        assertEquals(3, job.getInt("created"));
        assertEquals(2, job.getInt("failed"));
        assertEquals(java.util.Set.of(first, first + "-2"), java.util.Set.copyOf(slugsOf(name)));
        assertEquals(List.of(3, 4), job.getList("problems.row")); // NDJSON rows are lines
        assertEquals(List.of("name", "name"), job.getList("problems.field"));
        assertTrue(job.getString("problems[0].problem").contains("'" + stored.slug() + "'"), job.prettify());
        assertTrue(job.getString("problems[1].problem").contains("'" + first + "'"), job.prettify());
        assertEquals(List.of("egen-" + marker), slugsOf("Egen " + marker));
    }

    /**
     * Rows written while the API creates members of their name race those creates for the same slugs: a row that
     * loses takes the next free one, as the API's create does. It failed with "could not be stored; try again" and an
     * ERROR in the log (found by the battery's hostile part). Every row and every create is stored under a slug of
     * its own, and nothing is logged as an error.
     */
    @Test
    void rowsRacingCreatesOfTheirNameAllTakeSlugsOfTheirOwn() throws Exception {
        String name = "Kappl\u00f6pning " + unique();
        int rows = 300;
        int creators = 4;
        Object[] lines = new Object[rows];
        java.util.Arrays.setAll(lines, i -> named(name));
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch racing = new CountDownLatch(creators);
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        List<Future<List<Integer>>> creates = new java.util.ArrayList<>();
        TestLogs logs = new TestLogs().start();
        Response job;
        try {
            for (int c = 0; c < creators; c++) {
                creates.add(pool.submit(() -> {
                    List<Integer> statuses = new java.util.ArrayList<>();
                    while (!done.get() && statuses.size() < 200) {
                        statuses.add(asAdmin(named(name)).post(TestMembers.MEMBERS).statusCode());
                        racing.countDown();
                    }
                    return statuses;
                }));
            }
            racing.await();
            Response started = post("", lines(lines));
            started.then().statusCode(202);
            imports.awaitQueued(Duration.ofSeconds(120));
            done.set(true);
            job = asAdmin().get(started.header("Location"));
        } finally {
            done.set(true);
            pool.shutdown();
            logs.stop();
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var create : creates) {
            statuses.addAll(create.get());
        }
        job.then().statusCode(200).body("status", equalTo("done"));
        assertEquals(List.of(rows, 0), List.of(job.jsonPath().getInt("created"), job.jsonPath().getInt("failed")),
                job.asString());
        assertTrue(statuses.stream().allMatch(status -> status == 201), statuses::toString);
        long stored = database.count("select count(*) from member where name = ?", name);
        assertEquals(rows + statuses.size(), stored);
        assertEquals(stored, database.count("select count(distinct slug) from member where name = ?", name));
        assertEquals(List.of(), logs.errors());
        System.out.println("import race: " + rows + " rows and " + statuses.size() + " creates of one name -> "
                + stored + " members, as many slugs");
    }

    /** A row asking for a slug no member may have (reserved, an id's form, too long, not folded) gets its name's. */
    @Test
    void aRowAskingForAnImpossibleSlugGetsItsNames() throws Exception {
        String marker = unique();
        List<String> asked = List.of("changes", "suggest", java.util.UUID.randomUUID().toString(), "a".repeat(81),
                "Not A Slug", "", "caf\u00e9");
        List<Object> rows = new java.util.ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Map<String, Object> row = named("Egen" + i + " " + marker);
            row.put("slug", asked.get(i));
            rows.add(row);
        }
        JsonPath job = run("", lines(rows.toArray()));
        assertEquals(asked.size(), job.getInt("created"), job.prettify());
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            expected.add("egen" + i + "-" + marker);
        }
        assertEquals(expected, java.util.Set.copyOf(slugsOf(marker)));
    }

    /** A row that renames a member in an upsert counts with its new name for the rows after it, not its old one. */
    @Test
    void aRenameInAChunkCountsForTheRowsAfterIt() throws Exception {
        String marker = unique();
        TestMembers.Created renamed = TestMembers.create(named("Milla Modem " + marker));
        JsonPath job = run("?mode=upsert", lines(Map.of("slug", renamed.slug(), "name", "Paco " + marker),
                named("\u0420\u0430\u0441\u043E " + marker), named("MiIla Modem " + marker)));
        assertEquals(1, job.getInt("updated"));
        assertEquals(1, job.getInt("created"), job.prettify());
        assertEquals(List.of(2), job.getList("problems.row"));
        assertTrue(job.getString("problems[0].problem").contains("'" + renamed.slug() + "'"), job.prettify());
        assertEquals(1, slugsOf("MiIla Modem " + marker).size());
    }

    @Test
    void atomicStoresNothingWhenOneRowIsBad() throws Exception {
        String marker = unique();
        Map<String, Object> bad = TestMembers.freelancer(marker + "b");
        bad.put("skills", List.of("no-such-skill"));
        JsonPath job = run("?atomic=true", lines(TestMembers.freelancer(marker + "a"), bad));
        assertEquals(0, job.getInt("created"));
        assertEquals(1, job.getInt("failed"));
        assertEquals("skills[0]", job.getString("problems[0].field"));
        assertEquals(0, found(marker + "a"));
    }

    @Test
    void dryRunReportsAndChangesNothing() throws Exception {
        String marker = unique();
        JsonPath job = run("?dryRun=true", lines(TestMembers.freelancer(marker + "a"), "[1]"));
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(0, found(marker + "a"));
    }

    @Test
    void upsertUpdatesTheMemberItNamesAndCreatesTheOthers() throws Exception {
        String marker = unique();
        TestMembers.Created existing = TestMembers.create(TestMembers.freelancer(marker + "a"));
        Map<String, Object> change = Map.of("slug", existing.slug(), "name", "Testmedlem " + marker + "a",
                "type", "freelancer", "headline", "Ny rubrik " + marker);
        JsonPath job = run("?mode=upsert&status=pending", lines(change, TestMembers.freelancer(marker + "n")));
        assertEquals(1, job.getInt("updated"));
        assertEquals(1, job.getInt("created"));
        Map<String, Object> stored = TestMembers.stored(existing.id());
        assertEquals("Ny rubrik " + marker, stored.get("headline"));
        assertEquals("published", stored.get("status"));
        assertEquals("https://" + marker + "a.example.se", stored.get("website")); // not carried: kept
        asAdmin().queryParam("q", marker + "n").queryParam("status", "pending").get(TestMembers.MEMBERS).then()
                .statusCode(200).body("total", equalTo(1));
    }

    @Test
    void importedMembersHaveHistoryAndAConsentWithSourceImport() throws Exception {
        String marker = unique();
        run("", lines(TestMembers.freelancer(marker)));
        String id = asAdmin().queryParam("q", marker).get(TestMembers.MEMBERS).jsonPath().getString("items[0].id");
        asAdmin().get(TestMembers.MEMBERS + "/" + id + "/export").then().statusCode(200)
                .body("consents.source", hasItem("import"))
                .body("history.action", hasItem("created"))
                .body("history.actor", hasItem("admin"));
    }

    @Test
    void onlyAdminsImport() {
        assertUnauthorized(anonymous().contentType(NDJSON).body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(IMPORTS));
        assertProblem(asCurator().contentType(NDJSON).body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(IMPORTS), 403);
        assertProblem(asCurator().get(IMPORTS + "/" + java.util.UUID.randomUUID()), 403);
    }

    @Test
    void badRequestsAreProblems() {
        assertProblem(asAdmin().contentType("text/plain").body(new byte[] {120}).post(IMPORTS), 415)
                .body("type", equalTo(PROBLEM_TYPES + "unsupported-media-type"));
        assertProblem(post("", ""), 400).body("errors.field", hasItem("body"));
        assertProblem(post("?mode=merge&atomic=yes", "{}\n"), 400).body("errors.field", hasItem("mode"))
                .body("errors", hasSize(2));
        assertProblem(asAdmin().get(IMPORTS + "/" + java.util.UUID.randomUUID()), 404);
    }

    @TestHTTPResource
    URL api;

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((se.creativenorrbotten.directory.TestApi.ADMIN + ":"
                + se.creativenorrbotten.directory.TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClaimOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + basic() + "\r\nContent-Type: " + NDJSON + "\r\nContent-Length: 1073741824\r\n\r\n{}\n");
        assertEquals(413, answer.status(), answer.statusLine());
        assertTrue(answer.body().contains("payload-too-large"), answer.body());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedByTheImportsOwnCount() throws Exception {
        StringBuilder request = new StringBuilder("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + basic() + "\r\nContent-Type: " + NDJSON + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = " ".repeat(64 * 1024);
        for (long sent = 0; sent <= imports.maxBodySize(); sent += chunk.length()) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        RawHttp.Answer answer = RawHttp.exchange(api, request.toString());
        assertEquals(413, answer.status(), answer.statusLine());
        assertTrue(answer.body().contains("split the file"), answer.body());
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        byte[] big = new byte[(int) imports.maxBodySize() + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(post("", new String(big, java.nio.charset.StandardCharsets.US_ASCII)), 413)
                .body("type", equalTo(PROBLEM_TYPES + "payload-too-large"));
    }
}
