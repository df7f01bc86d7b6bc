package se.creativenorrbotten.directory.common.time;

import org.junit.jupiter.api.AfterEach;

import jakarta.inject.Inject;

/**
 * For tests that move the application's clock instead of sleeping: {@link #clock} is the one the application reads,
 * and it is back at the system's time after each test, so no other test sees the moved time.
 */
public abstract class MovingTime {

    @Inject
    protected MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
