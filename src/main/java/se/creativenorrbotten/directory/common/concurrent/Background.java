package se.creativenorrbotten.directory.common.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The service's background threads (the index follower, import jobs, backups, partner-key refreshes, the limits'
 * sweep): one named daemon thread each, and a gentle stop at shutdown.
 */
public final class Background {

    private Background() {
    }

    /** An executor of one daemon thread of this name. */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    /** A scheduled executor of one daemon thread of this name. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }

    /**
     * Stops the executor without interrupting it: no new task starts, the running one may end within {@code wait}.
     * An interrupt during the embedded H2 database's file access would close the database (its FileChannel), and the
     * index's files likewise. Answers whether it ended in time; the caller decides what to do when it did not.
     */
    public static boolean stop(ExecutorService executor, Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
