package se.creativenorrbotten.directory.common.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * The headers every response carries, whatever answered it (a resource, an error handler, Swagger UI,
 * the contract, health):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser never reads a JSON or text answer as a script or page;</li>
 * <li>frame protection ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}): no other site can
 * show our pages (Swagger UI with a curator's credentials) in a frame, except what {@link #frameable} allows;</li>
 * <li>{@code Cache-Control: no-store} on every response except an anonymous GET or HEAD that succeeded: so
 * nothing answered to a curator's or admin's credentials (the full record, accounts, history, export), no
 * answer to a write and no error is kept by a browser or a shared cache. An anonymous request that succeeds
 * is a public operation (every other one answers 401 without credentials); its caching ({@code public, max-age},
 * ETag, 304) is {@link PublicCaching}'s;</li>
 * <li>the Swagger UI page itself ({@code /q/swagger-ui}, {@code /q/swagger-ui/}, {@code index.html}) is
 * revalidated ({@code no-cache}) instead of being kept for a day as {@code public, immutable}, so a new
 * version of the service shows its new UI at once; its versioned assets keep their long caching.</li>
 * </ul>
 */
public final class SecurityHeaders {

    static final String NOSNIFF = "nosniff";
    static final String FRAME_ANCESTORS_NONE = "frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/q/swagger-ui";
    private static final String EMBED_SEARCH = "/embed/search";

    private SecurityHeaders() {
    }

    /**
     * Sets the headers on a response about to be sent.
     *
     * @param credentials whether the request carried an {@code Authorization} header
     */
    public static void apply(MultiMap headers, String method, String path, boolean credentials, int status) {
        headers.set("X-Content-Type-Options", NOSNIFF);
        String policy = headers.get("Content-Security-Policy");
        // A frameable page states its own frame-ancestors; without them (an error answer) it is protected as any other.
        if (!frameable(path) || policy == null || !policy.contains("frame-ancestors")) {
            headers.set("X-Frame-Options", "DENY");
            if (policy == null || policy.isBlank()) {
                headers.set("Content-Security-Policy", FRAME_ANCESTORS_NONE);
            } else if (!policy.contains("frame-ancestors")) {
                headers.set("Content-Security-Policy", policy + "; " + FRAME_ANCESTORS_NONE);
            }
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (credentials || !read || status >= 400) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (swaggerUiPage(path)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            headers.remove(HttpHeaders.EXPIRES);
        }
    }

    /**
     * The one place that decides which pages other sites may show in a frame: only the embeddable member search
     * ({@code /embed/search}), whose own {@code frame-ancestors} name the origins granted the API.
     */
    static boolean frameable(String path) {
        return EMBED_SEARCH.equals(path);
    }

    static boolean swaggerUiPage(String path) {
        return path != null && (path.equals(SWAGGER_UI) || path.equals(SWAGGER_UI + "/")
                || path.equals(SWAGGER_UI + "/index.html"));
    }
}
