package se.creativenorrbotten.directory.common.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * The origins (other sites) whose pages may read the public API with {@code fetch} and show the embeddable
 * search in a frame: the configured ones ({@code DIRECTORY_CORS_ORIGINS}: exact origins, {@code *} for any, or
 * {@code scheme://host:*} for any port of one host, as dev mode's {@code http://localhost:*}) and the ones the
 * partner keys list, which admins change at run time. The one source of truth for CORS read grants and for the
 * embed page's {@code frame-ancestors}; writes have their own, separate list ({@link CrossSiteWrites}).
 */
@ApplicationScoped
public class PublicOrigins {

    private static final String ANY_PORT = ":*";

    private final boolean any;
    private final Set<String> exact;
    /** {@code scheme://host} of the {@code scheme://host:*} entries. */
    private final Set<String> anyPort;
    private final List<String> configuredSources;
    private volatile Set<String> partners = Set.of();

    @Inject
    public PublicOrigins(DirectoryConfig config) {
        this(config.cors().origins().orElse(List.of()));
    }

    public PublicOrigins(Collection<String> configured) {
        boolean wildcard = false;
        Set<String> exactOrigins = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        List<String> sources = new ArrayList<>();
        for (String entry : configured) {
            String origin = normalise(entry);
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                wildcard = true;
            } else if (origin.endsWith(ANY_PORT)) {
                hosts.add(origin.substring(0, origin.length() - ANY_PORT.length()));
            } else {
                exactOrigins.add(origin);
            }
            sources.add(origin);
        }
        this.any = wildcard;
        this.exact = Set.copyOf(exactOrigins);
        this.anyPort = Set.copyOf(hosts);
        this.configuredSources = List.copyOf(sources);
    }

    /** Whether every origin is granted ({@code *}). */
    public boolean any() {
        return any;
    }

    /** Whether a page of this origin (the request's {@code Origin} header) may read the public API. */
    public boolean allows(String origin) {
        String from = normalise(origin);
        if (from.isEmpty() || from.equals("*")) {
            return false;
        }
        if (any || exact.contains(from) || partners.contains(from)) {
            return true;
        }
        int port = from.lastIndexOf(':');
        return port > from.indexOf("://") + 2 && isPort(from.substring(port + 1)) && anyPort.contains(from.substring(0, port));
    }

    /** Replaces the origins the partner keys grant (exact origins; the enabled keys' lists together). */
    public void replacePartnerOrigins(Collection<String> origins) {
        Set<String> normalised = new HashSet<>();
        for (String origin : origins) {
            String value = normalise(origin);
            if (!value.isEmpty() && !value.equals("*")) {
                normalised.add(value);
            }
        }
        partners = Set.copyOf(normalised);
    }

    /**
     * The granted origins as CSP source expressions ({@code frame-ancestors}): {@code *}, or the configured entries
     * and the partners' origins, sorted for a stable header. Empty when no origin is granted.
     */
    public List<String> sources() {
        if (any) {
            return List.of("*");
        }
        Set<String> all = new java.util.TreeSet<>(configuredSources);
        all.addAll(partners);
        return List.copyOf(all);
    }

    /**
     * An origin as compared here: trimmed, without a trailing slash, lower case (scheme and host compare
     * case-insensitively); empty for a missing origin and for {@code null}, the opaque origin of sandboxed frames and
     * local files, which is never granted anything.
     */
    public static String normalise(String origin) {
        if (origin == null) {
            return "";
        }
        String stripped = origin.strip();
        if (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return "null".equals(stripped) ? "" : stripped.toLowerCase(Locale.ROOT);
    }

    private static boolean isPort(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
