package se.creativenorrbotten.directory.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Whether a failure is the database unavailable for a moment rather than a defect, anywhere in the cause chain
 * (Hibernate, Narayana and Bucket4j wrap the driver's exceptions). Such a request is answered 503 with
 * {@code Retry-After}, not 500: the caller can retry. Two kinds:
 * <ul>
 * <li><b>out of reach</b> (stopped, restarting, the network to it down): a connection that could not be opened or was
 * cut (SQLState class 08), the server shutting down or starting up (57P01, 57P02, 57P03), the driver's connection
 * exceptions. Readiness ({@code /q/health/ready}) says the same to the load balancer.</li>
 * <li><b>busy</b>: the write waited too long for a row another transaction holds (H2's lock timeout, HYT00; PostgreSQL's
 * lock_not_available, 55P03), or lost a deadlock or a serialization check (40001, 40P01): a bulk import holding the
 * slugs of a name for its chunk, say. Retried a second later it goes through.</li>
 * </ul>
 */
public final class DatabaseUnavailable {

    /** Seconds a caller is asked to wait when the database is out of reach: about what a restart or fail-over takes. */
    public static final long RETRY_AFTER_SECONDS = 5;

    /** Seconds a caller is asked to wait when the database was busy: about what a chunk of an import holds its rows. */
    public static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    private static final Set<String> BUSY_STATES = Set.of("HYT00", "55P03", "40001", "40P01");

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or one of its causes, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        return connectionFailure(failure) != null;
    }

    /** Whether the failure, or one of its causes, says the database was busy: a lock waited for too long, a deadlock. */
    public static boolean isBusy(Throwable failure) {
        return find(failure, DatabaseUnavailable::busy) != null;
    }

    /** The SQL exception in the chain that says the database is out of reach, or null. */
    public static SQLException connectionFailure(Throwable failure) {
        return find(failure, sql -> sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException || unreachable(sql.getSQLState()));
    }

    /**
     * The causes and also the suppressed exceptions: Narayana reports a commit the database cut off as a
     * {@code RollbackException} whose driver exception is the cause of a suppressed {@code XAException}, outside the
     * cause chain. Depth first, the cause before the suppressed ones; bounded, since a chain may loop.
     */
    private static SQLException find(Throwable failure, Predicate<SQLException> test) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.push(failure);
        }
        while (!pending.isEmpty() && seen.size() < 64) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && test.test(sql)) {
                return sql;
            }
            Throwable[] suppressed = next.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                pending.push(suppressed[i]);
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
        }
        return null;
    }

    /** A lock waited for too long, a deadlock, a serialization failure; a driver may give no state at all. */
    private static boolean busy(SQLException sql) {
        return sql.getSQLState() != null && BUSY_STATES.contains(sql.getSQLState());
    }

    static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /** One line for the log: the state and the driver's message (for operators, never for the caller). */
    private static String describe(SQLException sql) {
        return "SQLState " + sql.getSQLState() + ": " + sql.getMessage();
    }

    /** The answer to a database out of reach: 503 {@code unavailable} with {@code Retry-After}. */
    public static ProblemException problem() {
        return ProblemException.unavailable("The database is not reachable at the moment; try again in "
                + RETRY_AFTER_SECONDS + " seconds.", RETRY_AFTER_SECONDS);
    }

    /** The answer to a database too busy for this write: 503 {@code unavailable} with a short {@code Retry-After}. */
    public static ProblemException busy() {
        return ProblemException.unavailable("The directory was busy with another write to the same data; try again in "
                + BUSY_RETRY_AFTER_SECONDS + " second.", BUSY_RETRY_AFTER_SECONDS);
    }

    /**
     * The 503 problem for a failure of either kind, logged in one line at WARN (it is no defect); null when the
     * failure is something else, which the caller treats as a defect. The cause chain is read once per kind.
     */
    public static ProblemException answer(Throwable failure) {
        SQLException unreachable = connectionFailure(failure);
        if (unreachable != null) {
            LOG.warnf("The database is not reachable (%s): the caller is asked to retry", describe(unreachable));
            return problem();
        }
        SQLException busy = find(failure, DatabaseUnavailable::busy);
        if (busy != null) {
            LOG.warnf("The database was busy (%s): the caller is asked to retry", describe(busy));
            return busy();
        }
        return null;
    }
}
