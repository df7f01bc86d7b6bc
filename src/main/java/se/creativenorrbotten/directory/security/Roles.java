package se.creativenorrbotten.directory.security;

/** The roles an account can have. More (such as a curator limited to members) come with the curation workflow. */
public final class Roles {

    public static final String ADMIN = "admin";

    private Roles() {
    }
}
