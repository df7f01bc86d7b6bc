package se.creativenorrbotten.directory.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.JsonProblems;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.text.Utf8;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * NDJSON import files: one member per line, the JSON object a POST /members takes (plus {@code slug} to name the
 * member an upsert updates). A line is read by the API's own mapper, so a bad one has the same problems, in the same
 * words, as the same body sent to the API; a line that is not JSON or not UTF-8 is that line's problem. Blank lines
 * are skipped; a line longer than the API's body limit is refused unread.
 */
@ApplicationScoped
public class NdjsonRows implements RowFormat {

    /** A line is a member's body: no longer than the API accepts for one. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final ObjectMapper json;

    public NdjsonRows(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.NDJSON;
    }

    /**
     * The lines with content. The file as a whole must be UTF-8 text: bytes that are not, or a NUL character (a binary
     * file), refuse it before any row is read.
     */
    @Override
    public int count(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int rows = 0;
        long line = 1;
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[64 * 1024];
            boolean content = false;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        rows += content ? 1 : 0;
                        content = false;
                        line++;
                        atMostMaxRows(rows);
                    } else if (c == 0) {
                        throw new ImportFileProblems(List.of(new FieldError("file", "line " + line + " has a NUL"
                                + " character: the file is binary, not NDJSON text")));
                    } else if (!isBlank(c)) {
                        content = true;
                    }
                }
            }
            rows += content ? 1 : 0;
            atMostMaxRows(rows);
            return rows;
        } catch (CharacterCodingException e) {
            throw new ImportFileProblems(List.of(new FieldError("file", "line " + line
                    + " is not UTF-8 text: an NDJSON file is UTF-8")));
        }
    }

    @Override
    public ImportRows open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return new ImportRows() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private long number;
            private boolean ended;

            @Override
            public ImportRow next() throws IOException {
                while (!ended) {
                    number++;
                    boolean tooLong = readLine();
                    if (tooLong) {
                        return ImportRow.unreadable(number, List.of(new FieldError(null,
                                "the line is longer than the " + (MAX_LINE_BYTES / 1024) + " KiB a member's body may have")));
                    }
                    if (!blank()) {
                        return row(number, line.toByteArray());
                    }
                }
                return null;
            }

            /** Reads the next line into {@code line} (without its end); true when it was too long (the rest skipped). */
            private boolean readLine() throws IOException {
                line.reset();
                boolean tooLong = false;
                for (int b = in.read();; b = in.read()) {
                    if (b == -1) {
                        ended = true;
                        break;
                    }
                    if (b == '\n') {
                        break;
                    }
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                }
                return tooLong;
            }

            private boolean blank() {
                for (byte b : line.toByteArray()) {
                    if (!isBlank(b)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** One line's row: its member, or its problems. */
    ImportRow row(long number, byte[] bytes) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.InvalidUtf8Exception e) {
            return ImportRow.unreadable(number, List.of(new FieldError(null,
                    "the line is not UTF-8 text (at byte " + (e.offset() + 1) + " of the line)")));
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(number, ImportRow.problemsOf(JsonProblems.of(e)));
        }
        if (node == null || !node.isObject()) {
            return ImportRow.unreadable(number, List.of(new FieldError(null, "the line must be a JSON object describing a member")));
        }
        ObjectNode member = (ObjectNode) node;
        String slug = text(member, MemberColumn.SLUG);
        List<FieldError> problems = new ArrayList<>();
        WrittenStatus status = WrittenStatus.read(text(member, MemberColumn.STATUS), text(member, MemberColumn.STATUS_REASON),
                problems);
        // What an export writes besides the member's body (id, slug, status, dates, version) is read above or left out.
        for (MemberColumn column : MemberColumn.values()) {
            if (!column.writable()) {
                member.remove(column.english());
            }
        }
        if (!problems.isEmpty()) {
            return ImportRow.unreadable(number, problems);
        }
        Set<String> carried = new LinkedHashSet<>();
        member.fieldNames().forEachRemaining(carried::add);
        try {
            MemberInput input = JsonBodies.bind(json, member, MemberInput.class);
            return ImportRow.of(number, input, carried, slug, status);
        } catch (ProblemException problem) {
            return ImportRow.unreadable(number, ImportRow.problemsOf(problem));
        }
    }

    private static void atMostMaxRows(int rows) {
        if (rows > MAX_ROWS) {
            throw new ImportFileProblems(List.of(new FieldError("file", "the file has more than " + MAX_ROWS
                    + " rows of members; split it")));
        }
    }

    /** A property's text (a number or flag as written); null when absent or null. */
    private static String text(ObjectNode member, MemberColumn column) {
        JsonNode value = member.get(column.english());
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
