package se.creativenorrbotten.directory.common.http;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a state-changing request may have come from a page on another site, which could send it with
 * the credentials a browser has cached for this service (HTTP Basic) without the user knowing.
 * <p>
 * Browsers say where a request comes from: {@code Sec-Fetch-Site} (Fetch Metadata) and, on writes,
 * {@code Origin}. {@code same-origin} and {@code none} (typed by the user, a bookmark) are fine;
 * {@code same-site} and {@code cross-site} only from an origin trusted for writes. A browser without Fetch
 * Metadata is judged by {@code Origin}: this service's own origin or a trusted one. A request with neither
 * header does not come from a browser page (curl, a server, a generated client) and is let through: it
 * carries only the credentials its sender chose to send.
 */
public final class CrossSiteWrites {

    /** Methods that change nothing; everything else (POST, PUT, PATCH, DELETE, made-up methods) is a write. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> trustedOrigins;

    /** @param trustedOrigins exact origins ({@code https://admin.example.se}) trusted for writes */
    public CrossSiteWrites(Iterable<String> trustedOrigins) {
        Set<String> origins = new HashSet<>();
        for (String origin : trustedOrigins) {
            String normalised = normalise(origin);
            if (!normalised.isEmpty()) {
                origins.add(normalised);
            }
        }
        this.trustedOrigins = Set.copyOf(origins);
    }

    public static boolean isWrite(String method) {
        return !SAFE_METHODS.contains(method);
    }

    /**
     * Whether to refuse the request.
     *
     * @param method the request method
     * @param secFetchSite the {@code Sec-Fetch-Site} header, or null
     * @param origin the {@code Origin} header, or null
     * @param ownOrigin this service's origin as the request addressed it ({@code http://host:port})
     */
    public boolean refuses(String method, String secFetchSite, String origin, String ownOrigin) {
        if (!isWrite(method)) {
            return false;
        }
        if (secFetchSite != null) {
            return switch (secFetchSite.strip().toLowerCase(Locale.ROOT)) {
                case "same-origin", "none" -> false;
                default -> !trusted(origin); // same-site, cross-site, and anything a browser may add later
            };
        }
        if (origin == null) {
            return false;
        }
        String from = normalise(origin);
        return (from.isEmpty() || !from.equals(normalise(ownOrigin))) && !trusted(origin);
    }

    /** Whether pages of this origin are trusted for writes (and so, by CORS, for everything under the API). */
    public boolean trusts(String origin) {
        return trusted(origin);
    }

    private boolean trusted(String origin) {
        return origin != null && trustedOrigins.contains(normalise(origin));
    }

    private static String normalise(String origin) {
        return PublicOrigins.normalise(origin);
    }
}
