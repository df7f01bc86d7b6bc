package se.creativenorrbotten.directory.common.problem;

import java.io.CharConversionException;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.logging.RequestIds;
import se.creativenorrbotten.directory.common.persistence.DatabaseUnavailable;
import se.creativenorrbotten.directory.common.text.Utf8;

/**
 * The one place where failures become HTTP responses. Every error leaves as
 * {@code application/problem+json}; nothing internal (messages, classes, SQL) is echoed.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BASIC_CHALLENGE = "Basic realm=\"Creative Norrbotten directory\", charset=\"UTF-8\"";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    public static Response response(ProblemType type, String detail) {
        return response(new ProblemException(type, detail).toProblem());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = response(e.toProblem());
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (Violations.isReturnValue(violation.getPropertyPath())) {
                return internal(e);
            }
        }
        return response(ProblemException.invalid(Violations.fieldErrors(e.getConstraintViolations())).toProblem());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return response(JsonProblems.of(e).toProblem());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return response(JsonProblems.of(e).toProblem());
    }

    @ServerExceptionMapper
    public Response undecodable(CharConversionException e) {
        String where = e instanceof Utf8.InvalidUtf8Exception invalid ? " (at byte " + invalid.offset() + ")" : "";
        return response(ProblemType.MALFORMED_REQUEST, "The request body is not valid UTF-8" + where
                + ": send JSON encoded as UTF-8, without overlong forms, encoded surrogates or cut-off sequences.");
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge();
    }

    /**
     * A failed login: 401 with a challenge, unless the identity provider refused it for another reason it
     * gave as the cause (a throttled login: 429 with Retry-After).
     */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
        }
        return challenge();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ProblemType.FORBIDDEN, "Your account's role does not allow this operation.");
    }

    @ServerExceptionMapper
    public Response editRace(OptimisticLockException e) {
        return response(ProblemType.CONFLICT,
                "The member was changed by someone else at the same time; fetch it again and retry.");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return response(JsonProblems.of(json).toProblem());
            }
            if (cause instanceof CharConversionException undecodable) {
                return undecodable(undecodable);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return internal(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> original.getHeaderString("Allow") == null ? "This path does not support the request method."
                    : "This path does not support the request method; allowed: " + original.getHeaderString("Allow") + ".";
            case 406 -> "This resource cannot answer in any media type that the Accept header allows.";
            case 413 -> "The request body is larger than the service accepts.";
            case 415 -> "The request's Content-Type is not supported here; send application/json"
                    + " (" + se.creativenorrbotten.directory.common.json.MergePatch.MEDIA_TYPE + " for PATCH).";
            default -> original.getStatusInfo().getReasonPhrase() + ".";
        };
        Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), status, detail, null));
        copyHeader(original, builder, "Allow");
        copyHeader(original, builder, HttpHeaders.WWW_AUTHENTICATE);
        return builder.build();
    }

    /**
     * A 500: logged with its reference, the request's id ({@link RequestIds}), which the problem quotes. A failure
     * that is the database out of reach or busy is no defect: 503 with Retry-After ({@link DatabaseUnavailable}),
     * logged in one line.
     */
    @ServerExceptionMapper
    public Response internal(Throwable e) {
        ProblemException unavailable = DatabaseUnavailable.answer(e);
        if (unavailable != null) {
            return problem(unavailable);
        }
        String current = RequestIds.current();
        String reference = current != null ? current : UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, reference %s", reference);
        return response(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote reference " + reference + " when you report it.");
    }

    static Response challenge() {
        return Response.status(401).type(PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .entity(new ProblemException(ProblemType.UNAUTHORIZED,
                        "This operation needs the credentials of a curator account (HTTP Basic); "
                                + "they were missing or wrong.").toProblem())
                .build();
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }
}
