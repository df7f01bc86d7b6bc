package se.creativenorrbotten.directory.common.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts events per key (a client address, a user name) in a sliding window: once {@code limit}
 * events fall within {@code window}, the key is blocked for {@code block}. Exact: each key keeps the
 * times of its last {@code limit} events. In memory, per instance; the number of keys is bounded by
 * dropping the ones whose events and block have all expired.
 */
public final class RateLimiter {

    /** From this many keys on, expired ones are dropped, at most once per {@link #SWEEP_INTERVAL_NANOS}. */
    private static final int SWEEP_AT = 10_000;
    /** Keys (user names) can be chosen by a caller: without a pause, every event would scan them all. */
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final int limit;
    private final long windowNanos;
    private final long blockNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastSweep;

    private static final class Key {
        final long[] times;
        int next;
        long blockedUntil = Long.MIN_VALUE;
        boolean blocked;

        Key(int limit) {
            times = new long[limit];
            Arrays.fill(times, Long.MIN_VALUE);
        }
    }

    public RateLimiter(int limit, Duration window, Duration block) {
        this(limit, window, block, System::nanoTime);
    }

    public RateLimiter(int limit, Duration window, Duration block, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.blockNanos = block.toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = new java.util.concurrent.atomic.AtomicLong(nanoTime.getAsLong() - SWEEP_INTERVAL_NANOS);
    }

    /** Seconds (rounded up) for which the key is still blocked, or 0 when it is not. */
    public long blockedSeconds(String key) {
        Key state = keys.get(key);
        if (state == null) {
            return 0;
        }
        synchronized (state) {
            return remainingSeconds(state, nanoTime.getAsLong());
        }
    }

    /**
     * Records one event for the key. Returns the seconds for which the key is now blocked: non-zero when
     * this event was the {@code limit}-th within the window, or when the key was blocked already (a blocked
     * key's events do not count, so the block does not grow while a client keeps trying).
     */
    public long record(String key) {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        if (keys.size() >= SWEEP_AT && now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        Key state = keys.computeIfAbsent(key, k -> new Key(limit));
        synchronized (state) {
            long remaining = remainingSeconds(state, now);
            if (remaining > 0) {
                return remaining;
            }
            state.times[state.next] = now;
            state.next = (state.next + 1) % limit;
            long oldest = state.times[state.next]; // the first of the last `limit` events, this one included
            if (oldest != Long.MIN_VALUE && now - oldest < windowNanos) {
                state.blocked = true;
                state.blockedUntil = now + blockNanos;
                Arrays.fill(state.times, Long.MIN_VALUE);
                return remainingSeconds(state, now);
            }
            return 0;
        }
    }

    /** Forgets a key's events, for example after a successful login. */
    public void forget(String key) {
        keys.remove(key);
    }

    /** Forgets every key. */
    public void clear() {
        keys.clear();
    }

    private static long remainingSeconds(Key state, long now) {
        if (!state.blocked || now - state.blockedUntil >= 0) {
            state.blocked = false;
            return 0;
        }
        return Math.max(1, (state.blockedUntil - now + 999_999_999L) / 1_000_000_000L);
    }

    private void sweep(long now) {
        keys.entrySet().removeIf(entry -> {
            Key state = entry.getValue();
            synchronized (state) {
                if (remainingSeconds(state, now) > 0) {
                    return false;
                }
                for (long time : state.times) {
                    if (time != Long.MIN_VALUE && now - time < windowNanos) {
                        return false;
                    }
                }
                return true;
            }
        });
    }
}
