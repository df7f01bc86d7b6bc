package se.creativenorrbotten.directory.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a user name and password matched a stored bcrypt hash, so that HTTP
 * Basic (which sends the password with every request) costs one bcrypt verification per user and TTL
 * rather than one per request. Passwords are never kept: the key is the user name and an HMAC of the
 * password under a random key made for this process. An entry holds the hash it was verified against,
 * and counts only while that is still the stored hash, so a password reset ends it at once. In memory,
 * per instance; only successful verifications enter, and the entries are bounded.
 */
final class VerifiedPasswordCache {

    static final int MAX_ENTRIES = 10_000;
    private static final String HMAC = "HmacSHA256";

    private record Entry(String passwordHash, long expiresAt) {
    }

    private final SecretKeySpec key;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedPasswordCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    VerifiedPasswordCache(Duration ttl, LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether this password was verified against this stored hash less than the TTL ago. */
    boolean isVerified(String username, String password, String storedHash) {
        if (ttlNanos <= 0) {
            return false;
        }
        Entry entry = entries.get(key(username, password));
        return entry != null && entry.passwordHash().equals(storedHash) && nanoTime.getAsLong() - entry.expiresAt() < 0;
    }

    /** Records that the password matched the stored hash just now. */
    void verified(String username, String password, String storedHash) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> now - entry.expiresAt() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(username, password), new Entry(storedHash, now + ttlNanos));
    }

    int size() {
        return entries.size();
    }

    private String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return username + ':' + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
