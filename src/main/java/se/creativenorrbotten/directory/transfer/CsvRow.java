package se.creativenorrbotten.directory.transfer;

import java.util.List;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * One row of a members spreadsheet: its number as Excel shows it (the header is row 1), the slug it names (for an
 * update; null for none), the status it has (for an import that keeps it), the member it holds, or the problems that kept it from being one (then {@code member} is
 * null), and its cells as written, in the file's column order, for a file of the failed rows.
 */
public record CsvRow(long row, String slug, WrittenStatus status, MemberInput member, List<FieldError> problems,
        List<String> cells) {

    public CsvRow {
        problems = List.copyOf(problems);
        cells = List.copyOf(cells);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
