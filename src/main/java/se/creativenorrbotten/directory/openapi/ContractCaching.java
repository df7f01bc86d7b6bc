package se.creativenorrbotten.directory.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.http.IfNoneMatch;
import se.creativenorrbotten.directory.common.http.PublicCaching;
import se.creativenorrbotten.directory.common.http.Vary;

/**
 * HTTP caching of the live contract ({@code /q/openapi}, {@code .json}, {@code .yaml}, {@code .yml}), which Quarkus
 * serves outside the REST layer and so outside {@link PublicCaching}: a public read gets the same
 * {@code Cache-Control: public, max-age} and an {@code ETag}, and {@code If-None-Match} a 304. The contract is fixed
 * for the life of the process, so its tag is computed once: weak, from both of its forms (JSON and YAML are one
 * document; which one a caller gets depends on the path, {@code format} and {@code Accept}, hence
 * {@code Vary: Accept}). Requests with credentials are left alone ({@code no-store} as everywhere).
 */
@ApplicationScoped
public class ContractCaching {

    private static final Logger LOG = Logger.getLogger(ContractCaching.class);
    private static final String PATH = "/q/openapi";
    /** Quarkus's name of the one contract this service has. */
    private static final String DOCUMENT = "<default>";

    private final String cacheControl;
    private volatile String tag;

    public ContractCaching(DirectoryConfig config) {
        this.cacheControl = PublicCaching.cacheControl(config.publicReads().maxAge().toSeconds());
    }

    void install(@Observes Router router) {
        // After the edge, CORS and the public limits (HttpEdge, ApiCors, PublicLimits), before Quarkus's handler.
        router.route().order(Integer.MIN_VALUE + 4).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        boolean contract = path != null && (path.equals(PATH) || path.startsWith(PATH + "."));
        boolean publicRead = (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        String current = contract && publicRead ? tag() : null;
        if (current == null) {
            context.next();
            return;
        }
        var headers = context.response().headers();
        headers.set(HttpHeaders.ETAG, current).set(HttpHeaders.CACHE_CONTROL, cacheControl);
        String vary = Vary.with(headers.getAll(HttpHeaders.VARY), "Accept");
        if (vary != null) {
            headers.set(HttpHeaders.VARY, vary);
        }
        if (IfNoneMatch.matches(request.headers().getAll(PublicCaching.IF_NONE_MATCH), current)) {
            context.response().setStatusCode(304).end();
        } else {
            context.next();
        }
    }

    /** The contract's tag, or null when Quarkus cannot give the document (the contract is then served untagged). */
    private String tag() {
        String known = tag;
        if (known == null) {
            try (InstanceHandle<OpenApiDocumentService> documents = Arc.container().instance(OpenApiDocumentService.class)) {
                if (!documents.isAvailable()) {
                    return null;
                }
                ByteArrayOutputStream both = new ByteArrayOutputStream();
                both.write(documents.get().getDocument(DOCUMENT, Format.JSON));
                both.write(documents.get().getDocument(DOCUMENT, Format.YAML));
                known = "W/\"o-" + PublicCaching.hash(both.toByteArray()) + "\"";
                tag = known;
            } catch (IOException | RuntimeException e) {
                LOG.debug("The contract could not be read for its ETag; it is served untagged", e);
                return null;
            }
        }
        return known;
    }
}
