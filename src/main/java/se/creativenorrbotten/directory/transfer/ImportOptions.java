package se.creativenorrbotten.directory.transfer;

import java.util.ArrayList;
import java.util.List;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * What an import is asked to do: validate only ({@code dryRun}), create or upsert ({@code mode}), all or nothing
 * ({@code atomic}) or row by row, and the status its new members get.
 */
public record ImportOptions(boolean dryRun, ImportMode mode, boolean atomic, ImportStatus status) {

    /** The options from the query parameters (null: the default); every bad one is named at once (400). */
    public static ImportOptions parse(String dryRun, String mode, String atomic, String status) {
        List<FieldError> errors = new ArrayList<>();
        boolean dry = flag("dryRun", dryRun, errors);
        boolean all = flag("atomic", atomic, errors);
        ImportMode writeMode = ImportMode.CREATE;
        if (mode != null) {
            if (Coded.isCode(ImportMode.class, mode)) {
                writeMode = Coded.fromCode(ImportMode.class, mode);
            } else {
                errors.add(new FieldError("mode", "must be create or upsert"));
            }
        }
        ImportStatus memberStatus = ImportStatus.PUBLISHED;
        if (status != null) {
            if (Coded.isCode(ImportStatus.class, status)) {
                memberStatus = Coded.fromCode(ImportStatus.class, status);
            } else {
                errors.add(new FieldError("status", "must be published, pending or keep (each row's own status)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImportOptions(dry, writeMode, all, memberStatus);
    }

    private static boolean flag(String name, String value, List<FieldError> errors) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        errors.add(new FieldError(name, "must be true or false"));
        return false;
    }
}
