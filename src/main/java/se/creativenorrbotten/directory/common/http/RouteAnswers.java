package se.creativenorrbotten.directory.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import se.creativenorrbotten.directory.common.problem.Problem;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;

/**
 * Answers written straight on a Vert.x route, before or beside the REST layer (the edge, the rate limits, the
 * management interface's routes): a body as JSON, a problem as {@code application/problem+json}.
 */
public final class RouteAnswers {

    private RouteAnswers() {
    }

    /** Ends the response with the body as JSON, of this status and content type. */
    public static void json(RoutingContext context, ObjectMapper json, int status, String type, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(text);
    }

    /** Ends the response with the problem, at its status, with its Retry-After if it has one (as the resources'). */
    public static void problem(RoutingContext context, ObjectMapper json, ProblemException problem) {
        if (problem.retryAfterSeconds() > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        Problem body = problem.toProblem();
        json(context, json, body.status(), ProblemMappers.PROBLEM_JSON, body);
    }
}
