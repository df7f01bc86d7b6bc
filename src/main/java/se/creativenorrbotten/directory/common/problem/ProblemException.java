package se.creativenorrbotten.directory.common.problem;

import java.util.List;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMappers} turns it into
 * {@code application/problem+json}. The detail is written for the API's users: it never carries
 * exception messages, SQL or class names.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, 0);
    }

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, long retryAfterSeconds) {
        super(type.title() + ": " + detail, null, false, false);
        this.type = type;
        this.detail = detail;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors.";
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors);
    }

    public static ProblemException invalid(String field, String detail) {
        return invalid(List.of(new FieldError(field, detail)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** 429: the caller must wait {@code seconds} before trying again (sent as Retry-After). */
    public static ProblemException tooManyRequests(String detail, long seconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, null, Math.max(1, seconds));
    }

    /** 503: the service cannot answer now (its database is away); the caller may retry after {@code seconds}. */
    public static ProblemException unavailable(String detail, long seconds) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, null, Math.max(1, seconds));
    }

    /** Seconds the caller should wait before retrying, or 0 when the problem says nothing about it. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors);
    }
}
