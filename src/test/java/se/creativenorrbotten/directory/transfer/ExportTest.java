package se.creativenorrbotten.directory.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.MemberSelection;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.TestMembers;

@QuarkusTest
class ExportTest {

    private static final String TEMPLATE = "/api/v1/imports/template.csv";
    private static final String CSV = "/api/v1/exports/members.csv";
    private static final String NDJSON = "/api/v1/exports/members.ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MemberService members;

    @Inject
    MemberExports exports;

    /** A skill of this test's own, so that a filtered export shows only this test's members. */
    private static String ownSkill() {
        String slug = "export-" + TestApi.unique();
        asAdmin(Map.of("slug", slug, "nameSv", "Export " + slug, "nameEn", "Export " + slug, "branch", "audiovisual"))
                .post("/api/v1/skills").then().statusCode(201);
        return slug;
    }

    private static Map<String, Object> withSkill(Map<String, Object> member, String skill) {
        member.put("skills", new ArrayList<>(List.of(skill, "ux-design")));
        return member;
    }

    private static List<CsvRow> readCsv(byte[] bytes) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvMembers.Reading reading = new CsvMembers(Vocabulary.CODES_ONLY).read(new ByteArrayInputStream(bytes))) {
            reading.forEachRemaining(rows::add);
            assertEquals(List.of(), reading.fileProblems());
        }
        return rows;
    }

    /** The write body of a stored member, empty lists left out: an import stores an absent list as empty. */
    private static MemberInput input(Object record) throws IOException {
        ObjectNode json = JSON.valueToTree(record);
        json.properties().removeIf(property -> property.getValue().isArray() && property.getValue().isEmpty());
        return JSON.treeToValue(json, MemberInput.class);
    }

    @Test
    void exportsAndTheTemplateAreForAdminsOnly() {
        for (String path : List.of(TEMPLATE, CSV, NDJSON)) {
            assertUnauthorized(anonymous().get(path));
            assertProblem(asCurator().get(path), 403).body("type", equalTo(TestApi.PROBLEM_TYPES + "forbidden"));
        }
    }

    @Test
    void templateHasEveryImportedColumnAndAnExampleThatReadsBack() throws IOException {
        Response response = asAdmin().get(TEMPLATE);
        response.then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"members-template.csv\"");
        byte[] bytes = response.asByteArray();
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF));
        String header = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n")[0];
        assertEquals(MemberColumn.writableColumns().stream().map(MemberColumn::english).toList(),
                List.of(header.split(";")));
        List<CsvRow> rows = readCsv(bytes);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).ok(), rows.get(0).problems()::toString);
        assertEquals("Åsa Öberg Design", rows.get(0).member().name());
        // The example is a member the API accepts as it is.
        asAdmin(rows.get(0).member()).queryParam("status", "pending").post(TestMembers.MEMBERS).then().statusCode(201);
    }

    @Test
    void csvExportReadsBackIntoTheSameMembers() throws IOException {
        String skill = ownSkill();
        Map<String, Object> agency = withSkill(TestMembers.agency(TestApi.unique()), skill);
        agency.put("name", "Åsa Öberg Design " + TestApi.unique());
        agency.put("description", "Rad ett; med semikolon\nrad två med \"citat\" och | streck");
        agency.put("seeks", List.of("collaboration"));
        agency.put("offers", List.of("internship", "mentoring"));
        agency.put("notes", "=1+1 är ingen formel");
        agency.put("contactPublic", true);
        TestMembers.Created first = TestMembers.create(agency);
        Map<String, Object> student = withSkill(TestMembers.student(TestApi.unique()), skill);
        String second = asAdmin(student).queryParam("status", "pending").post(TestMembers.MEMBERS).jsonPath().getString("id");

        Response response = asAdmin().queryParam("skill", skill).get(CSV);
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        response.then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"members-" + today + ".csv\"")
                .header("Cache-Control", "no-store");
        byte[] bytes = response.asByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF);
        List<CsvRow> rows = readCsv(bytes);
        assertEquals(2, rows.size());
        Map<String, CsvRow> bySlug = new HashMap<>();
        rows.forEach(row -> bySlug.put(row.slug(), row));
        for (String id : List.of(first.id(), second)) {
            Map<String, Object> stored = TestMembers.stored(id);
            CsvRow row = bySlug.get((String) stored.get("slug"));
            assertTrue(row.ok(), row.problems()::toString);
            assertEquals(input(stored), row.member());
            int statusColumn = Arrays.asList(MemberColumn.values()).indexOf(MemberColumn.STATUS);
            assertEquals(stored.get("status"), row.cells().get(statusColumn));
        }
    }

    @Test
    void ndjsonExportHasEveryFieldOfEachMemberOnALine() throws IOException {
        String skill = ownSkill();
        Map<String, Object> agency = withSkill(TestMembers.agency(TestApi.unique()), skill);
        agency.put("seeks", List.of("collaboration"));
        agency.put("offers", List.of("internship"));
        agency.put("notes", "Anteckning");
        TestMembers.Created created = TestMembers.create(agency);

        Response response = asAdmin().queryParam("skill", skill).get(NDJSON);
        response.then().statusCode(200).header("Content-Type", startsWith("application/x-ndjson"))
                .header("Content-Disposition", startsWith("attachment; filename=\"members-"));
        String[] lines = response.asString().split("\n");
        assertEquals(1, lines.length);
        JsonNode member = JSON.readTree(lines[0]);
        assertEquals(JSON.readTree(TestMembers.fullRecord(created.id()).asString()), member);
        for (RecordComponent property : MemberView.class.getRecordComponents()) {
            if (!List.of("school", "graduationYear", "statusReason", "featuredUntil").contains(property.getName())) {
                assertTrue(member.has(property.getName()), property.getName());
            }
        }
    }

    /** The body is many JSON objects, one a line: the contract says text (it said one Member; Prism refused every export). */
    @Test
    void ndjsonExportIsDescribedAsLinesOfTextNotAsOneMember() throws IOException {
        JsonNode contract = JSON.readTree(anonymous().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asByteArray());
        JsonNode schema = contract.path("paths").path(NDJSON).path("get").path("responses").path("200").path("content")
                .path("application/x-ndjson").path("schema");
        assertEquals("string", schema.path("type").asText(), schema.toString());
        assertTrue(schema.path("$ref").isMissingNode(), schema.toString());
        assertTrue(schema.path("description").asText().contains("Member"), schema.toString());
    }

    @Test
    void filtersAreOredWithinAndAndedAcross() {
        String skill = ownSkill();
        String agency = TestMembers.create(withSkill(TestMembers.agency(TestApi.unique()), skill)).slug();
        Map<String, Object> studentBody = withSkill(TestMembers.student(TestApi.unique()), skill);
        studentBody.put("municipality", "2581");
        String student = TestMembers.create(studentBody).slug();
        String pending = asAdmin(withSkill(TestMembers.freelancer(TestApi.unique()), skill)).queryParam("status", "pending")
                .post(TestMembers.MEMBERS).jsonPath().getString("slug");

        assertEquals(List.of(agency, pending, student).stream().sorted().toList(), slugs(Map.of("skill", skill)));
        assertEquals(List.of(pending), slugs(Map.of("skill", skill, "status", "pending")));
        assertEquals(List.of(agency, student).stream().sorted().toList(),
                slugs(Map.of("skill", skill, "type", List.of("agency", "student"))));
        assertEquals(List.of(student), slugs(Map.of("skill", skill, "municipality", "2581")));
        assertEquals(List.of(), slugs(Map.of("skill", skill, "municipality", "2581", "type", "agency")));
    }

    private static List<String> slugs(Map<String, Object> query) {
        var request = asAdmin();
        query.forEach((name, value) -> request.queryParam(name, value instanceof List<?> list ? list.toArray() : new Object[] {value}));
        String body = request.get(NDJSON).then().statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : body.lines().map(line -> {
            try {
                return JSON.readTree(line).get("slug").asText();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).sorted().toList();
    }

    @Test
    void unknownFilterValuesAreRefusedNamingEachParameter() {
        for (String path : List.of(CSV, NDJSON)) {
            assertInvalid(asAdmin().queryParam("status", "published", "bogus").queryParam("municipality", "9999")
                    .queryParam("skill", "no-such-skill-" + TestApi.unique()).queryParam("type", "robot").get(path), "status")
                    .body("errors.field", hasItems("status", "municipality", "skill", "type"));
            assertInvalid(asAdmin().queryParam("type", "agency", "student", "freelancer", "agency").get(path), "type")
                    .body("errors[0].detail", equalTo("at most 3 values; 4 were sent"));
        }
    }

    /**
     * Batches end at a full batch and at a partial one alike: every member once, in id order. Small batches here
     * (the export's own are 500); that memory stays flat for 100,000 members is the bench's to show.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 6})
    void batchesTakeEveryMemberOnceInIdOrder(int batchSize) throws IOException {
        String skill = ownSkill();
        for (int i = 0; i < 6; i++) {
            members.create(new MemberInput("Strömmad " + i + " " + skill, MemberType.FREELANCER, null, null, "2580", null,
                    List.of(skill), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null), MemberStatus.PUBLISHED, "test");
        }
        MemberSelection selection = exports.selection(new ExportFilters(List.of(), List.of(), List.of(skill), List.of()));
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        exports.ndjson(selection, ndjson, batchSize);
        List<String> ids = ndjson.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line).get("id").asText();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(6, ids.size());
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "in id order, each once");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exports.csv(selection, csv, batchSize);
        List<CsvRow> rows = readCsv(csv.toByteArray());
        assertEquals(6, rows.size());
        assertEquals(7, rows.get(5).row());
    }

    @Test
    void theAnswerIsStreamed() {
        String skill = ownSkill();
        TestMembers.create(withSkill(TestMembers.freelancer(TestApi.unique()), skill));
        for (String path : List.of(CSV, NDJSON)) {
            asAdmin().queryParam("skill", skill).get(path).then().statusCode(200).header("Transfer-Encoding", "chunked");
        }
    }
}
