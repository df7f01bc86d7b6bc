package se.creativenorrbotten.directory.common.limits;

import java.time.Duration;
import java.util.Base64;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import se.creativenorrbotten.directory.common.text.Digests;

/**
 * A limit on events per key (a client address, a user name, a partner key): a token bucket of {@code capacity}
 * events that may come at once, each earned back after {@code period / capacity} (refilled steadily). Optionally
 * the event that spends the last one blocks the key for {@code block}: the bucket is then overdrawn by as many
 * events as come back within the block, so the next one is allowed {@code block} later.
 * <p>
 * The buckets are in the {@link LimitStore}: shared by every instance on PostgreSQL. A bucket's key holds the
 * limit's name, capacity and period, so instances (or a partner key) with another limit never share a bucket
 * made for this one, and a digest of the caller's key ({@link #digest}).
 */
public final class KeyedLimit {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LimitStore store;
    /** The name, capacity and period: the start of every key of this limit. */
    private final String keyPrefix;
    private final int capacity;
    private final BucketConfiguration configuration;
    /** Events by which the bucket is overdrawn when an event spends its last one (0: no block). */
    private final long penalty;

    /** A limit without a block: a key out of events waits for the next one. */
    public KeyedLimit(LimitStore store, String name, int capacity, Duration period) {
        this(store, name, capacity, period, Duration.ZERO);
    }

    public KeyedLimit(LimitStore store, String name, int capacity, Duration period, Duration block) {
        if (capacity < 1 || period.isNegative() || period.isZero() || block.isNegative()) {
            throw new IllegalArgumentException("A limit needs a capacity of at least 1 and a positive period");
        }
        this.store = store;
        this.keyPrefix = prefix(name) + capacity + '/' + period.toMillis() + "ms ";
        this.capacity = capacity;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
        // Events earned back within the block, less the one the blocked key is then allowed.
        double earned = (double) capacity * block.toNanos() / period.toNanos();
        this.penalty = Math.max(0, (long) Math.ceil(earned - 1e-9) - 1);
    }

    /** The start of every key of the limit of this name, whatever its capacity (for {@link LimitStore#clear}). */
    public static String prefix(String name) {
        return name + ' ';
    }

    public int capacity() {
        return capacity;
    }

    /** The key's bucket, for callers that report what is left (rate-limit headers). */
    public Bucket bucket(String key) {
        return store.bucket(keyPrefix + digest(key), configuration);
    }

    /**
     * The key as the store keeps it: SHA-256, base64url. The keys are client addresses and user names as sent (personal
     * data, and any text: a NUL byte cannot be stored in PostgreSQL), so the store holds neither, in a fixed length.
     */
    static String digest(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(key));
    }

    /** Seconds (rounded up, at least 1) until the key may have one more event, or 0 when it may now. */
    public long waitSeconds(String key) {
        return seconds(bucket(key).estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /**
     * Counts one event for the key, unless the key has to wait (then nothing counts: a blocked key's block does not
     * grow while it keeps trying). Returns the seconds the key has to wait now: non-zero when this event spent the
     * last one, or when the key was waiting already.
     */
    public long record(String key) {
        Bucket bucket = bucket(key);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return seconds(probe.getNanosToWaitForRefill());
        }
        if (probe.getRemainingTokens() > 0) {
            return 0;
        }
        if (penalty > 0) {
            bucket.consumeIgnoringRateLimits(penalty);
        }
        return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Takes one event for the key if it may have one now, in one step with that check; false if it must wait. */
    public boolean tryTake(String key) {
        return bucket(key).tryConsume(1);
    }

    /** Gives back an event taken by {@link #tryTake} (never beyond the capacity). */
    public void refund(String key) {
        bucket(key).addTokens(1);
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
