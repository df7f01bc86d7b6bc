package se.creativenorrbotten.directory.common.http;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Refuses a request whose declared body is over quarkus.http.limits.max-body-size with a
 * problem+json 413 before any of it is read. (The HTTP server's own check, which also covers chunked
 * bodies, answers 413 with an empty body.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final String body;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + (this.limit / 1024) + " KiB this service accepts.").toProblem());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
