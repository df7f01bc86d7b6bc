package se.creativenorrbotten.directory.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A budget of failures per key that refills steadily (a leaky bucket, kept as one time per key): up to
 * {@code capacity} failures may come at once, after which the key takes one more every
 * {@code window / capacity}, and the whole budget is back {@code window} after the last failure. So over
 * any span of time t at most {@code capacity + capacity * t / window} failures are let through: a backoff,
 * not a block. Holding a key back is the caller's decision ({@link #waitSeconds}); {@link #record} always
 * counts. In memory, per instance; keys whose budget is full again are dropped, and beyond
 * {@link #MAX_KEYS} (keys can be made up) the keys with the fewest failures go first.
 */
final class FailureBudget {

    /** From this many keys on, keys with a full budget are dropped, at most once a second. */
    static final int SWEEP_AT = 10_000;
    /** The most keys kept; beyond it, the quarter with the fewest failures is dropped as well. */
    static final int MAX_KEYS = 50_000;
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final long intervalNanos;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    /** Per key, the time at which its budget is full again. */
    private final Map<String, Long> refilledAt = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    FailureBudget(int capacity, Duration window, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.intervalNanos = Math.max(1, window.toNanos() / capacity);
        this.windowNanos = intervalNanos * capacity;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong() - SWEEP_INTERVAL_NANOS);
    }

    /** Seconds (rounded up) until the key's budget allows one more failure, or 0 when it does now. */
    long waitSeconds(String key) {
        Long refilled = refilledAt.get(key);
        if (refilled == null) {
            return 0;
        }
        long wait = refilled - nanoTime.getAsLong() - (windowNanos - intervalNanos);
        return wait <= 0 ? 0 : (wait + 999_999_999L) / 1_000_000_000L;
    }

    /** Counts one failure for the key (never beyond an empty budget: an overdraft would not refill in time). */
    void record(String key) {
        long now = now();
        refilledAt.compute(key, (k, refilled) -> Math.min(from(refilled, now) + intervalNanos, now + windowNanos));
    }

    /**
     * Takes one failure from the key's budget ahead of an attempt, in one step with the check that the budget
     * allows one now ({@code waitSeconds == 0}): of attempts that check at the same moment, only as many as the
     * budget holds get through. False (nothing taken) when the key has to wait. {@link #refund} gives it back.
     */
    boolean tryTake(String key) {
        long now = now();
        boolean[] taken = {false};
        refilledAt.compute(key, (k, refilled) -> {
            long from = from(refilled, now);
            if (from - now > windowNanos - intervalNanos) {
                return refilled;
            }
            taken[0] = true;
            return from + intervalNanos;
        });
        return taken[0];
    }

    /** Gives back a failure taken by {@link #tryTake} for an attempt that did not fail. */
    void refund(String key) {
        long now = nanoTime.getAsLong();
        refilledAt.computeIfPresent(key, (k, refilled) -> {
            long back = refilled - intervalNanos;
            return back - now <= 0 ? null : back;
        });
    }

    /** The time, sweeping first when it is due. */
    private long now() {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        if (refilledAt.size() >= SWEEP_AT && now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        return now;
    }

    /** Where the next failure starts from: the time the budget is full again, or now if that has passed. */
    private static long from(Long refilled, long now) {
        return refilled == null || refilled - now < 0 ? now : refilled;
    }

    int size() {
        return refilledAt.size();
    }

    private void sweep(long now) {
        refilledAt.values().removeIf(refilled -> refilled - now <= 0);
        if (refilledAt.size() < MAX_KEYS) {
            return;
        }
        long[] used = refilledAt.values().stream().mapToLong(refilled -> refilled - now).sorted().toArray();
        if (used.length >= MAX_KEYS) {
            long threshold = used[used.length - MAX_KEYS * 3 / 4];
            refilledAt.values().removeIf(refilled -> refilled - now <= threshold);
        }
    }
}
