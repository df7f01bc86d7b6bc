package se.creativenorrbotten.directory.embed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.http.PublicOrigins;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * The embed kit for partner sites, outside the JSON API (not in the contract; the README documents it):
 * <ul>
 * <li>{@code /embed/member-search.js}: the {@code <cn-member-search>} element, an ES module that any origin may load
 * ({@code Access-Control-Allow-Origin: *}: a module script from another origin is fetched with CORS);</li>
 * <li>{@code /embed/search}: a whole page with the element for an {@code <iframe>}, framed only by the origins that
 * may read the API ({@link PublicOrigins#sources()}) and by this service's own pages;</li>
 * <li>{@code /embed/demo.html}: both ways, with code to copy; {@code /embed/embed.css}: the pages' few styles.</li>
 * </ul>
 * Every answer here sets its own caching and its own Content-Security-Policy; the edge
 * ({@code common/http/SecurityHeaders}) adds nosniff, and frame protection except where {@code frameable} allows.
 */
@Path("/embed")
@PermitAll
public class EmbedResource {

    static final String SCRIPT = "member-search.js";
    /** A strict policy for the pages: own scripts, styles and API only; no inline code, no plugins, no forms. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'";
    /** The files change only with a new version of the service: an hour, then revalidated by ETag. */
    static final String FILE_CACHING = "public, max-age=3600";
    /** The frame page's policy follows the partner keys, which change at run time: revalidated each time. */
    static final String PAGE_CACHING = "no-cache";

    private static final java.util.regex.Pattern ORIGIN_SOURCE = java.util.regex.Pattern.compile(
            "^(\\*|[a-z][a-z0-9+.-]*://(\\[[0-9a-f:.]+\\]|[a-z0-9.-]+)(:([0-9]{1,5}|\\*))?)$");

    private record Served(EmbedFile file, String type, String policy) {
    }

    private static final Map<String, Served> FILES = Map.of(
            SCRIPT, new Served(EmbedFile.load(SCRIPT), "text/javascript; charset=utf-8", null),
            "embed.css", new Served(EmbedFile.load("embed.css"), "text/css; charset=utf-8", null),
            // A top-level page: its empty icon (data:) keeps browsers from asking for a /favicon.ico the service lacks.
            "demo.html", new Served(EmbedFile.load("demo.html"), "text/html; charset=utf-8",
                    PAGE_POLICY.replace("img-src 'self'", "img-src 'self' data:") + "; frame-src 'self'"));

    private final PublicOrigins origins;

    public EmbedResource(PublicOrigins origins) {
        this.origins = origins;
    }

    @GET
    @Path("/{file: member-search\\.js|embed\\.css|demo\\.html}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String name, @Context Request request, @Context RoutingContext context) {
        anyOrigin(context);
        Served served = FILES.get(name);
        if (served == null) {
            throw ProblemException.notFound("No such file in the embed kit.");
        }
        EntityTag tag = new EntityTag(served.file().etag());
        Response.ResponseBuilder response = request.evaluatePreconditions(tag);
        if (response == null) {
            response = Response.ok(served.file().bytes(), served.type());
        }
        response.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, FILE_CACHING);
        if (served.policy() != null) {
            response.header("Content-Security-Policy", served.policy());
        }
        return response.build();
    }

    @GET
    @Path("/search")
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String lang, @QueryParam("municipality") List<String> municipality,
            @QueryParam("skill") List<String> skill, @QueryParam("type") List<String> type,
            @QueryParam("page-size") String pageSize, @QueryParam("profile-url") String profileUrl,
            @Context Request request, @Context RoutingContext context) {
        anyOrigin(context);
        EmbedPage page = EmbedPage.parse(lang, municipality, skill, type, pageSize, profileUrl);
        byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
        String policy = PAGE_POLICY + "; " + frameAncestors(origins.sources());
        EntityTag tag = new EntityTag(EmbedFile.tag((policy + "\n" + page.html()).getBytes(StandardCharsets.UTF_8)));
        Response.ResponseBuilder response = request.evaluatePreconditions(tag);
        if (response == null) {
            response = Response.ok(html, "text/html; charset=utf-8");
        }
        return response.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, PAGE_CACHING)
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .build();
    }

    /**
     * Every answer under {@code /embed/} (304 and errors included) may be read by any origin, without credentials:
     * set as the headers are written, so the value is this one whatever a CORS filter added for the API.
     */
    private static void anyOrigin(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            headers.set("Access-Control-Allow-Origin", "*");
            headers.remove("Access-Control-Allow-Credentials");
            headers.set("Cross-Origin-Resource-Policy", "cross-origin");
        });
    }

    /**
     * {@code frame-ancestors} for the frame page: this service itself (its demo page) and the origins granted the API
     * (exact origins, {@code scheme://host:*}, or {@code *}). A source that is not plainly an origin (white space, a
     * semicolon: something that would change the policy) is left out.
     */
    static String frameAncestors(List<String> sources) {
        StringBuilder directive = new StringBuilder("frame-ancestors 'self'");
        for (String source : sources) {
            if (ORIGIN_SOURCE.matcher(source).matches()) {
                directive.append(' ').append(source);
            }
        }
        return directive.toString();
    }
}
