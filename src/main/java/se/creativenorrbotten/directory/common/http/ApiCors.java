package se.creativenorrbotten.directory.common.http;

import java.util.List;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * CORS for the API ({@code /api/**}) and the contract ({@code /q/openapi*}); {@code /embed/*} answers its own.
 * Quarkus's own CORS filter ({@code quarkus.http.cors}) stays off: it knows neither two lists of origins nor
 * origins that change at run time, and answers an unknown origin 403.
 * <ul>
 * <li>Public reads (GET and HEAD of the member listing, a member, suggest, changes, skills, municipalities and the
 * contract), sent without {@code Authorization}, are granted to {@link PublicOrigins} ({@code Access-Control-Allow-Origin}
 * the origin, or {@code *} when every origin is); they always carry {@code Vary: Origin}, with or without an
 * {@code Origin}, so a shared cache never hands one origin's answer to another.</li>
 * <li>The admin front-ends' origins ({@code DIRECTORY_CORS_ADMIN_ORIGINS}) are granted everything under the API,
 * writes and {@code Authorization} included; {@link CrossSiteWrites} refuses writes from every other site.</li>
 * <li>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here, 204, before
 * authentication and the cross-site and JSON checks, with the methods and headers the origin may use and
 * {@code Access-Control-Max-Age}. An origin that is not granted gets a 204 without any grant.</li>
 * <li>No response ever says {@code Access-Control-Allow-Credentials}: a browser never sends its cookies or cached
 * HTTP Basic credentials to this service from another site; admin front-ends send {@code Authorization}
 * themselves.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiCors {

    /** The response headers a page on another site may read. */
    static final String EXPOSED = "ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
    static final String PUBLIC_METHODS = "GET, HEAD";
    static final String PUBLIC_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since, X-Api-Key";
    static final String ADMIN_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ADMIN_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-Match, If-None-Match,"
            + " If-Modified-Since, X-Api-Key";
    /** Longer than any real origin (scheme, a 253-character host, a port): not compared, never granted. */
    static final int MAX_ORIGIN_LENGTH = 300;

    private static final String API = "/api/";
    private static final String MEMBERS = "/api/v1/members";
    private static final Set<String> PUBLIC_TREES = Set.of("/api/v1/skills", "/api/v1/municipalities");
    private static final String CONTRACT = "/q/openapi";

    private final PublicOrigins publicOrigins;
    private final CrossSiteWrites adminOrigins;
    private final String maxAge;

    @Inject
    public ApiCors(PublicOrigins publicOrigins, DirectoryConfig config) {
        this(publicOrigins, config.cors().adminOrigins().orElse(List.of()), config.cors().maxAge().toSeconds());
    }

    ApiCors(PublicOrigins publicOrigins, List<String> adminOrigins, long maxAgeSeconds) {
        this.publicOrigins = publicOrigins;
        this.adminOrigins = new CrossSiteWrites(adminOrigins);
        this.maxAge = Long.toString(Math.max(0, maxAgeSeconds));
    }

    void install(@Observes Router router) {
        // After HttpEdge's filter (headers, body limit, cross-site writes: a preflight is not a write) and its
        // chunked-body reader, before authentication and every resource.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (!covered(path)) {
            context.next();
            return;
        }
        String method = request.method().name();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if ("OPTIONS".equals(method) && requestedMethod != null) {
            preflight(context.response(), path, origin, requestedMethod.strip());
            return;
        }
        boolean credentials = request.headers().contains(HttpHeaders.AUTHORIZATION);
        boolean publicRead = ("GET".equals(method) || "HEAD".equals(method)) && isPublicRead(path);
        String granted = grant(origin, path, publicRead && !credentials);
        if (publicRead || granted != null) {
            context.addHeadersEndHandler(v -> {
                MultiMap headers = context.response().headers();
                addVary(headers, "Origin");
                if (granted != null) {
                    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, granted);
                    headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
                }
                headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
            });
        }
        context.next();
    }

    /**
     * The {@code Access-Control-Allow-Origin} value for a request from this origin, or null for none.
     *
     * @param publicRead whether the request is a public read (GET or HEAD of a public path, without credentials)
     */
    String grant(String origin, String path, boolean publicRead) {
        if (origin == null || origin.length() > MAX_ORIGIN_LENGTH) {
            return null;
        }
        String value = origin.strip();
        if (isAdmin(value) && covered(path)) {
            return value;
        }
        if (publicRead && publicOrigins.allows(value)) {
            return publicOrigins.any() ? "*" : value;
        }
        return null;
    }

    private void preflight(HttpServerResponse response, String path, String origin, String requestedMethod) {
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        boolean admin = origin != null && origin.length() <= MAX_ORIGIN_LENGTH && isAdmin(origin.strip());
        boolean read = "GET".equals(requestedMethod) || "HEAD".equals(requestedMethod);
        String granted = admin ? origin.strip() : read && isPublicRead(path) ? grant(origin, path, true) : null;
        if (granted != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, granted);
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, admin ? ADMIN_METHODS : PUBLIC_METHODS);
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, admin ? ADMIN_HEADERS : PUBLIC_HEADERS);
            headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        }
        response.setStatusCode(204).end();
    }

    private boolean isAdmin(String origin) {
        // The list CrossSiteWrites lets write: the same origins, the same comparison.
        return adminOrigins.trusts(origin);
    }

    /** The paths this class answers CORS for: the API and the contract. */
    static boolean covered(String path) {
        return path != null && (path.startsWith(API) || path.startsWith(CONTRACT));
    }

    /**
     * Whether GET and HEAD of this path are public reads: the member listing, one member (by id or slug), suggest
     * and changes; skills and municipalities, all of them; the contract in every format.
     */
    static boolean isPublicRead(String path) {
        if (path == null) {
            return false;
        }
        if (path.startsWith(CONTRACT)) {
            return true;
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals(MEMBERS)) {
            return true;
        }
        if (trimmed.startsWith(MEMBERS + "/")) {
            return trimmed.indexOf('/', MEMBERS.length() + 1) < 0; // one segment: an id, a slug, suggest, changes
        }
        for (String tree : PUBLIC_TREES) {
            if (trimmed.equals(tree) || trimmed.startsWith(tree + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Adds a token to the one {@code Vary} header unless it is there already (see {@link Vary}). */
    static void addVary(MultiMap headers, String token) {
        String merged = Vary.with(headers.getAll(HttpHeaders.VARY), token);
        if (merged != null) {
            headers.set(HttpHeaders.VARY, merged);
        }
    }
}
