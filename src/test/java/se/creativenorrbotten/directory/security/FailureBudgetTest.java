package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The refilling budget, on a clock the test moves. */
class FailureBudgetTest {

    private long now = 1_000_000_000_000L;

    private FailureBudget budget(int capacity, Duration window) {
        return new FailureBudget(capacity, window, () -> now);
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    @Test
    void theWholeCapacityMayComeAtOnce() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));

        assertEquals(0, budget.waitSeconds("a"));
        budget.record("a");
        budget.record("a");
        assertEquals(0, budget.waitSeconds("a"));
        budget.record("a");
        assertEquals(60, budget.waitSeconds("a"));
        assertEquals(0, budget.waitSeconds("b"));
    }

    @Test
    void aSpentBudgetRefillsOneFailurePerInterval() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            budget.record("a");
        }
        advance(Duration.ofMillis(59_001));
        assertEquals(1, budget.waitSeconds("a"));
        advance(Duration.ofMillis(999));
        assertEquals(0, budget.waitSeconds("a"));
        budget.record("a");
        assertEquals(60, budget.waitSeconds("a"));
    }

    @Test
    void theWholeBudgetIsBackOneWindowAfterTheLastFailure() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            budget.record("a");
        }
        advance(Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, budget.waitSeconds("a"));
            budget.record("a");
        }
        assertEquals(60, budget.waitSeconds("a"));
    }

    @Test
    void failuresBeyondTheCapacityDoNotOverdrawIt() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        for (int i = 0; i < 50; i++) {
            budget.record("a");
        }
        assertEquals(60, budget.waitSeconds("a"));
        advance(Duration.ofMinutes(1));
        assertEquals(0, budget.waitSeconds("a"));
    }

    @Test
    void slowFailuresNeverSpendTheBudget() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        for (int i = 0; i < 100; i++) {
            budget.record("a");
            assertEquals(0, budget.waitSeconds("a"));
            advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void madeUpKeysAreBoundedAndTheMostFailedKeyIsKept() {
        FailureBudget budget = budget(100, Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            budget.record("admin");
        }
        for (int i = 0; i < 3 * FailureBudget.MAX_KEYS; i++) {
            budget.record("made-up-" + i);
            advance(Duration.ofMillis(1));
        }
        // Swept once a second (1,000 new keys here; a login's bcrypt check allows far fewer).
        assertTrue(budget.size() <= FailureBudget.MAX_KEYS + 1_000, "size " + budget.size());
        // 150 s later, four of admin's failures have refilled (one per 36 s) but not its other 96.
        assertEquals(0, budget.waitSeconds("admin"));
        for (int i = 0; i < 5; i++) {
            budget.record("admin");
        }
        assertTrue(budget.waitSeconds("admin") > 0, "admin's failures were dropped");
    }

    @Test
    void keysWithAFullBudgetAreDropped() {
        FailureBudget budget = budget(2, Duration.ofMinutes(1));
        for (int i = 0; i < FailureBudget.SWEEP_AT; i++) {
            budget.record("old-" + i);
        }
        advance(Duration.ofMinutes(1));
        budget.record("new");
        assertEquals(1, budget.size());
    }

    @Test
    void tryTakeTakesOnlyWhatTheBudgetHoldsAndRefundGivesItBack() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.tryTake("a"), "take " + i);
        }
        // Taken ahead, as record would count it: the budget is spent, and a fourth take gets nothing.
        assertEquals(60, budget.waitSeconds("a"));
        assertFalse(budget.tryTake("a"));
        assertEquals(60, budget.waitSeconds("a"));

        budget.refund("a");
        assertEquals(0, budget.waitSeconds("a"));
        assertTrue(budget.tryTake("a"));
        assertFalse(budget.tryTake("a"));

        // One interval later, one more.
        advance(Duration.ofMinutes(1));
        assertTrue(budget.tryTake("a"));
        assertFalse(budget.tryTake("a"));
    }

    @Test
    void refundingEveryTakeForgetsTheKey() {
        FailureBudget budget = budget(3, Duration.ofMinutes(3));
        budget.tryTake("a");
        budget.tryTake("a");
        budget.refund("a");
        budget.refund("a");
        assertEquals(0, budget.size());
        // A refund with nothing taken changes nothing.
        budget.refund("a");
        assertEquals(0, budget.size());
        assertEquals(0, budget.waitSeconds("a"));
    }
}
