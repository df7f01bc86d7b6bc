package se.creativenorrbotten.directory.common.logging;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * Every request has an id: the caller's {@value #HEADER} when it is a plain token (a load balancer's or a partner's,
 * so that their logs and ours meet), else a new one. The HTTP edge gives it to each request ({@link #begin}); it is
 * then in every log line written while the request is served (the log's MDC key {@value #MDC_KEY}: Quarkus keeps the
 * MDC with the request's Vert.x context, across its threads), in the answer's {@value #HEADER}, and it is the
 * reference a 500 problem quotes.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** What a caller's id may be: no spaces or control characters (nothing that could forge a log line), 64 at most. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** Starts serving a request with the id its caller {@code offered} (null: none): answers the id it gets. */
    public static String begin(String offered) {
        String id = offered != null && TOKEN.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** The id of the request being served, or null outside one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
