package se.creativenorrbotten.directory.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Lets at most {@code permits} searches run on the index at once (the number of processors by default); the others
 * wait their turn, first come first served.
 * <p>
 * A search is CPU work on memory: run sixteen at once on two cores and each takes eight times as long, the expensive
 * ones most of all, while sixteen sets of per-request arrays are alive when the collector runs and get promoted to
 * the old generation. In turn, a search waits only for the ones ahead of it, its own time is not stretched, and the
 * garbage in flight is that of a few searches. A search that cannot start within its wait is answered 503 rather
 * than left to pile up.
 */
final class SearchGate {

    private final Semaphore permits;
    private final Duration maxWait;

    SearchGate(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    <T> T run(Supplier<T> search) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemType.UNAVAILABLE, "Search is busy; try again in a few seconds.");
    }
}
