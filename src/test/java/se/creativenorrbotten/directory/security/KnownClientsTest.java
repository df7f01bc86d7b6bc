package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Clients known per user name: expiry and bounds, on a clock the test moves. */
class KnownClientsTest {

    private long now = 1_000_000_000_000L;
    private final KnownClients known = new KnownClients(Duration.ofDays(30), () -> now);

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    @Test
    void aClientIsKnownForTheTtlAfterItsLastLogin() {
        known.remember("alice", "a");
        advance(Duration.ofDays(20));
        known.remember("alice", "a");
        advance(Duration.ofDays(29));
        assertTrue(known.isKnown("alice", "a"));
        assertFalse(known.isKnown("bob", "a"));
        assertFalse(known.isKnown("alice", "b"));
        advance(Duration.ofDays(1));
        assertFalse(known.isKnown("alice", "a"));
    }

    @Test
    void aUserNameKeepsItsMostRecentClients() {
        for (int i = 0; i < KnownClients.PER_USER + 10; i++) {
            known.remember("alice", "c" + i);
            advance(Duration.ofMinutes(2));
        }
        assertEquals(KnownClients.PER_USER, known.clients("alice"));
        assertFalse(known.isKnown("alice", "c0"));
        assertTrue(known.isKnown("alice", "c" + (KnownClients.PER_USER + 9)));
    }

    @Test
    void theLeastRecentUserNamesGoBeyondTheBound() {
        known.remember("admin", "home");
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < KnownClients.MAX_USERS + 5; i++) {
            known.remember("user-" + i, "c");
            if (i == 100) {
                advance(Duration.ofMinutes(1));
                known.remember("admin", "home");
            }
        }
        assertEquals(KnownClients.MAX_USERS, known.users());
        assertTrue(known.isKnown("admin", "home"));
        // The six that made room are among the least recent (user-0 to user-100), none of the later ones.
        int early = 0;
        for (int i = 0; i <= 100; i++) {
            early += known.isKnown("user-" + i, "c") ? 1 : 0;
        }
        assertEquals(101 - 6, early);
        for (int i = 101; i < KnownClients.MAX_USERS + 5; i++) {
            assertTrue(known.isKnown("user-" + i, "c"), "user-" + i);
        }
    }

    @Test
    void aZeroTtlKnowsNoClient() {
        KnownClients none = new KnownClients(Duration.ZERO, () -> now);
        none.remember("alice", "a");
        assertFalse(none.isKnown("alice", "a"));
    }
}
