package se.creativenorrbotten.directory.transfer;

import java.util.List;
import java.util.Set;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * One row of an import file as its format reads it: its number as the admin sees it (an NDJSON line, a CSV row as
 * Excel numbers it), and either the member it describes or what makes it unreadable ({@code problems}, field null
 * for the whole row). {@code carried}: the properties the row gives (an upsert replaces those, keeps the others);
 * {@code slug}: the member it names for an upsert, if any (and the slug it asks for when it creates one);
 * {@code status}: the status it has, for {@code status=keep}; {@code cells}: the row as written, for a file of the
 * failed rows (null when the format has none: NDJSON).
 */
public record ImportRow(long number, MemberInput input, Set<String> carried, String slug, WrittenStatus status,
        List<FieldError> problems, List<String> cells) {

    public ImportRow {
        carried = carried == null ? Set.of() : Set.copyOf(carried);
        status = status == null ? WrittenStatus.NONE : status;
        problems = problems == null ? List.of() : List.copyOf(problems);
        cells = cells == null ? null : List.copyOf(cells);
    }

    public static ImportRow of(long number, MemberInput input, Set<String> carried, String slug, WrittenStatus status) {
        return new ImportRow(number, input, carried, slug, status, List.of(), null);
    }

    public static ImportRow unreadable(long number, List<FieldError> problems) {
        return new ImportRow(number, null, Set.of(), null, WrittenStatus.NONE, problems, null);
    }

    public ImportRow withCells(List<String> written) {
        return new ImportRow(number, input, carried, slug, status, problems, written);
    }

    public boolean readable() {
        return problems.isEmpty();
    }

    /** A problem's field errors, or the problem's detail for the whole row when it names no field. */
    static List<FieldError> problemsOf(ProblemException problem) {
        List<FieldError> errors = problem.toProblem().errors();
        return errors == null || errors.isEmpty() ? List.of(new FieldError(null, problem.detail())) : errors;
    }
}
