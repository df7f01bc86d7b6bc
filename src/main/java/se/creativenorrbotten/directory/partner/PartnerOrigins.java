package se.creativenorrbotten.directory.partner;

/**
 * What a partner key's origin may be: {@code https://host[:port]}, or {@code http://localhost[:port]} for a partner's
 * development; lower case, no path, no trailing slash, no wildcard, no user info. A browser's {@code Origin} header
 * has exactly this form, so nothing else could ever match one.
 */
public final class PartnerOrigins {

    public static final int MAX_ORIGINS = 20;
    public static final int MAX_LENGTH = 200;
    /** A host name of DNS labels (or an IPv4 address), an optional port of up to five digits. */
    public static final String PATTERN = "^(https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
            + "|http://localhost)(:[0-9]{1,5})?$";
    public static final String RULE = "must be an origin such as https://www.example.se (https, lower case, an optional"
            + " port, no path), or http://localhost[:port]";

    private PartnerOrigins() {
    }
}
