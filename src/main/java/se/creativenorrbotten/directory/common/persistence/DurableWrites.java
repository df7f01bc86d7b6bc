package se.creativenorrbotten.directory.common.persistence;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;

/**
 * A write is acknowledged (2xx) only once it is on the disk: a successful answer to any method but GET,
 * HEAD and OPTIONS waits for {@link DatabaseSync}. The service's transactions have committed by then
 * (resources hold none). Should the fsync fail, the caller gets a 500 instead, not a promise the disk did not
 * keep.
 */
public class DurableWrites {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final DatabaseSync sync;

    public DurableWrites(DatabaseSync sync) {
        this.sync = sync;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!sync.enabled() || SAFE.contains(request.getMethod())
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        try {
            sync.awaitDurable();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Response failed = new ProblemMappers().internal(e);
            response.getHeaders().clear();
            response.setStatus(failed.getStatus());
            response.setEntity(failed.getEntity(), new java.lang.annotation.Annotation[0], failed.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, failed.getMediaType());
        }
    }
}
