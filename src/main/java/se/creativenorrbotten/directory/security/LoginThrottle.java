package se.creativenorrbotten.directory.security;

import java.util.function.LongSupplier;

import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.http.ClientAddress;
import se.creativenorrbotten.directory.common.limits.KeyedLimit;
import se.creativenorrbotten.directory.common.limits.LimitStore;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * Slows down password guessing without letting strangers lock an account's owner out. Failed logins count
 * three ways:
 * <ul>
 * <li>per user name and client: {@code max-failures} may come at once, each earned back over the window; the
 * failure that spends the last blocks that pair for the block time (someone guessing one account's password from
 * one place);</li>
 * <li>per client, for any user names: {@code client-max-failures} the same way, blocking the client (someone
 * trying many accounts from one place);</li>
 * <li>per user name, from all clients together: a budget of {@code user-max-failures} that refills over
 * {@code user-window}, without a block. Once it is spent, the user name takes one more attempt per
 * {@code user-window / user-max-failures} from clients that are not known for it (guessing from many
 * places), while a client from which the user name logged in successfully within
 * {@code known-client-ttl} ({@link KnownClients}) is held back only by its own two limits: strangers can
 * spend the budget, but not lock the owner out of the places it logs in from.</li>
 * </ul>
 * A refused attempt answers 429 with Retry-After, even with the right password, before any database read or
 * bcrypt work, and does not count. The failure that reaches a limit is answered 429 already. A successful
 * login forgets no failures: HTTP Basic logs in on every request, so an owner's activity would otherwise
 * reset an attacker's count. Clients are counted by {@link ClientAddress#network} (an IPv6 /64 is one
 * client). The three limits are {@link KeyedLimit}s in the {@link LimitStore}: on PostgreSQL every instance
 * counts the same failures. The known clients are remembered per instance, in memory (bounded).
 */
final class LoginThrottle {

    /** Longer keys are cut: no account has a user name this long, and the known clients must not keep huge strings. */
    private static final int MAX_KEY_LENGTH = 100;

    /** The limits' names in the {@link LimitStore}. */
    static final String PAIRS = "login-pair", CLIENTS = "login-client", USERS = "login-user";

    private final KeyedLimit pairs;
    private final KeyedLimit clients;
    private final KeyedLimit users;
    private final KnownClients known;

    LoginThrottle(DirectoryConfig.Login config, LimitStore store) {
        this(config, store, System::nanoTime);
    }

    /** {@code nanoTime}: the known clients' time (the limits take theirs from the store). */
    LoginThrottle(DirectoryConfig.Login config, LimitStore store, LongSupplier nanoTime) {
        this.pairs = new KeyedLimit(store, PAIRS, config.maxFailures(), config.window(), config.block());
        this.clients = new KeyedLimit(store, CLIENTS, config.clientMaxFailures(), config.window(), config.block());
        this.users = new KeyedLimit(store, USERS, config.userMaxFailures(), config.userWindow());
        this.known = new KnownClients(config.knownClientTtl(), nanoTime);
    }

    /**
     * Starts a login attempt, or refuses it (429) while its client or its pair is blocked, or its user name
     * holds strangers back. A client not known for the user name takes its failure from the user name's budget
     * now, before the password is checked, and gets it back if the login succeeds: of strangers' attempts at the
     * same moment, only as many as the budget holds get through to a password check.
     */
    Attempt begin(String username, String client) {
        Key key = new Key(username, client);
        return new Attempt(key, admit(key, true));
    }

    /** Refuses a login attempt (429) as {@link #begin} would, without taking anything from the budget. */
    void checkAllowed(String username, String client) {
        admit(new Key(username, client), false);
    }

    /** Counts a failed login; refuses it (429) if that blocked its pair or client, or spent its user name's budget. */
    void failed(Attempt attempt) {
        Key key = attempt.key;
        if (!attempt.fromBudget) {
            users.record(key.username);
        }
        long seconds = Math.max(pairs.record(key.pair()), clients.record(key.client));
        refuseIfBlocked(seconds > 0 ? seconds : userWait(key));
    }

    /** Remembers the client as known for the user name, and gives back what the attempt took from the budget. */
    void succeeded(Attempt attempt) {
        Key key = attempt.key;
        if (attempt.fromBudget) {
            users.refund(key.username);
        }
        known.remember(key.username, key.client);
    }

    /** {@link #failed(Attempt)} of an attempt checked with {@link #checkAllowed}. */
    void failed(String username, String client) {
        failed(new Attempt(new Key(username, client), false));
    }

    /** {@link #succeeded(Attempt)} of an attempt checked with {@link #checkAllowed}. */
    void succeeded(String username, String client) {
        succeeded(new Attempt(new Key(username, client), false));
    }

    /** Refuses (429) or admits the attempt; true if it took a failure from the user name's budget. */
    private boolean admit(Key key, boolean take) {
        refuseIfBlocked(Math.max(clients.waitSeconds(key.client), pairs.waitSeconds(key.pair())));
        if (known.isKnown(key.username, key.client)) {
            return false;
        }
        if (take ? !users.tryTake(key.username) : users.waitSeconds(key.username) > 0) {
            refuseIfBlocked(Math.max(1, users.waitSeconds(key.username)));
        }
        return take;
    }

    private long userWait(Key key) {
        long seconds = users.waitSeconds(key.username);
        return seconds > 0 && !known.isKnown(key.username, key.client) ? seconds : 0;
    }

    private static void refuseIfBlocked(long seconds) {
        if (seconds > 0) {
            throw ProblemException.tooManyRequests("Too many failed logins for this user name or from this address;"
                    + " try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".", seconds);
        }
    }

    /** A login attempt between {@link #begin} and its end; {@code fromBudget}: it took a failure from the budget. */
    record Attempt(Key key, boolean fromBudget) {
    }

    /** The user name and client as the limits count them. */
    record Key(String username, String client) {
        Key {
            username = cut(username == null ? "" : username);
            client = cut(ClientAddress.network(client));
        }

        String pair() {
            return client + ' ' + username;
        }

        private static String cut(String value) {
            return value.length() > MAX_KEY_LENGTH ? value.substring(0, MAX_KEY_LENGTH) : value;
        }
    }
}
