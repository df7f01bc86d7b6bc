package se.creativenorrbotten.directory.common.http;

import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.logging.RequestIds;
import se.creativenorrbotten.directory.common.persistence.DatabaseUnavailable;
import se.creativenorrbotten.directory.common.problem.Problem;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * The HTTP edge: what every request meets before any resource, and what shapes the answers that no
 * resource gives. In this order:
 * <ol>
 * <li>the request's id ({@link RequestIds}) in its log lines and its answer, and {@link SecurityHeaders} on every
 * response, errors included;</li>
 * <li>a declared body over {@code directory.http.max-body-size} (a {@link LargeBodyRoute}'s: its own limit): 413
 * before any of it is read;</li>
 * <li>a write a browser sends from another site ({@link CrossSiteWrites}): 403 {@code cross-site-request};</li>
 * <li>a write with a body that is not JSON ({@code application/json} or {@code application/*+json}): 415,
 * whatever the path (a body without a Content-Type included: a browser can send one from any page);</li>
 * <li>a request whose framing is ambiguous (more than one Host or Content-Type, a Transfer-Encoding other than
 * chunked): 400; a body
 * with a Content-Encoding (the service reads none): 415;</li>
 * <li>a body is read here, on the event loop, up to the limit, before any resource runs: a chunked one (no
 * Content-Length) is refused with a problem when oversized (413) rather than by the server's empty answer, and a
 * client that dribbles its body, or stops half-way, holds a connection until the idle timeout, never a worker thread
 * (a resource reads its body blocking: 200 such clients took every worker). A body that cannot be read (a malformed
 * chunk, a connection closed half-way) is the client's mistake: 400 if anyone is left to read it, logged at DEBUG;</li>
 * <li>a {@link LargeBodyRoute} (a file upload) is spared the JSON rule and the reading of its body: it checks
 * its own media types and counts its body as it streams it. {@code quarkus.http.limits.max-body-size} must be at
 * least the largest route's limit;</li>
 * <li>a failure the router reports with a bare status (a bad escape in the path, an oversized chunked body):
 * problem+json with the status's problem type, nothing logged above DEBUG: those are the client's mistakes;</li>
 * <li>a route that fails because the database is out of reach (the rate limits' shared buckets on PostgreSQL):
 * 503 problem+json with Retry-After ({@link DatabaseUnavailable}), as the resources answer it.</li>
 * </ol>
 * The server itself refuses cleartext HTTP/2 (h2c upgrade and prior knowledge), which the service does not
 * use. Health and metrics live on the management interface ({@code quarkus.management.*}), which gets the
 * same headers.
 */
@ApplicationScoped
public class HttpEdge implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** Set on a request while the edge reads its body: a failure then is the client's (see {@link #failure}). */
    private static final String READING_BODY = HttpEdge.class.getName() + ".readingBody";

    private final long limit;
    private final ObjectMapper json;
    private final CrossSiteWrites crossSite;
    private final BodyHandler bodies;

    private final List<LargeBodyRoute> largeBodies;

    public HttpEdge(ObjectMapper json, DirectoryConfig config, jakarta.enterprise.inject.Instance<LargeBodyRoute> largeBodies) {
        this.limit = config.http().maxBodySize().asLongValue();
        this.largeBodies = largeBodies.stream().toList();
        this.json = json;
        this.crossSite = new CrossSiteWrites(config.cors().adminOrigins().orElse(List.of()));
        this.bodies = BodyHandler.create(false).setBodyLimit(this.limit).setMergeFormAttributes(false);
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::filter);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::readBody);
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            context.remove(READING_BODY);
            context.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        // A path that cannot be decoded (a bad %-escape) fails while the router matches routes, before any route
        // runs; the router then asks its error handler for the status.
        router.errorHandler(400, context -> answer(context, 400));
        router.errorHandler(413, context -> answer(context, 413));
    }

    void installManagement(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(context -> {
            identify(context);
            secure(context);
            context.next();
        });
        management.router().route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void filter(RoutingContext context) {
        identify(context);
        secure(context);
        HttpServerRequest request = context.request();
        String method = request.method().name();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        LargeBodyRoute large = largeBody(request);
        String framing = ambiguousFraming(request);
        if (framing != null) {
            send(context, ProblemType.MALFORMED_REQUEST, framing);
            return;
        }
        if (declared != null && length(declared) > (large == null ? limit : large.maxBodySize())) {
            send(context, ProblemType.PAYLOAD_TOO_LARGE, large == null ? tooLarge() : "The request body is larger than the "
                    + (large.maxBodySize() / (1024 * 1024)) + " MiB this route accepts.");
            return;
        }
        if (large != null) {
            context.put(LargeBodyRoute.class.getName(), large);
        }
        if (!CrossSiteWrites.isWrite(method)) {
            // A read (most traffic: public GETs and searches) is neither judged for its site nor for its body.
            context.next();
            return;
        }
        if (crossSite.refuses(method, request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.ORIGIN),
                request.scheme() + "://" + request.host())) {
            send(context, ProblemType.CROSS_SITE_REQUEST, "A browser sent this " + method + " from a page on another site ("
                    + originOf(request) + "), which is not trusted for writes.");
            return;
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (hasBody(request) && encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            send(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body has a Content-Encoding (such as gzip), which"
                    + " this service does not read: send the body uncompressed, without Content-Encoding.");
            return;
        }
        if (large == null && hasBody(request) && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            send(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body must be JSON: send it with Content-Type"
                    + " application/json (application/merge-patch+json for PATCH).");
            return;
        }
        context.next();
    }

    private static void identify(RoutingContext context) {
        context.response().putHeader(RequestIds.HEADER, RequestIds.begin(context.request().getHeader(RequestIds.HEADER)));
    }

    private void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (hasBody(request) && CrossSiteWrites.isWrite(request.method().name())
                && context.get(LargeBodyRoute.class.getName()) == null) {
            context.put(READING_BODY, Boolean.TRUE);
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    /**
     * What makes the request's framing ambiguous, or null: more than one Host (RFC 9112 asks for 400) or
     * Content-Type (the body would be read as the first, where a proxy may judge it by the last), a
     * Transfer-Encoding other than chunked alone (its length cannot be known, or it is coded in a way nothing here
     * decodes), which a proxy in front could read otherwise than this server.
     */
    private static String ambiguousFraming(HttpServerRequest request) {
        if (request.headers().getAll(HttpHeaders.HOST).size() > 1) {
            return "The request has more than one Host header.";
        }
        if (request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() > 1) {
            return "The request has more than one Content-Type header.";
        }
        List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!codings.isEmpty() && (codings.size() > 1 || !codings.get(0).strip().equalsIgnoreCase("chunked"))) {
            return "The request's Transfer-Encoding is not supported: send the body with Content-Length, or with"
                    + " Transfer-Encoding: chunked alone.";
        }
        return null;
    }

    /**
     * A failure with a 4xx status is the client's mistake (a bad path escape, no Host header, an oversized chunked
     * body): a problem, logged at DEBUG only. The database out of reach or busy: 503. Anything else goes on to Quarkus's
     * handler, which logs it.
     */
    private void failure(RoutingContext context) {
        ProblemException unavailable = context.response().ended() ? null : DatabaseUnavailable.answer(context.failure());
        if (unavailable != null) {
            RouteAnswers.problem(context, json, unavailable);
            return;
        }
        int status = context.statusCode();
        if ((status < 400 || status >= 500) && context.get(READING_BODY) != null) {
            unreadableBody(context);
            return;
        }
        if (status < 400 || status >= 500 || context.response().ended()) {
            context.next();
            return;
        }
        answer(context, status);
    }

    /**
     * The body could not be read: a malformed chunk, or the client closed the connection (or idled) half-way. The
     * server closes the connection after such a failure, which it reports as one more failure: nothing left to say.
     */
    private void unreadableBody(RoutingContext context) {
        LOG.debugf(context.failure(), "the body of %s %s could not be read", context.request().method(), context.request().path());
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        send(context, ProblemType.MALFORMED_REQUEST, "The request body could not be read: its chunked framing is malformed,"
                + " or it ended before its declared length.", 400);
    }

    private void answer(RoutingContext context, int status) {
        if (context.response().ended()) {
            return;
        }
        LOG.debugf(context.failure(), "%s answered %d by the HTTP layer", context.request().method(), status);
        ProblemType type = status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> "The request could not be read: its path or headers are malformed (such as a bad %-escape).";
            case 413 -> tooLarge();
            case 417 -> "The request's Expect header asks for something other than 100-continue, which this service does not do.";
            default -> context.response().getStatusMessage() + ".";
        };
        send(context, type, detail, status);
    }

    private void send(RoutingContext context, ProblemType type, String detail) {
        send(context, type, detail, type.status());
    }

    /** Answers with a problem and closes the connection: the rest of the request (its body) is not read. */
    private void send(RoutingContext context, ProblemType type, String detail, int status) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        secure(context);
        response.putHeader(HttpHeaders.CONNECTION, "close");
        // The problem's status is the answer's, also for a status without a problem type of its own (417).
        Problem problem = new ProblemException(type, detail).toProblem();
        RouteAnswers.json(context, json, status, ProblemMappers.PROBLEM_JSON,
                new Problem(problem.type(), problem.title(), status, problem.detail(), problem.errors()));
    }

    /**
     * Sets {@link SecurityHeaders} on the response when its headers are about to be written. Idempotent; called
     * again after a reroute (Swagger UI's index page), which drops the handlers added before.
     */
    private static void secure(RoutingContext context) {
        HttpServerRequest request = context.request();
        String method = request.method().name();
        String path = request.path();
        boolean credentials = request.headers().contains(HttpHeaders.AUTHORIZATION);
        context.addHeadersEndHandler(v -> SecurityHeaders.apply(context.response().headers(), method, path, credentials,
                context.response().getStatusCode()));
    }

    private LargeBodyRoute largeBody(HttpServerRequest request) {
        for (LargeBodyRoute route : largeBodies) {
            if (route.matches(request.method().name(), request.path())) {
                return route;
            }
        }
        return null;
    }

    private String tooLarge() {
        return "The request body is larger than the " + (limit / 1024) + " KiB this service accepts.";
    }

    private static long length(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return declared != null ? length(declared) != 0 : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** application/json or a JSON-based type such as application/merge-patch+json, with any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String originOf(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String from = origin == null ? "Sec-Fetch-Site: " + request.getHeader("Sec-Fetch-Site") : origin;
        return from.length() > 100 ? from.substring(0, 100) + "…" : from;
    }
}
