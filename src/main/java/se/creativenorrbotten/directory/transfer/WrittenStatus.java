package se.creativenorrbotten.directory.transfer;

import java.util.List;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.member.MemberStatus;

/**
 * The status (and its reason) a row has, as an export wrote it: what an import with {@code status=keep} gives the
 * member it creates. {@link #NONE} for a row without one.
 */
public record WrittenStatus(MemberStatus status, String reason) {

    public static final WrittenStatus NONE = new WrittenStatus(null, null);

    /** The status and reason as written (blank: none); an unknown status is a problem of the row's status field. */
    static WrittenStatus read(String status, String reason, List<FieldError> problems) {
        String code = status == null ? "" : status.strip();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (code.isEmpty()) {
            return why == null ? NONE : new WrittenStatus(null, why);
        }
        if (!Coded.isCode(MemberStatus.class, code)) {
            problems.add(new FieldError(MemberColumn.STATUS.english(), "must be one of " + Coded.allowed(MemberStatus.class)));
            return NONE;
        }
        return new WrittenStatus(Coded.fromCode(MemberStatus.class, code), why);
    }
}
