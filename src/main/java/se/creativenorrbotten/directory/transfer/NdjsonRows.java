package se.creativenorrbotten.directory.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Override
    public int count(Path file) throws IOException {
        int rows = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            boolean content = false;
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    rows += content ? 1 : 0;
                    content = false;
                } else if (!isBlank(b)) {
                    content = true;
                }
            }
            return rows + (content ? 1 : 0);
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
        Set<String> carried = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(carried::add);
        JsonNode slug = node.get("slug");
        try {
            MemberInput input = JsonBodies.bind(json, node, MemberInput.class);
            return ImportRow.of(number, input, carried, slug != null && slug.isTextual() ? slug.asText() : null);
        } catch (ProblemException problem) {
            return ImportRow.unreadable(number, ImportRow.problemsOf(problem));
        }
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
