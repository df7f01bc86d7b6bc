package se.creativenorrbotten.directory.common.persistence;

/**
 * Group commit for a slow "make it durable" action (an fsync): {@link #await} returns once an action that
 * <em>started after</em> the call has completed, so whatever the caller wrote before calling is covered.
 * Callers that arrive while an action runs share the next one: with many writers, one fsync covers them
 * all instead of one fsync each. No thread of its own: the first waiter runs the action (leader), the
 * others wait for it.
 */
public final class GroupSync {

    /** The durable-making action, e.g. {@code CHECKPOINT SYNC}. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Action action;
    private final Object lock = new Object();
    /** Callers so far, numbered from 1 in the order they called. */
    private long requests;
    /** Every caller up to this number is covered by a completed action. */
    private long covered;
    private boolean running;
    private long actions;

    public GroupSync(Action action) {
        this.action = action;
    }

    /**
     * Returns once an action that started after this call has completed. Throws what this caller's own
     * action threw; a caller whose leader failed runs the action again itself.
     */
    public void await() throws Exception {
        long covers;
        synchronized (lock) {
            long mine = ++requests;
            while (covered < mine && running) {
                lock.wait();
            }
            if (covered >= mine) {
                return;
            }
            // The leader: every caller numbered up to now had finished its writes before it called.
            running = true;
            covers = requests;
        }
        boolean done = false;
        try {
            action.run();
            done = true;
        } finally {
            synchronized (lock) {
                running = false;
                if (done) {
                    covered = Math.max(covered, covers);
                    actions++;
                }
                lock.notifyAll();
            }
        }
    }

    /** How many actions have completed (for tests and logs). */
    public long actions() {
        synchronized (lock) {
            return actions;
        }
    }
}
