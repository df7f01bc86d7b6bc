package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

/** Which failures are the database out of reach (503) and which are not (a defect, 500). */
class DatabaseUnavailableTest {

    @Test
    void connectionStatesAnywhereInTheChainAreTheDatabaseAway() {
        for (String state : new String[] { "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03" }) {
            Throwable chain = new PersistenceException(new GenericJDBCException("wrapped", new SQLException("x", state)));
            assertTrue(DatabaseUnavailable.isCause(chain), state);
            assertEquals(state, DatabaseUnavailable.connectionFailure(chain).getSQLState());
        }
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
    }

    /**
     * A commit the database cut off (found by the battery's faults part: an account check's commit during a PostgreSQL
     * stop was answered 500): Narayana's RollbackException holds the driver's exception as the cause of a suppressed
     * XAException, not in its cause chain.
     */
    @Test
    void aCommitCutOffIsTheDatabaseAwayThoughItsCauseIsSuppressed() {
        for (String state : new String[] { "57P01", "08006", "40P01" }) {
            RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
            rollback.addSuppressed(new XAException("Error trying to transactionCommit local transaction"));
            rollback.getSuppressed()[0].initCause(new SQLException("FATAL: terminating connection due to administrator command", state));
            Throwable failure = new IllegalStateException("wrapped", rollback);

            var answer = DatabaseUnavailable.answer(failure);
            assertEquals(503, answer.toProblem().status(), state);
            assertTrue(state.equals("40P01") ? DatabaseUnavailable.isBusy(failure) : DatabaseUnavailable.isCause(failure), state);
        }
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.isCause(null));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("a defect")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("query cancelled", "57014")));
        // Without the driver's word for it, a refused socket elsewhere (a mail server, a web hook) is not the database.
        assertFalse(DatabaseUnavailable.isCause(new ConnectException("Connection refused")));
    }

    @Test
    void theProblemIs503WithRetryAfter() {
        var problem = DatabaseUnavailable.problem();
        assertEquals(503, problem.toProblem().status());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, problem.retryAfterSeconds());
    }

    /** A lock waited for too long (H2, PostgreSQL with lock_timeout), a deadlock or a serialization failure. */
    @Test
    void lockTimeoutsAndDeadlocksAreTheDatabaseBusyFor503WithAShortRetryAfter() {
        for (String state : new String[] { "HYT00", "55P03", "40001", "40P01" }) {
            Throwable chain = new PersistenceException(new GenericJDBCException("wrapped", new SQLException("x", state)));
            assertTrue(DatabaseUnavailable.isBusy(chain), state);
            assertFalse(DatabaseUnavailable.isCause(chain), state);
            var answer = DatabaseUnavailable.answer(chain);
            assertEquals(503, answer.toProblem().status());
            assertEquals(DatabaseUnavailable.BUSY_RETRY_AFTER_SECONDS, answer.retryAfterSeconds());
        }
        assertFalse(DatabaseUnavailable.isBusy(new SQLException("duplicate key", "23505")));
        // A driver's exception without a state is neither (it once threw NullPointerException from the 500 path).
        assertFalse(DatabaseUnavailable.isBusy(new SQLException("no state")));
        assertEquals(null, DatabaseUnavailable.answer(new RuntimeException(new SQLException("no state"))));
        assertEquals(null, DatabaseUnavailable.answer(new SQLException("duplicate key", "23505")));
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS,
                DatabaseUnavailable.answer(new RuntimeException(new SQLException("x", "08006"))).retryAfterSeconds());
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.isCause(a));
        assertFalse(DatabaseUnavailable.isBusy(a));
    }
}
