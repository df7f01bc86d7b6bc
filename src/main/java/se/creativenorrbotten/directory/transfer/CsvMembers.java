package se.creativenorrbotten.directory.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * Reads members from CSV as Swedish Excel writes it: UTF-8 with or without a byte order mark, {@code ;} or {@code ,}
 * between cells (whichever the header line has more of), quoted cells with line breaks, columns named by their
 * English or Swedish header ({@link MemberColumn}) in any order. It reads as it goes: a row at a time, never the whole
 * file. Nothing escapes as an exception: what is wrong with the file as a whole is in {@link Reading#fileProblems()}
 * (then no rows follow, or none after the point where it was found), what is wrong with a row in its {@link CsvRow}.
 */
public final class CsvMembers {

    /** Rows of members a file may have, besides the header. */
    public static final int DEFAULT_MAX_ROWS = RowFormat.MAX_ROWS;

    /** The column the file of failed rows adds; a file that has it (fixed and imported again) has it ignored. */
    public static final String ERRORS_COLUMN = "errors";
    private static final String ERRORS_COLUMN_SWEDISH = "fel";

    /**
     * The most characters one row may take, quotes and separators included: every column's cell at its longest, with
     * every character a doubled quote. Reading stops past it, so that a quote left open (which would make the rest of
     * the file one cell) or a cell of megabytes fails the file instead of filling the memory.
     */
    static final int MAX_ROW_CHARS = MemberColumn.values().length * (2 * MemberColumn.MAX_CELL + 3);

    private static final int BOM = 0xFEFF;
    /** Bytes checked as UTF-8 before anything is read, and the longest header line. */
    private static final int PREFIX = 64 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Vocabulary vocabulary;
    private final int maxRows;

    public CsvMembers(Vocabulary vocabulary, int maxRows) {
        this.vocabulary = vocabulary;
        this.maxRows = maxRows;
    }

    public CsvMembers(Vocabulary vocabulary) {
        this(vocabulary, DEFAULT_MAX_ROWS);
    }

    /** Starts reading; the caller closes the reading (which closes {@code in}). */
    public Reading read(InputStream in) {
        Reading reading = new Reading(in);
        reading.start();
        return reading;
    }

    /** The rows of one file, in order; {@link #fileProblems()} is complete once the rows are. */
    public final class Reading implements Iterator<CsvRow>, Closeable {

        private final InputStream source;
        private final List<FieldError> fileProblems = new ArrayList<>();
        private final List<MemberColumn> columns = new ArrayList<>();
        private CSVParser parser;
        private RowGuard guard;
        private long lastRecord = 1;
        private Iterator<CSVRecord> records;
        private CsvRow next;
        private long rows;

        private Reading(InputStream source) {
            this.source = source;
        }

        public List<FieldError> fileProblems() {
            return List.copyOf(fileProblems);
        }

        /** The columns in the file's order; null for a column that is ignored (the errors column). */
        public List<MemberColumn> columns() {
            return Collections.unmodifiableList(columns);
        }

        private void start() {
            try {
                BufferedInputStream bytes = new BufferedInputStream(source, PREFIX);
                String encoding = utf8Problem(bytes);
                if (encoding != null) {
                    fileProblems.add(new FieldError("file", encoding));
                    return;
                }
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                BufferedReader text = new BufferedReader(new InputStreamReader(bytes, decoder), PREFIX);
                text.mark(1);
                if (text.read() != BOM) {
                    text.reset();
                }
                char delimiter = delimiter(text);
                guard = new RowGuard(text);
                parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .setTrim(false).get().parse(guard);
                records = parser.iterator();
                if (!records.hasNext()) {
                    fileProblems.add(new FieldError("file", "the file is empty: the first row must name the columns"));
                    return;
                }
                header(records.next());
                guard.rowEnded();
                advance();
            } catch (IOException | UncheckedIOException e) {
                fail(e);
            }
        }

        private void header(CSVRecord header) {
            List<MemberColumn> seen = new ArrayList<>();
            for (String name : header) {
                String cleaned = name.strip();
                MemberColumn column = MemberColumn.byHeader(cleaned);
                columns.add(column);
                if (column == null) {
                    String lower = cleaned.toLowerCase(Locale.ROOT);
                    if (!lower.equals(ERRORS_COLUMN) && !lower.equals(ERRORS_COLUMN_SWEDISH)) {
                        fileProblems.add(new FieldError("header", "unknown column '" + cleaned + "'; see"
                                + " /api/v1/imports/template.csv for the columns (English or Swedish names)"));
                    }
                } else if (seen.contains(column)) {
                    fileProblems.add(new FieldError("header", "column '" + cleaned + "' appears twice"));
                } else {
                    seen.add(column);
                }
            }
            for (MemberColumn required : List.of(MemberColumn.NAME, MemberColumn.TYPE, MemberColumn.MUNICIPALITY,
                    MemberColumn.SKILLS)) {
                if (!seen.contains(required)) {
                    fileProblems.add(new FieldError("header", "column '" + required.english() + "' ('" + required.swedish()
                            + "') is missing"));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public CsvRow next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            CsvRow row = next;
            advance();
            return row;
        }

        private void advance() {
            next = null;
            if (!fileProblems.isEmpty()) {
                return;
            }
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    guard.rowEnded();
                    lastRecord = record.getRecordNumber();
                    if (isBlank(record)) {
                        continue;
                    }
                    if (++rows > maxRows) {
                        fileProblems.add(new FieldError("file", "the file has more than " + maxRows
                                + " rows of members; split it"));
                        return;
                    }
                    next = row(record);
                    return;
                }
            } catch (UncheckedIOException e) {
                fail(e);
            }
        }

        private CsvRow row(CSVRecord record) {
            List<FieldError> problems = new ArrayList<>();
            List<String> cells = record.toList();
            ObjectNode member = JSON.createObjectNode();
            String slug = null;
            String status = null;
            String reason = null;
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                MemberColumn column = i < columns.size() ? columns.get(i) : null;
                if (column == null) {
                    if (i >= columns.size() && !cell.isBlank()) {
                        problems.add(new FieldError("column " + (i + 1), "the row has more cells than the header has columns"));
                    }
                    continue;
                }
                if (cell.length() > MemberColumn.MAX_CELL) {
                    problems.add(new FieldError(column.english(), "must be at most " + MemberColumn.MAX_CELL + " characters long"));
                    continue;
                }
                String value = unguarded(cell);
                if (column == MemberColumn.SLUG && !value.isBlank()) {
                    slug = value.strip();
                } else if (column == MemberColumn.STATUS) {
                    status = value;
                } else if (column == MemberColumn.STATUS_REASON) {
                    reason = value;
                }
                JsonNode json = column.read(value, vocabulary, problems);
                if (json != null) {
                    member.set(column.english(), json);
                }
            }
            WrittenStatus written = WrittenStatus.read(status, reason, problems);
            MemberInput input = null;
            if (problems.isEmpty()) {
                try {
                    input = JSON.treeToValue(member, MemberInput.class);
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(new FieldError("row", "the row cannot be read as a member"));
                }
            }
            return new CsvRow(record.getRecordNumber(), slug, written, input, problems, cells);
        }

        private void fail(Exception e) {
            next = null;
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            String problem;
            if (cause instanceof CharacterCodingException) {
                problem = NOT_UTF8;
            } else if (cause instanceof RowTooLong) {
                problem = "row " + (lastRecord + 1) + " is longer than the " + MAX_ROW_CHARS + " characters a row may"
                        + " have (a cell may have " + MemberColumn.MAX_CELL + "): is a quote (\") left open?";
            } else {
                problem = "row " + (lastRecord + 1) + " cannot be read as CSV: a quote (\") is left open, or a quoted"
                        + " cell has text after its closing quote";
            }
            fileProblems.add(new FieldError("file", problem));
        }

        @Override
        public void close() throws IOException {
            if (parser != null) {
                parser.close();
            }
            source.close();
        }
    }

    /** Counts the characters the parser reads, and refuses more than a row may have since the last row ended. */
    private static final class RowGuard extends FilterReader {

        /** What the parser's own buffer may have read ahead of the row it returned. */
        private static final int READ_AHEAD = 64 * 1024;
        private long read;
        private long rowStart;

        RowGuard(java.io.Reader in) {
            super(in);
        }

        void rowEnded() {
            rowStart = read;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c != -1) {
                counted(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RowTooLong {
            read += n;
            if (read - rowStart > MAX_ROW_CHARS + READ_AHEAD) {
                throw new RowTooLong();
            }
        }
    }

    private static final class RowTooLong extends IOException {
        RowTooLong() {
            super("a row longer than " + MAX_ROW_CHARS + " characters");
        }
    }

    private static final String NOT_UTF8 = "the file is not UTF-8 text; in Excel, save it as 'CSV UTF-8 (kommaavgränsad)'";

    /**
     * Checks the first bytes as UTF-8 without consuming them: a file saved by Excel as plain 'CSV' is Windows-1252,
     * whose å, ä and ö (E5, E4, F6) are never valid UTF-8, so such a file is refused before any row is read.
     */
    private static String utf8Problem(BufferedInputStream bytes) throws IOException {
        bytes.mark(PREFIX);
        byte[] prefix = bytes.readNBytes(PREFIX);
        bytes.reset();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(prefix);
        CharBuffer out = CharBuffer.allocate(prefix.length);
        // Not the end of input: a character cut off at the prefix's end is not an error.
        CoderResult result = decoder.decode(in, out, prefix.length < PREFIX);
        if (result.isError()) {
            int bad = prefix[in.position()] & 0xFF;
            return NOT_UTF8 + " (byte " + String.format("0x%02X", bad) + " at offset " + in.position()
                    + ": perhaps Windows-1252, as Excel saves plain 'CSV')";
        }
        for (int i = 0; i < prefix.length; i++) {
            if (prefix[i] == 0) {
                return "the file is binary (a NUL byte at offset " + i + "), not CSV text";
            }
        }
        return null;
    }

    /** ';' or ',', whichever the header line has more of (outside quotes); ';' when it has neither. */
    private static char delimiter(BufferedReader text) throws IOException {
        text.mark(PREFIX);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0, c = text.read(); c != -1 && i < PREFIX - 1; i++, c = text.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        text.reset();
        return commas > semicolons ? ',' : ';';
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cell without the apostrophe the export puts before a value that spreadsheets would run as a formula
     * ({@code =}, {@code +}, {@code -}, {@code @}: a phone number such as {@code +46 70-174 06 42}). A value that
     * itself starts with apostrophes before such a character gets one more, so that every value comes back.
     */
    static String unguarded(String cell) {
        return cell.startsWith("'") && isGuardable(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** The cell as the export writes it: see {@link #unguarded}. */
    static String guarded(String cell) {
        return isGuardable(cell) ? "'" + cell : cell;
    }

    /** Apostrophes, if any, then a formula's first character. */
    private static boolean isGuardable(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && isFormulaStart(cell.charAt(i));
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@';
    }
}
