package se.creativenorrbotten.directory.security;

import java.util.Locale;

/**
 * The rules for user names. They are case-insensitive: stored in lower case and matched after lower-casing
 * what a caller sends. ASCII letters and digits and {@code . _ @ -} (so an e-mail address works), starting
 * with a letter or digit; never a colon, which HTTP Basic could not carry, nor spaces.
 */
public final class Usernames {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;
    /** The whole rule, length included, so that a bad user name gets one error. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9._@-]{2,63}$";
    public static final String RULE = "must be 3 to 64 characters: letters a-z, digits and . _ @ -,"
            + " starting with a letter or digit (stored in lower case)";

    private Usernames() {
    }

    /** The user name as stored: lower case. */
    public static String normalize(String username) {
        return username == null ? null : username.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String normalized) {
        return normalized != null && normalized.matches(PATTERN);
    }
}
