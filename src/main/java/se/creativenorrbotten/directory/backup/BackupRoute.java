package se.creativenorrbotten.directory.backup;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.common.http.CrossSiteWrites;
import se.creativenorrbotten.directory.common.http.RouteAnswers;
import se.creativenorrbotten.directory.common.logging.RequestIds;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * {@code /q/backup} on the management interface (QUARKUS_MANAGEMENT_PORT, 9000; not on the API's port and not in the
 * contract): online backups of the H2 database ({@link DatabaseBackups}). Operators call it through
 * {@code src/ops/backup.sh}; every answer is JSON ({@code application/problem+json} for the errors).
 * <ul>
 * <li>{@code POST} starts a backup and waits for it: 200 with its {@link BackupStatus} ({@code done}: file, size, ...)
 * when it ends within {@link #waitFor} (half the management interface's idle timeout, at most 20 s: a silent
 * connection is closed after that timeout), else 202 with {@code running}, {@code Location} (this path) and
 * {@code Retry-After}: GET tells when it is done. {@code Prefer: respond-async} (RFC 7240) answers 202 at once,
 * {@code Prefer: wait=N} waits at most N seconds. A backup that fails: 503 {@code unavailable} (the cause is logged
 * under the request's id). The body of a POST is ignored.</li>
 * <li>{@code GET} (and {@code HEAD}): the latest backup this process started, {@code running}, {@code done} or
 * {@code failed}; 404 before the first one. Older backups are files in the backup folder.</li>
 * <li>Any other method: 405 {@code method-not-allowed} with {@code Allow: GET, HEAD, POST}.</li>
 * <li>A POST a browser sends from a web page (Fetch Metadata or {@code Origin} say so): 403
 * {@code cross-site-request}. The management interface has no credentials, so a page that can reach the port could
 * otherwise make visitors' browsers take backups.</li>
 * <li>PostgreSQL, or an H2 database in memory: 409 {@code conflict} to a POST (404 to a GET), saying what to do
 * instead; a POST while a backup runs: 409 {@code conflict}.</li>
 * </ul>
 */
@ApplicationScoped
public class BackupRoute {

    private static final CrossSiteWrites BROWSER_PAGES = new CrossSiteWrites(List.of());
    private static final String ALLOW = "GET, HEAD, POST";
    private static final Duration MOST_WAIT = Duration.ofSeconds(20);
    private static final String RETRY_AFTER = "5";

    private final DatabaseBackups backups;
    private final ObjectMapper json;
    private final String path;
    private final Duration waitFor;

    public BackupRoute(DatabaseBackups backups, ObjectMapper json,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String rootPath,
            @ConfigProperty(name = "quarkus.management.idle-timeout", defaultValue = "30M") Duration idleTimeout) {
        this.backups = backups;
        this.json = json;
        this.path = (rootPath.endsWith("/") ? rootPath : rootPath + "/") + "backup";
        this.waitFor = waitFor(idleTimeout);
    }

    /** How long a POST waits for its backup: half the idle timeout (0: none), at most 20 s. */
    static Duration waitFor(Duration idleTimeout) {
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            return MOST_WAIT;
        }
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(MOST_WAIT) < 0 ? half : MOST_WAIT;
    }

    void install(@Observes ManagementInterface management) {
        // Not ordered: a second POST must reach the check that refuses it while the first one still runs.
        management.router().route(path).blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String method = request.method().name();
        switch (method) {
            case "POST" -> post(context);
            case "GET", "HEAD" -> get(context);
            default -> {
                context.response().putHeader(HttpHeaders.ALLOW, ALLOW);
                problem(context, new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "Only GET, HEAD and POST are"
                        + " allowed here: POST takes a backup, GET shows the latest one. The backups themselves are files"
                        + " in the service's backup folder (DIRECTORY_BACKUP_DIR)."));
            }
        }
    }

    private void post(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (BROWSER_PAGES.refuses("POST", request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.ORIGIN),
                request.scheme() + "://" + request.host())) {
            problem(context, new ProblemException(ProblemType.CROSS_SITE_REQUEST, "A browser sent this POST from a web"
                    + " page; backups are taken by operators (src/ops/backup.sh, curl), not by pages."));
            return;
        }
        DatabaseBackups.BackupJob job;
        try {
            job = backups.start(context.response().headers().get(RequestIds.HEADER));
        } catch (ProblemException refused) {
            problem(context, refused);
            return;
        }
        Preference preference = Preference.of(request.getHeader("Prefer"), waitFor);
        if (preference.async()) {
            context.response().putHeader("Preference-Applied", "respond-async");
            accepted(context, job);
            return;
        }
        try {
            job.outcome().get(preference.waitAtMost().toMillis(), TimeUnit.MILLISECONDS);
            send(context, 200, "application/json", job.status());
        } catch (TimeoutException stillRunning) {
            accepted(context, job);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ProblemException problem) {
                problem(context, problem);
            } else {
                throw new IllegalStateException("the backup failed unexpectedly", failed.getCause());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            accepted(context, job);
        }
    }

    private void get(RoutingContext context) {
        var latest = backups.latest();
        if (latest.isEmpty()) {
            String why = backups.refusal().orElse("No backup has been taken since the service started: POST takes one."
                    + " Earlier backups are files in the service's backup folder (DIRECTORY_BACKUP_DIR).");
            problem(context, new ProblemException(ProblemType.NOT_FOUND, why));
            return;
        }
        send(context, 200, "application/json", latest.get().status());
    }

    /** 202: the backup runs on; GET on this path tells when it is done. */
    private void accepted(RoutingContext context, DatabaseBackups.BackupJob job) {
        context.response().putHeader(HttpHeaders.LOCATION, path).putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        send(context, 202, "application/json", job.status());
    }

    // Cache-Control: no-store, nosniff and the request id come from the edge (HttpEdge.installManagement).
    private void problem(RoutingContext context, ProblemException problem) {
        RouteAnswers.problem(context, json, problem);
    }

    private void send(RoutingContext context, int status, String type, Object body) {
        RouteAnswers.json(context, json, status, type, body);
    }

    /**
     * What the caller's {@code Prefer} header (RFC 7240) asks for: {@code respond-async} (answer 202 at once) and
     * {@code wait=N} (seconds; shortens the wait, never lengthens it). Anything else in it is ignored.
     */
    record Preference(boolean async, Duration waitAtMost) {

        static Preference of(String header, Duration most) {
            boolean async = false;
            Duration wait = most;
            if (header != null) {
                for (String item : header.split("[,;]")) {
                    String token = item.strip().toLowerCase(Locale.ROOT);
                    if (token.equals("respond-async")) {
                        async = true;
                    } else if (token.matches("wait\\s*=\\s*\"?\\d{1,9}\"?")) {
                        Duration asked = Duration.ofSeconds(Long.parseLong(token.replaceAll("\\D", "")));
                        wait = asked.compareTo(wait) < 0 ? asked : wait;
                    }
                }
            }
            return new Preference(async, wait);
        }
    }
}
