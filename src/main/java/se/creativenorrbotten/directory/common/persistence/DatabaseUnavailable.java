package se.creativenorrbotten.directory.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Whether a failure is the database being out of reach (stopped, restarting, the network to it down) rather than a
 * defect: a connection that could not be opened or was cut (SQLState class 08), the server shutting down or starting
 * up (57P01, 57P02, 57P03), or the driver's connection exceptions, anywhere in the cause chain (Hibernate, Narayana and
 * Bucket4j wrap them). Such a request is answered 503 with {@code Retry-After}, not 500: the caller can retry, and
 * readiness ({@code /q/health/ready}) says the same to the load balancer.
 */
public final class DatabaseUnavailable {

    /** Seconds a caller is asked to wait: about what a database restart or fail-over takes. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or one of its causes, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        return connectionFailure(failure) != null;
    }

    /** The SQL exception in the chain that says so, or null. */
    public static SQLException connectionFailure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return (SQLException) cause;
            }
            if (cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }

    static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /** One line for the log: the state and the driver's message (for operators, never for the caller). */
    public static String describe(Throwable failure) {
        SQLException sql = connectionFailure(failure);
        return sql == null ? String.valueOf(failure) : "SQLState " + sql.getSQLState() + ": " + sql.getMessage();
    }

    /** The answer: 503 {@code unavailable} with {@code Retry-After}. */
    public static ProblemException problem() {
        return ProblemException.unavailable("The database is not reachable at the moment; try again in "
                + RETRY_AFTER_SECONDS + " seconds.", RETRY_AFTER_SECONDS);
    }
}
