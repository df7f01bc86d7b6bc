package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.Simultaneously;
import se.creativenorrbotten.directory.common.limits.LimitStore;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * The three login limits at their defaults, on a clock the test moves and with as many client addresses as
 * it likes: per user name and client, per client, and the user name's budget across all clients, which
 * holds back only clients that are not known for the user name.
 */
class LoginThrottleTest {

    /** The defaults (DirectoryConfig.Login). */
    record Limits(int maxFailures, int clientMaxFailures, Duration window, Duration block, int userMaxFailures,
            Duration userWindow, Duration knownClientTtl, Duration cacheTtl) implements DirectoryConfig.Login {
        static final Limits DEFAULTS = new Limits(10, 20, Duration.ofMinutes(1), Duration.ofMinutes(1), 100,
                Duration.ofHours(1), Duration.ofDays(30), Duration.ofMinutes(5));
    }

    private static final String ADMIN = "admin";
    private static final String ADMIN_HOME = "192.0.2.10";

    private volatile long now = 1_000_000_000_000L;
    /** The limits' buckets in memory, on the test's clock. */
    private final LimitStore store = LimitStore.inMemory(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });
    private final LoginThrottle throttle = new LoginThrottle(Limits.DEFAULTS, store, () -> now);
    private int nextStranger;

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    /** A client address never used before in this test. */
    private String stranger() {
        int n = nextStranger++;
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** One wrong password as the login does it: refused before the check, or checked and counted. */
    private boolean guess(String username, String client) {
        try {
            throttle.checkAllowed(username, client);
        } catch (ProblemException refused) {
            return false;
        }
        try {
            throttle.failed(username, client);
        } catch (ProblemException blocked) {
            // Counted, and answered 429 instead of 401.
        }
        return true;
    }

    private static long refusedFor(Runnable attempt) {
        ProblemException refused = assertThrows(ProblemException.class, attempt::run);
        assertEquals(429, refused.type().status());
        return refused.retryAfterSeconds();
    }

    private void adminLogsInFromHome() {
        throttle.checkAllowed(ADMIN, ADMIN_HOME);
        throttle.succeeded(ADMIN, ADMIN_HOME);
    }

    @Test
    void tenWrongPasswordsAMinuteForAdminFromManyAddressesDoNotLockTheAdminOut() {
        adminLogsInFromHome();
        // The exploit as reported: ten wrong passwords a minute for admin, from any addresses, all day long.
        for (int minute = 0; minute < 24 * 60; minute++) {
            for (int i = 0; i < 10; i++) {
                guess(ADMIN, stranger());
                advance(Duration.ofSeconds(6));
            }
            assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME), "minute " + minute);
        }
        adminLogsInFromHome();
    }

    @Test
    void aFewWrongPasswordsFromSeveralAddressesLeaveEveryClientFree() {
        for (int i = 0; i < 12; i++) {
            String client = stranger();
            for (int j = 0; j < 3; j++) {
                assertDoesNotThrow(() -> throttle.failed(ADMIN, client));
            }
        }
        // 36 failures within a minute: under the user name's budget, so even a new address may log in.
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, "198.51.100.7"));
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME));
    }

    @Test
    void theTenthFailureOfAPairBlocksThatPairOnlyForTheBlockTime() {
        String attacker = stranger();
        for (int i = 1; i < 10; i++) {
            assertDoesNotThrow(() -> throttle.failed("alice", attacker));
        }
        assertEquals(60, refusedFor(() -> throttle.failed("alice", attacker)));
        assertEquals(60, refusedFor(() -> throttle.checkAllowed("alice", attacker)));
        // Not the user name from elsewhere, and not the client for another user name.
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", stranger()));
        assertDoesNotThrow(() -> throttle.checkAllowed("bob", attacker));

        advance(Duration.ofSeconds(59));
        assertEquals(1, refusedFor(() -> throttle.checkAllowed("alice", attacker)));
        advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", attacker));
    }

    @Test
    void aKnownClientKeepsItsOwnPairLimit() {
        adminLogsInFromHome();
        for (int i = 1; i < 10; i++) {
            assertDoesNotThrow(() -> throttle.failed(ADMIN, ADMIN_HOME));
        }
        assertEquals(60, refusedFor(() -> throttle.failed(ADMIN, ADMIN_HOME)));
        assertEquals(60, refusedFor(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME)));
    }

    @Test
    void aSuccessfulLoginForgetsNoFailures() {
        String client = stranger();
        for (int i = 1; i < 10; i++) {
            throttle.failed("alice", client);
        }
        throttle.succeeded("alice", client);
        // An owner's requests (HTTP Basic logs in on each) must not reset an attacker's count at the same address.
        refusedFor(() -> throttle.failed("alice", client));
    }

    @Test
    void aClientTryingManyUserNamesIsBlockedForAllOfThem() {
        adminLogsInFromHome();
        String sprayer = stranger();
        for (int i = 1; i < 20; i++) {
            int n = i;
            assertDoesNotThrow(() -> throttle.failed("user-" + n, sprayer));
        }
        assertEquals(60, refusedFor(() -> throttle.failed("user-20", sprayer)));
        refusedFor(() -> throttle.checkAllowed("someone-else", sprayer));
        refusedFor(() -> throttle.checkAllowed(ADMIN, sprayer));
        // Other clients carry on, the admin's home included.
        assertDoesNotThrow(() -> throttle.checkAllowed("user-1", stranger()));
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME));
        advance(Duration.ofMinutes(1));
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, sprayer));
    }

    @Test
    void aSpentUserBudgetHoldsBackUnknownClientsButNotKnownOnes() {
        adminLogsInFromHome();
        for (int i = 1; i < 100; i++) {
            String client = stranger();
            assertDoesNotThrow(() -> throttle.failed(ADMIN, client));
        }
        String hundredth = stranger();
        // The failure that spends the budget is answered 429; one failure refills every 36 s (1 h / 100).
        assertEquals(36, refusedFor(() -> throttle.failed(ADMIN, hundredth)));
        assertEquals(36, refusedFor(() -> throttle.checkAllowed(ADMIN, stranger())));
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME));
        // Other user names are not concerned.
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", stranger()));

        // A backoff, not a block: one more attempt from a stranger each 36 s.
        advance(Duration.ofSeconds(35));
        assertEquals(1, refusedFor(() -> throttle.checkAllowed(ADMIN, stranger())));
        advance(Duration.ofSeconds(1));
        assertTrue(guess(ADMIN, stranger()));
        assertEquals(36, refusedFor(() -> throttle.checkAllowed(ADMIN, stranger())));

        // The whole budget is back an hour after the last failure.
        advance(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            assertTrue(guess(ADMIN, stranger()), "guess " + i);
        }
        assertFalse(guess(ADMIN, stranger()));
    }

    @Test
    void distributedGuessingGetsAtMostTheUserBudgetPerDay() {
        // A botnet tries the admin once a second, each time from another address, for a day.
        int accepted = 0;
        for (int second = 0; second < 24 * 60 * 60; second++) {
            if (guess(ADMIN, stranger())) {
                accepted++;
            }
            advance(Duration.ofSeconds(1));
        }
        // 100 at once, then one per 36 s: 100 + 86,400 / 36 = 2,500.
        assertTrue(accepted <= 2_500 && accepted >= 2_490, "accepted " + accepted);
    }

    @Test
    void aClientIsKnownForItsUserNameOnlyAndForThirtyDays() {
        throttle.succeeded("alice", ADMIN_HOME);
        spendBudget(ADMIN);
        spendBudget("alice");
        // Known for alice, not for admin.
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", ADMIN_HOME));
        refusedFor(() -> throttle.checkAllowed(ADMIN, ADMIN_HOME));

        advance(Duration.ofDays(30).minusSeconds(1));
        spendBudget("alice");
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", ADMIN_HOME));
        advance(Duration.ofSeconds(1));
        spendBudget("alice");
        refusedFor(() -> throttle.checkAllowed("alice", ADMIN_HOME));
    }

    @Test
    void anIpv6Slash64IsOneClient() {
        for (int i = 1; i < 10; i++) {
            int n = i;
            assertDoesNotThrow(() -> throttle.failed("alice", "2001:db8:1:2::" + Integer.toHexString(n)));
        }
        refusedFor(() -> throttle.failed("alice", "2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        refusedFor(() -> throttle.checkAllowed("alice", "2001:db8:1:2::ffff"));
        assertDoesNotThrow(() -> throttle.checkAllowed("alice", "2001:db8:1:3::1"));
    }

    @Test
    void aKnownIpv6ClientMayChangeItsInterfaceIdentifier() {
        throttle.succeeded(ADMIN, "2001:db8:5:6::1");
        spendBudget(ADMIN);
        assertDoesNotThrow(() -> throttle.checkAllowed(ADMIN, "2001:db8:5:6:1234::9"));
        refusedFor(() -> throttle.checkAllowed(ADMIN, "2001:db8:5:7::1"));
    }

    @Test
    void strangersCheckingAtTheSameMomentGetOnlyWhatTheBudgetHolds() {
        throttle.succeeded(ADMIN, ADMIN_HOME);
        spendBudget(ADMIN);
        advance(Duration.ofSeconds(36));
        // One failure has refilled. Two strangers' logins start before either has failed (bcrypt takes a while):
        // only the first gets to a password check.
        LoginThrottle.Attempt first = throttle.begin(ADMIN, stranger());
        assertEquals(36, refusedFor(() -> throttle.begin(ADMIN, stranger())));
        refusedFor(() -> throttle.failed(first));
        // The admin's home is not held back, and takes nothing from the budget.
        throttle.succeeded(throttle.begin(ADMIN, ADMIN_HOME));
        assertEquals(36, refusedFor(() -> throttle.begin(ADMIN, stranger())));
    }

    @Test
    void manyThreadsAtOnceGetOneAttemptPerRefilledFailure() throws Exception {
        spendBudget(ADMIN);
        advance(Duration.ofSeconds(72));
        int threads = 16;
        String[] clients = new String[threads];
        for (int i = 0; i < threads; i++) {
            clients[i] = stranger();
        }
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (String client : clients) {
            attempts.add(() -> {
                try {
                    throttle.begin(ADMIN, client);
                    return true;
                } catch (ProblemException refused) {
                    return false;
                }
            });
        }
        assertEquals(2, Simultaneously.run(attempts).stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void aStrangersSuccessfulLoginGivesItsShareOfTheBudgetBack() {
        for (int i = 1; i < 100; i++) {
            assertTrue(guess(ADMIN, stranger()), "guess " + i);
        }
        // The owner, from a new place: the attempt takes the last failure, and its success gives it back.
        String newPlace = stranger();
        throttle.succeeded(throttle.begin(ADMIN, newPlace));
        assertTrue(guess(ADMIN, stranger()));
        assertFalse(guess(ADMIN, stranger()));
        // The new place is known now.
        assertDoesNotThrow(() -> throttle.begin(ADMIN, newPlace));
    }

    private void spendBudget(String username) {
        for (int i = 0; i < 100; i++) {
            guess(username, stranger());
        }
    }
}
