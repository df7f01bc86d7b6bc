package se.creativenorrbotten.directory.common.problem;

/** The kinds of problem this service reports; each has a stable type URI, title and status. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    CROSS_SITE_REQUEST("cross-site-request", "Cross-site request refused", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    INVALID_TRANSITION("invalid-transition", "Not allowed in the member's status", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal-error", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    public static final String BASE_URI = "https://directory.creativenorrbotten.se/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The problem type that goes with an HTTP status we did not map more precisely. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_REQUEST && type != CROSS_SITE_REQUEST) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
