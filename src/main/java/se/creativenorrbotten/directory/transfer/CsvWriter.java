package se.creativenorrbotten.directory.transfer;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes members as CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark, {@code ;} between cells,
 * CRLF between rows, English headers. Each member is given as the JSON of its view, so a column is read by its
 * property's name ({@link MemberColumn#english()}). A cell that a spreadsheet would run as a formula gets an
 * apostrophe in front, which {@link CsvMembers} takes off again. The stream stays the caller's: flush, never close.
 */
public final class CsvWriter implements Flushable {

    public static final char DELIMITER = ';';
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final List<MemberColumn> columns;
    private final CSVPrinter printer;

    public CsvWriter(OutputStream out, List<MemberColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write('\uFEFF');
        printer = CSVFormat.DEFAULT.builder().setDelimiter(DELIMITER).setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get().print(text);
        List<String> headers = new ArrayList<>();
        for (MemberColumn column : this.columns) {
            headers.add(column.english());
        }
        printer.printRecord(headers);
    }

    public void member(JsonNode view) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (MemberColumn column : columns) {
            cells.add(CsvMembers.guarded(column.write(view.get(column.english()))));
        }
        printer.printRecord(cells);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
