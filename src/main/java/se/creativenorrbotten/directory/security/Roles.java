package se.creativenorrbotten.directory.security;

/**
 * The roles an account can have. An admin may do everything, including accounts and the skill
 * taxonomy; a curator manages members only. Every admin also holds the curator role, so operations for
 * curators name {@link #CURATOR} alone.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CURATOR = "curator";

    /** Whether the caller may curate members. */
    public static boolean isCurator(io.quarkus.security.identity.SecurityIdentity caller) {
        return caller.hasRole(CURATOR);
    }

    private Roles() {
    }
}
