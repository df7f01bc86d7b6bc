package se.creativenorrbotten.directory.transfer;

import java.util.List;

import se.creativenorrbotten.directory.common.problem.FieldError;

/**
 * What makes an import file unreadable as a whole (a bad header, not UTF-8, too many rows): found before any row is
 * written, it fails the job with these problems in its report.
 */
final class ImportFileProblems extends RuntimeException {

    private final transient List<FieldError> problems;

    ImportFileProblems(List<FieldError> problems) {
        super(null, null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<FieldError> problems() {
        return problems;
    }
}
