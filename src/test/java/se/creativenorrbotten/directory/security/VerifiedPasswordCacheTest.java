package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The cache of verified passwords, on a clock the test moves. */
class VerifiedPasswordCacheTest {

    private static final String HASH = "$2a$10$e4ZrcpIN19NBWMuGsOWiJOGjnKmbOX9ofJtGz6Tsbs6mee6hats.C";
    private static final String NEW_HASH = "$2a$10$3sKbU.d5Pvw3/42vla2Hxehm7sy0I5eIg4zyHzls1S0CJDAwTrj/W";

    private long now = 42;
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(Duration.ofMinutes(5), () -> now);

    @Test
    void aVerifiedPasswordIsRememberedForTheTtl() {
        assertFalse(cache.isVerified("anna", "secret-password", HASH));
        cache.verified("anna", "secret-password", HASH);

        assertTrue(cache.isVerified("anna", "secret-password", HASH));
        now += Duration.ofMinutes(5).toNanos() - 1;
        assertTrue(cache.isVerified("anna", "secret-password", HASH));
        now += 1;
        assertFalse(cache.isVerified("anna", "secret-password", HASH));
    }

    @Test
    void anotherPasswordOrAnotherUserIsNotVerified() {
        cache.verified("anna", "secret-password", HASH);

        assertFalse(cache.isVerified("anna", "secret-passwore", HASH));
        assertFalse(cache.isVerified("anna", "", HASH));
        assertFalse(cache.isVerified("bo", "secret-password", HASH));
    }

    @Test
    void aNewStoredHashEndsTheEntry() {
        // A password reset changes the stored hash: what was verified against the old one no longer counts.
        cache.verified("anna", "old-password-1", HASH);

        assertFalse(cache.isVerified("anna", "old-password-1", NEW_HASH));
    }

    @Test
    void noPasswordIsKeptInTheClear() throws Exception {
        cache.verified("anna", "secret-password", HASH);
        java.lang.reflect.Field entries = VerifiedPasswordCache.class.getDeclaredField("entries");
        entries.setAccessible(true);

        assertFalse(entries.get(cache).toString().contains("secret-password"), entries.get(cache).toString());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        VerifiedPasswordCache off = new VerifiedPasswordCache(Duration.ZERO, () -> now);
        off.verified("anna", "secret-password", HASH);

        assertFalse(off.isVerified("anna", "secret-password", HASH));
        assertEquals(0, off.size());
    }

    @Test
    void theNumberOfEntriesIsBounded() {
        for (int i = 0; i < VerifiedPasswordCache.MAX_ENTRIES + 10; i++) {
            cache.verified("user" + i, "secret-password", HASH);
        }

        assertTrue(cache.size() <= VerifiedPasswordCache.MAX_ENTRIES, "size " + cache.size());
        assertTrue(cache.isVerified("user" + (VerifiedPasswordCache.MAX_ENTRIES + 9), "secret-password", HASH));
    }
}
