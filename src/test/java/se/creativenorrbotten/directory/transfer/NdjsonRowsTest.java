package se.creativenorrbotten.directory.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The NDJSON reader over small files: line numbers, blank lines, the line limit, bytes that are not UTF-8. */
class NdjsonRowsTest {

    private final NdjsonRows ndjson = new NdjsonRows(new ObjectMapper());

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("rows.ndjson"), bytes);
    }

    private List<ImportRow> rows(Path file) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        try (ImportRows reader = ndjson.open(file)) {
            for (ImportRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void rowsKeepTheirLineNumbersAndBlankLinesAreSkipped() throws IOException {
        Path file = file("{\"name\": \"A\", \"slug\": \"a\"}\r\n\n   \n{\"name\": \"B\"}".getBytes(StandardCharsets.UTF_8));
        List<ImportRow> rows = rows(file);
        assertEquals(2, ndjson.count(file));
        assertEquals(List.of(1L, 4L), rows.stream().map(ImportRow::number).toList());
        assertEquals("a", rows.get(0).slug());
        // The slug names the member; it is no property an upsert replaces.
        assertEquals(java.util.Set.of("name"), rows.get(0).carried());
        assertEquals("B", rows.get(1).input().name());
        assertNull(rows.get(1).slug());
    }

    @Test
    void anEmptyFileHasNoRows() throws IOException {
        Path file = file(new byte[0]);
        assertEquals(0, ndjson.count(file));
        assertEquals(List.of(), rows(file));
    }

    @Test
    void aLineThatIsNotAJsonObjectIsThatLinesProblem() throws IOException {
        List<ImportRow> rows = rows(file("{not json\n[1]\n{\"name\": \"C\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, rows.size());
        assertTrue(!rows.get(0).readable() && rows.get(0).problems().get(0).field() == null);
        assertEquals("the line must be a JSON object describing a member", rows.get(1).problems().get(0).detail());
        assertTrue(rows.get(2).readable());
    }

    @Test
    void aLineOverTheLimitIsRefusedUnreadAndTheNextLineIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("{\"name\": \"" + "x".repeat(NdjsonRows.MAX_LINE_BYTES) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"name\": \"D\"}".getBytes(StandardCharsets.UTF_8));
        List<ImportRow> rows = rows(file(bytes.toByteArray()));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).problems().get(0).detail().startsWith("the line is longer than the 64 KiB"));
        assertEquals(2L, rows.get(1).number());
        assertEquals("D", rows.get(1).input().name());
    }

    @Test
    void bytesThatAreNotUtf8AreTheLinesProblem() throws IOException {
        List<ImportRow> rows = rows(file(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xBC, '"', '}'}));
        assertEquals("the line is not UTF-8 text (at byte 7 of the line)", rows.get(0).problems().get(0).detail());
    }
}
