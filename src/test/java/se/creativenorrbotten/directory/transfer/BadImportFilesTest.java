package se.creativenorrbotten.directory.transfer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.ADMIN;
import static se.creativenorrbotten.directory.TestApi.ADMIN_PASSWORD;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.TestLogs;
import se.creativenorrbotten.directory.common.http.RawHttp;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * Files that are no import at all get a 4xx problem naming what is wrong when they are sent, before a job is made:
 * nothing is stored, and no member count changes.
 */
@QuarkusTest
class BadImportFilesTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final String HEADER = "namn;typ;kommun;kompetenser;beskrivning\r\n";

    @TestHTTPResource
    URL api;

    @Inject
    TestDatabase database;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    /** A PNG's signature and header chunk, then noise: what an admin sends who picked the wrong file. */
    private static byte[] png() {
        byte[] noise = new byte[4096];
        new java.util.Random(11).nextBytes(noise);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'},
                noise);
    }

    static Stream<Arguments> badFiles() {
        String marker = unique();
        String row = "Fil " + marker + ";freelancer;2580;ux-design;";
        return Stream.of(
                Arguments.of("a PNG as CSV", CSV, png(), "file", "not UTF-8"),
                Arguments.of("a PNG as NDJSON", NDJSON, png(), "file", "not UTF-8"),
                Arguments.of("zeros as CSV", CSV, new byte[2048], "file", "binary"),
                Arguments.of("zeros as NDJSON", NDJSON, new byte[2048], "file", "binary"),
                Arguments.of("Windows-1252 CSV", CSV, (HEADER + row + "Luleå\r\n").getBytes(Charset.forName("windows-1252")),
                        "file", "CSV UTF-8"),
                Arguments.of("an empty CSV", CSV, new byte[0], "body", "empty"),
                Arguments.of("an empty NDJSON", NDJSON, new byte[0], "body", "empty"),
                Arguments.of("a byte order mark only", CSV, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "file", "empty"),
                Arguments.of("a header only", CSV, utf8("\uFEFF" + HEADER), "file", "no members"),
                Arguments.of("a header and blank rows", CSV, utf8(HEADER + ";;;;\r\n\r\n"), "file", "no members"),
                Arguments.of("blank lines only", NDJSON, utf8("\n \n\r\n"), "file", "no members"),
                Arguments.of("an unknown column", CSV, utf8("namn;typ;kommun;kompetenser;färg\r\n" + row + "\r\n"), "header",
                        "unknown column 'färg'"),
                Arguments.of("a cell of a megabyte", CSV, utf8(HEADER + row + "\"" + "a".repeat(1024 * 1024) + "\"\r\n"), "file",
                        "is a quote (\") left open?"),
                Arguments.of("more than 100,000 rows", CSV, utf8("name;type;municipality;skills\r\n"
                        + "a;agency;2580;x\r\n".repeat(RowFormat.MAX_ROWS + 1)), "file", "more than 100000 rows"),
                Arguments.of("more than 100,000 lines", NDJSON, utf8("{}\n".repeat(RowFormat.MAX_ROWS + 1)), "file",
                        "more than 100000 rows"),
                Arguments.of("a quote left open", CSV, utf8(HEADER + "\"Fil " + marker + ";freelancer;2580;ux-design;x\r\n"
                        + (row + "x\r\n").repeat(10)), "file", "row 2 cannot be read"));
    }

    private static int members() {
        return asAdmin().queryParam("size", 1).get(TestMembers.MEMBERS).then().statusCode(200).extract().jsonPath()
                .getInt("total");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aFileThatIsNoImportIsRefusedWhenSentAndChangesNothing(String what, String type, byte[] file, String field,
            String detail) {
        int before = members();
        Response answer = asAdmin().contentType(type).body(file).post(IMPORTS);
        assertProblem(answer, 400).body("errors.field", hasItem(field)).body("errors.detail", hasItem(containsString(detail)));
        assertTrue(answer.header("Location") == null, "no job: " + answer.header("Location"));
        assertEquals(before, members(), what + " changed the directory");
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A client that leaves in the middle of its upload made the mistake: no job, and no error logged as ours (the
     * service logged it at ERROR and answered 500, found by the battery's hostile part).
     */
    @Test
    void anUploadItsClientAbandonsIsNoErrorOfOursAndMakesNoJob() throws Exception {
        long jobs = database.count("select count(*) from import_job");
        TestLogs logs = new TestLogs().start();
        try {
            RawHttp.abandon(api, "POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
                    + "\r\nContent-Type: " + CSV + "\r\nContent-Length: 100000\r\n\r\n" + HEADER
                    + "Övergiven;freelancer;2580;ux-design;", 1000);
            // The service learns of the close at once; the next requests on new connections come after it.
            for (int i = 0; i < 20 && logs.errors().isEmpty(); i++) {
                asAdmin().get(IMPORTS + "/template.csv").then().statusCode(200);
                Thread.sleep(100);
            }
        } finally {
            logs.stop();
        }
        assertEquals(List.of(), logs.errors());
        assertEquals(jobs, database.count("select count(*) from import_job"));
    }

    @Test
    void aGigabyteClaimIsRefusedBeforeTheBodyIsRead() throws Exception {
        int before = members();
        RawHttp.Answer answer = RawHttp.exchange(api, "POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + basic() + "\r\nContent-Type: " + CSV + "\r\nContent-Length: 1073741824\r\n\r\n" + HEADER);
        assertEquals(413, answer.status(), answer.statusLine());
        assertTrue(answer.body().contains(TestApi.PROBLEM_TYPES + "payload-too-large"), answer.body());
        assertEquals(before, members());
    }
}
