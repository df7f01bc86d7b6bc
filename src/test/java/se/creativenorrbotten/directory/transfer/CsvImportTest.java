package se.creativenorrbotten.directory.transfer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.member.TestMembers;

/** CSV through the import jobs: Excel's files as written, row problems by Excel's row numbers (files refused whole: BadImportFilesTest). */
@QuarkusTest
class CsvImportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Inject
    ImportService imports;

    /** UTF-8 with a byte order mark, as Excel saves 'CSV UTF-8': rows end in CRLF, a line break in a cell is LF. */
    private static byte[] excel(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** Starts an import, waits for its job to end, and answers the job, whatever its end. */
    private JsonPath run(String query, byte[] body) throws Exception {
        Response started = asAdmin().contentType("text/csv; charset=UTF-8").body(body).post(IMPORTS + query);
        started.then().statusCode(202).body("format", equalTo("csv"));
        imports.awaitQueued(Duration.ofSeconds(60));
        Response job = asAdmin().get(started.header("Location"));
        job.then().statusCode(200);
        return job.jsonPath();
    }

    private static JsonPath search(String marker) {
        return anonymous().queryParam("q", marker).get(TestMembers.MEMBERS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anExcelFileWithSwedishHeadersAndALineBreakInACellImports() throws Exception {
        String marker = unique();
        byte[] file = excel("namn;typ;kommun;kompetenser;beskrivning;språk\r\n"
                + "Åsa Öberg " + marker + ";freelancer;2580;ux-design|web-development;\"Formgivare i Luleå.\nJobbar"
                + " även i Kiruna; gärna.\";sv|en\r\n");
        JsonPath job = run("", file);
        assertEquals("done", job.getString("status"));
        assertEquals(1, job.getInt("total"));
        assertEquals(1, job.getInt("created"));
        assertEquals(0, job.getInt("failed"));
        JsonPath found = search(marker);
        assertEquals(1, found.getInt("total"));
        Map<String, Object> stored = TestMembers.stored(found.getString("items[0].id"));
        assertEquals("Åsa Öberg " + marker, stored.get("name"));
        assertEquals("Formgivare i Luleå.\nJobbar även i Kiruna; gärna.", stored.get("description"));
        assertEquals(List.of("ux-design", "web-development"), stored.get("skills"));
        assertEquals("2580", stored.get("municipality"));
    }

    @Test
    void goodRowsAreStoredAndABadRowIsReportedByItsExcelRowNumber() throws Exception {
        String marker = unique();
        // Row 2 spans two lines, so the bad row is Excel's row 4 although it starts on line 5.
        byte[] file = excel("name;type;municipality;skills;description\r\n"
                + "Första " + marker + ";freelancer;2580;ux-design;\"två\nrader\"\r\n"
                + "Andra " + marker + ";freelancer;2581;ux-design;\r\n"
                + "Fel " + marker + ";freelancer;9999;ux-design;\r\n"
                + "Sista " + marker + ";freelancer;2580;ux-design;\r\n");
        JsonPath job = run("", file);
        assertEquals("done", job.getString("status"));
        assertEquals(4, job.getInt("total"));
        assertEquals(3, job.getInt("created"));
        assertEquals(1, job.getInt("failed"));
        List<Map<String, Object>> problems = job.getList("problems");
        assertEquals(4, problems.get(0).get("row"));
        assertEquals("municipality", problems.get(0).get("field"));
        assertEquals(1, search("Första " + marker).getInt("total"));
        assertEquals(1, search("Sista " + marker).getInt("total"));
        assertEquals(0, search("Fel " + marker).getInt("total"));
    }

    @Test
    void upsertReplacesTheColumnsTheFileHasAndKeepsTheOthers() throws Exception {
        String marker = unique();
        TestMembers.Created existing = TestMembers.create(TestMembers.freelancer(marker));
        byte[] file = excel("slug;name;type;municipality;skills;rubrik\r\n" + existing.slug() + ";Testmedlem " + marker
                + ";freelancer;2580;ux-design;Ny rubrik " + marker + "\r\n");
        JsonPath job = run("?mode=upsert", file);
        assertEquals(1, job.getInt("updated"), () -> job.prettify());
        Map<String, Object> stored = TestMembers.stored(existing.id());
        assertEquals("Ny rubrik " + marker, stored.get("headline"));
        assertEquals(List.of("ux-design"), stored.get("skills"));
        assertEquals("https://" + marker + ".example.se", stored.get("website")); // no such column: kept
    }

    @Test
    void theFailedRowsComeBackWithTheirErrorsAndImportOnceFixed() throws Exception {
        String marker = unique();
        byte[] file = excel("namn;typ;kommun;kompetenser;beskrivning\r\n"
                + "Bra " + marker + ";freelancer;2580;ux-design;\r\n"
                + "Fel " + marker + ";freelancer;9999;ux-design;\"två\nrader; åäö\"\r\n");
        Response started = asAdmin().contentType("text/csv").body(file).post(IMPORTS);
        imports.awaitQueued(Duration.ofSeconds(60));
        String location = started.header("Location");
        assertEquals(1, asAdmin().get(location).jsonPath().getInt("failed"));

        byte[] errors = asAdmin().get(location + "/errors.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(errors, StandardCharsets.UTF_8);
        assertEquals("\uFEFFname;type;municipality;skills;description;errors\r\n"
                + "Fel " + marker + ";freelancer;9999;ux-design;\"två\nrader; åäö\";\"municipality: unknown municipality code"
                + " '9999'; see /api/v1/municipalities\"\r\n", text);

        JsonPath again = run("", text.replace(";9999;", ";2581;").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, again.getInt("created"), again::prettify);
        assertEquals(0, again.getInt("failed"));
        Map<String, Object> stored = TestMembers.stored(search("Fel " + marker).getString("items[0].id"));
        assertEquals("två\nrader; åäö", stored.get("description"));
        assertEquals("2581", stored.get("municipality"));

        String ndjson = asAdmin().contentType("application/x-ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS).header("Location");
        imports.awaitQueued(Duration.ofSeconds(60));
        asAdmin().get(ndjson + "/errors.csv").then().statusCode(404);
        asAdmin().get(IMPORTS + "/" + java.util.UUID.randomUUID() + "/errors.csv").then().statusCode(404);
        asCurator().get(location + "/errors.csv").then().statusCode(403);
    }

    /** Every column of the row at a cell's limit, each character one JSON escapes six-fold: kept and given back whole. */
    @Test
    void aFailedRowAtEveryLimitComesBackWhole() throws Exception {
        List<String> header = java.util.Arrays.stream(MemberColumn.values()).map(MemberColumn::english).toList();
        String cell = "\u0001".repeat(MemberColumn.MAX_CELL);
        String row = String.join(";", java.util.Collections.nCopies(header.size(), cell));
        Response started = asAdmin().contentType("text/csv").body(excel(String.join(";", header) + "\r\n" + row + "\r\n"))
                .post(IMPORTS);
        started.then().statusCode(202);
        imports.awaitQueued(Duration.ofSeconds(60));
        String location = started.header("Location");
        assertEquals(1, asAdmin().get(location).jsonPath().getInt("failed"));
        String errors = asAdmin().get(location + "/errors.csv").then().statusCode(200).extract().asString();
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';')
                .get().parse(new java.io.StringReader(errors.substring(1))).getRecords();
        assertEquals(2, records.size());
        List<String> cells = records.get(1).toList();
        assertEquals(java.util.Collections.nCopies(header.size(), cell), cells.subList(0, header.size()));
        assertTrue(cells.get(header.size()).contains("name"), cells.get(header.size()));
    }

    @Test
    void otherMediaTypesAreStillRefused() {
        asAdmin().contentType("text/plain").body(new byte[] {120}).post(IMPORTS).then().statusCode(415)
                .body("detail", containsString("text/csv"));
    }
}
