package se.creativenorrbotten.directory.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.problem.FieldError;

/**
 * CSV import files, read by {@link CsvMembers} against the taxonomy as it is when the job starts. A row carries the
 * columns the header names (an upsert replaces those, an empty cell clearing its property, and keeps the others).
 * The count reads the whole file, so what is wrong with the file as a whole fails the job before any row is written.
 */
@ApplicationScoped
public class CsvRows implements RowFormat {

    private final TaxonomyVocabulary taxonomy;

    public CsvRows(TaxonomyVocabulary taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.CSV;
    }

    @Override
    public int count(Path file) throws IOException {
        try (CsvMembers.Reading reading = read(file)) {
            int rows = 0;
            while (reading.hasNext()) {
                reading.next();
                rows++;
            }
            if (!reading.fileProblems().isEmpty()) {
                throw new ImportFileProblems(reading.fileProblems());
            }
            return rows;
        }
    }

    @Override
    public ImportRows open(Path file) throws IOException {
        CsvMembers.Reading reading = read(file);
        Set<String> carried = new LinkedHashSet<>();
        List<String> header = new ArrayList<>();
        for (MemberColumn column : reading.columns()) {
            if (column != null && column.writable()) {
                carried.add(column.english());
            }
            if (column != null) {
                header.add(column.english());
            }
        }
        return new ImportRows() {
            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public ImportRow next() {
                if (!reading.hasNext()) {
                    List<FieldError> problems = reading.fileProblems();
                    if (!problems.isEmpty()) {
                        // The count found none; the file changed under the job.
                        throw new ImportFileProblems(problems);
                    }
                    return null;
                }
                CsvRow row = reading.next();
                return (row.ok() ? ImportRow.of(row.row(), row.member(), carried, row.slug(), row.status())
                        : ImportRow.unreadable(row.row(), row.problems())).withCells(written(reading.columns(), row.cells()));
            }

            @Override
            public void close() throws IOException {
                reading.close();
            }
        };
    }

    /** The cells under the header's known columns: an errors column of an earlier round is left out. */
    private static List<String> written(List<MemberColumn> columns, List<String> cells) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) != null) {
                kept.add(i < cells.size() ? cells.get(i) : "");
            }
        }
        return kept;
    }

    private CsvMembers.Reading read(Path file) throws IOException {
        Vocabulary vocabulary = QuarkusTransaction.requiringNew().call(taxonomy::current);
        return new CsvMembers(vocabulary).read(new BufferedInputStream(Files.newInputStream(file)));
    }
}
