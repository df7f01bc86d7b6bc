package se.creativenorrbotten.directory.common.limits;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;

/**
 * For tests that count against the limits (public, partner keys, logins): the limits' clock stands still while a
 * test runs (no token comes back however slow the machine), and moves only when the test moves {@link #time}.
 * Every bucket is dropped before and after each test.
 */
public abstract class StoppedLimitTime {

    @Inject
    protected LimitStore limits;

    protected final ManualTime time = new ManualTime();

    @BeforeEach
    void stopTime() {
        limits.useTime(time);
    }

    @AfterEach
    void restartTime() {
        limits.useTime(null);
    }
}
