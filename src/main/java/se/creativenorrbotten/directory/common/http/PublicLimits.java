package se.creativenorrbotten.directory.common.http;

import java.time.Duration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.limits.KeyedLimit;
import se.creativenorrbotten.directory.common.limits.LimitStore;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Fair limits on the API's public traffic (token buckets, {@link KeyedLimit}s in the {@link LimitStore}: counted
 * by every instance together on PostgreSQL, in memory on H2):
 * <ul>
 * <li>a request under {@code /api/} without {@code Authorization} and without a partner key counts against its
 * client's bucket: {@code DIRECTORY_PUBLIC_RATE_LIMIT} a minute, refilled steadily, all of it usable in one burst.
 * The client is {@link ClientAddress} (an IPv6 address as its /64): the socket's address, or the one a trusted
 * proxy forwarded (quarkus.http.proxy.*);</li>
 * <li>a request with {@code X-Api-Key} counts against that key's bucket, at the key's limit; a key that is unknown,
 * disabled or malformed is refused (401), and the refusal counts against the client's bucket, so guessing keys is
 * held to the public limit (keys are 256 random bits: guessing is hopeless anyway);</li>
 * <li>a request with {@code Authorization} (curators, admins) is not counted, but it is refused while its client's
 * bucket is empty; and when it turns out not to have been authenticated (wrong credentials; or credentials sent to
 * a public path, which never checks them), it is counted afterwards: made-up credentials do not escape the limit.
 * Wrong passwords are also held back by the login throttle.</li>
 * </ul>
 * Every counted answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the bucket is full again); a request over the limit is answered 429 with {@code Retry-After}
 * (seconds until the next token). Preflights are answered before this ({@link ApiCors}) and never counted.
 * <p>
 * A bucket is forgotten once it is full again (the store's rules bound memory and rows). On PostgreSQL a count is a
 * database round trip, so the handler then runs on a worker thread, not on the event loop.
 */
@ApplicationScoped
public class PublicLimits {

    /** The limits' name in the {@link LimitStore}. */
    static final String LIMIT = "requests";
    /** Longer or other than the keys this service hands out ({@code cnk_} and 43 base64url characters). */
    static final int MAX_KEY_LENGTH = 100;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int publicLimit;
    private final ObjectMapper json;
    private final Instance<ApiKeys> keys;
    private final LimitStore store;
    /** Per limit a minute: the public one and each partner key's (a key's bucket is made for its limit). */
    private final Map<Integer, KeyedLimit> limits = new ConcurrentHashMap<>();

    @Inject
    public PublicLimits(DirectoryConfig config, ObjectMapper json, Instance<ApiKeys> keys, LimitStore store) {
        this.publicLimit = config.publicReads().rateLimit();
        this.json = json;
        this.keys = keys;
        this.store = store;
    }

    void install(@Observes Router router) {
        // After ApiCors, which answers preflights (never counted) and adds its headers to every answer, 429s included.
        if (store.shared()) {
            router.route().order(Integer.MIN_VALUE + 3).blockingHandler(this::handle, false);
        } else {
            router.route().order(Integer.MIN_VALUE + 3).handler(this::handle);
        }
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!request.path().startsWith("/api/") || "OPTIONS".equals(request.method().name())) {
            context.next();
            return;
        }
        String client = "client " + ClientAddress.network(ClientAddress.of(request));
        if (request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            credentials(context, client);
            return;
        }
        String presented = request.getHeader(ApiKeys.HEADER);
        if (presented != null) {
            ApiKeys.Key key = wellFormed(presented) && keys.isResolvable() ? keys.get().find(presented) : null;
            if (key == null) {
                ConsumptionProbe probe = consume(client, publicLimit);
                if (!probe.isConsumed()) {
                    tooMany(context, publicLimit, probe);
                    return;
                }
                headers(context.response().headers(), publicLimit, probe);
                refuseKey(context);
                return;
            }
            count(context, "key " + key.id(), key.requestsPerMinute());
            return;
        }
        count(context, client, publicLimit);
    }

    private void count(RoutingContext context, String bucket, int limit) {
        ConsumptionProbe probe = consume(bucket, limit);
        if (!probe.isConsumed()) {
            tooMany(context, limit, probe);
            return;
        }
        headers(context.response().headers(), limit, probe);
        context.next();
    }

    /** A request with credentials: refused while the client is over its limit, counted if it was not authenticated. */
    private void credentials(RoutingContext context, String client) {
        EstimationProbe estimate = bucket(client, publicLimit).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            tooMany(context, publicLimit, estimate.getNanosToWaitForRefill());
            return;
        }
        context.addEndHandler(ended -> {
            if (authenticated(context)) {
                return;
            }
            if (store.shared()) {
                context.vertx().executeBlocking(() -> consume(client, publicLimit), false);
            } else {
                consume(client, publicLimit);
            }
        });
        context.next();
    }

    /** Whether the request's credentials were checked and accepted (not: sent, or merely not checked). */
    private static boolean authenticated(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    private ConsumptionProbe consume(String key, int perMinute) {
        return bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
    }

    private Bucket bucket(String key, int perMinute) {
        return limits.computeIfAbsent(perMinute, limit -> new KeyedLimit(store, LIMIT, limit, MINUTE)).bucket(key);
    }

    private static void headers(MultiMap headers, int limit, ConsumptionProbe probe) {
        headers.set("RateLimit-Limit", Integer.toString(limit));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        headers.set("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
    }

    private void tooMany(RoutingContext context, int limit, ConsumptionProbe probe) {
        tooMany(context, limit, probe.getNanosToWaitForRefill());
    }

    private void tooMany(RoutingContext context, int limit, long nanosToWait) {
        long wait = Math.max(1, seconds(nanosToWait));
        MultiMap headers = context.response().headers();
        headers.set("RateLimit-Limit", Integer.toString(limit));
        headers.set("RateLimit-Remaining", "0");
        headers.set("RateLimit-Reset", Long.toString(wait));
        send(context, ProblemException.tooManyRequests("More than " + limit + " requests a minute came from this client"
                + " (or with this key); wait " + wait + " seconds (Retry-After). Partners with more traffic can ask for a"
                + " partner key (X-Api-Key).", wait), wait);
    }

    private void refuseKey(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeys.HEADER + "\"");
        send(context, new ProblemException(ProblemType.UNAUTHORIZED, "The " + ApiKeys.HEADER + " header holds no"
                + " enabled partner key. Send the key as it was shown when it was created, or leave the header out"
                + " for the public limit."), 0);
    }

    private void send(RoutingContext context, ProblemException problem, long retryAfter) {
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        RouteAnswers.problem(context, json, problem);
    }

    /** Short, and only the characters of a key (base64url and '_'): nothing else is hashed or looked up. */
    static boolean wellFormed(String presented) {
        if (presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static long seconds(long nanos) {
        return (Math.max(0, nanos) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        store.clear(KeyedLimit.prefix(LIMIT));
    }
}
