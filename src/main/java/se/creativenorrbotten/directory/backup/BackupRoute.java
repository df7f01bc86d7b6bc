package se.creativenorrbotten.directory.backup;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.common.http.CrossSiteWrites;
import se.creativenorrbotten.directory.common.logging.RequestIds;
import se.creativenorrbotten.directory.common.problem.Problem;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * {@code POST /q/backup} on the management interface (QUARKUS_MANAGEMENT_PORT, 9000; not on the API's port and not in
 * the contract): takes an online backup of the H2 database ({@link DatabaseBackups}) and answers 200 with a
 * {@link BackupReceipt}. Operators call it through {@code src/ops/backup.sh}.
 * <ul>
 * <li>Any other method (GET, HEAD, PUT, made-up ones): 405 {@code method-not-allowed} with {@code Allow: POST}. There
 * is nothing to read here: the backups are files in the backup folder.</li>
 * <li>A POST a browser sends from a web page (Fetch Metadata or {@code Origin} say so): 403
 * {@code cross-site-request}. The management interface has no credentials, so a page that can reach the port could
 * otherwise make visitors' browsers take backups.</li>
 * <li>PostgreSQL, or an H2 database in memory: 409 {@code conflict}, saying what to do instead; a backup already
 * running: 409 {@code conflict}; the file could not be written: 503 {@code unavailable} (the cause is logged).</li>
 * </ul>
 * A body sent with the POST is ignored. Every answer is JSON ({@code application/problem+json} for the errors).
 */
@ApplicationScoped
public class BackupRoute {

    private static final CrossSiteWrites BROWSER_PAGES = new CrossSiteWrites(List.of());

    private final DatabaseBackups backups;
    private final ObjectMapper json;
    private final String path;

    public BackupRoute(DatabaseBackups backups, ObjectMapper json,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String rootPath) {
        this.backups = backups;
        this.json = json;
        this.path = (rootPath.endsWith("/") ? rootPath : rootPath + "/") + "backup";
    }

    void install(@Observes ManagementInterface management) {
        // Not ordered: a second POST must reach the check that refuses it while the first one still runs.
        management.router().route(path).blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String method = request.method().name();
        if (!"POST".equals(method)) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            problem(context, new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "Only POST is allowed here: it takes"
                    + " a backup. The backups themselves are files in the service's backup folder (DIRECTORY_BACKUP_DIR)."));
            return;
        }
        if (BROWSER_PAGES.refuses(method, request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.ORIGIN),
                request.scheme() + "://" + request.host())) {
            problem(context, new ProblemException(ProblemType.CROSS_SITE_REQUEST, "A browser sent this POST from a web"
                    + " page; backups are taken by operators (src/ops/backup.sh, curl), not by pages."));
            return;
        }
        String reference = context.response().headers().get(RequestIds.HEADER);
        try {
            send(context, 200, "application/json", json.writeValueAsString(backups.take(reference)));
        } catch (ProblemException refused) {
            problem(context, refused);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backup receipt could not be written as JSON", e);
        }
    }

    private void problem(RoutingContext context, ProblemException problem) {
        Problem body = problem.toProblem();
        try {
            send(context, body.status(), ProblemMappers.PROBLEM_JSON, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }

    private static void send(RoutingContext context, int status, String type, String body) {
        // Cache-Control: no-store, nosniff and the request id come from the edge (HttpEdge.installManagement).
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }
}
