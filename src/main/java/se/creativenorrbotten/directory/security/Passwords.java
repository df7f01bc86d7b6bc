package se.creativenorrbotten.directory.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt for account passwords: hashing (modular crypt format, {@code $2a$10$...}), verification of any
 * stored bcrypt hash whatever its cost, and the rules a new password must meet.
 */
public final class Passwords {

    /** At least this many characters (Unicode code points). */
    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes of a password; longer ones would be silently cut. */
    public static final int MAX_UTF8_BYTES = 72;
    /**
     * bcrypt's cost (2^10 rounds, about 60 ms here): the Quarkus default, the same as the hashes stored
     * before. Raising it only affects new hashes; verification reads the cost from the stored hash.
     */
    static final int COST = 10;

    private static final Logger LOG = Logger.getLogger(Passwords.class);

    /** A hash of a random password with the same cost, so that an unknown user costs as much as a known one. */
    private static final String UNKNOWN_USER_HASH = hash(randomPassword());

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Whether the password matches the stored hash; a stored value that is no bcrypt hash matches nothing. */
    public static boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException unreadable) {
            LOG.errorf("A stored password hash is not a bcrypt hash (%s); the login is refused.",
                    unreadable.getClass().getSimpleName());
            return false;
        }
    }

    /** Does the work of one verification and fails, for a user name that has no account. */
    static void verifyAgainstNothing(String password) {
        matches(password, UNKNOWN_USER_HASH);
    }

    /** What is wrong with a new password, or null when it may be used. */
    public static String problem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "must be at most " + MAX_UTF8_BYTES + " bytes in UTF-8 (bcrypt ignores the rest):"
                    + " 72 ASCII characters, fewer with accented letters or emoji";
        }
        return null;
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
