package se.creativenorrbotten.directory.security;

import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.http.RateLimiter;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * Slows down password guessing: failed logins are counted per user name and per client address, each in
 * its own sliding window. Once either reaches its limit, that user name (from anywhere) or that client
 * (for any user name) is answered 429 with Retry-After for the block time, even with the right password;
 * other user names and other clients are not affected. The failure that reaches the limit is answered 429
 * already. A successful login forgets the user name's failures (its owner knows the password, and the
 * few failures of a legitimate user must not add up with an attacker's), never the client's: an attacker
 * with one account of their own must not be able to reset the counter of the address they guess from.
 */
final class LoginThrottle {

    /** Longer keys are cut: no account has a user name this long, and the limiter must not keep huge strings. */
    private static final int MAX_KEY_LENGTH = 100;

    private final RateLimiter usernames;
    private final RateLimiter clients;

    LoginThrottle(DirectoryConfig.Login config) {
        this(new RateLimiter(config.maxFailures(), config.window(), config.block()),
                new RateLimiter(config.clientMaxFailures(), config.window(), config.block()));
    }

    LoginThrottle(RateLimiter usernames, RateLimiter clients) {
        this.usernames = usernames;
        this.clients = clients;
    }

    /** Refuses a login attempt (429) while its user name or its client is blocked. */
    void checkAllowed(String username, String client) {
        refuseIfBlocked(Math.max(usernames.blockedSeconds(key(username)), clients.blockedSeconds(key(client))));
    }

    /** Counts a failed login; refuses it (429) if that blocked its user name or client. */
    void failed(String username, String client) {
        refuseIfBlocked(Math.max(usernames.record(key(username)), clients.record(key(client))));
    }

    void succeeded(String username) {
        usernames.forget(key(username));
    }

    private static void refuseIfBlocked(long seconds) {
        if (seconds > 0) {
            throw ProblemException.tooManyRequests("Too many failed logins for this user name or from this address;"
                    + " try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".", seconds);
        }
    }

    private static String key(String value) {
        return value.length() > MAX_KEY_LENGTH ? value.substring(0, MAX_KEY_LENGTH) : value;
    }
}
