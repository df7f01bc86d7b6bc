package se.creativenorrbotten.directory.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The directory's one wall clock: every feature that needs the time (today's date, a write's timestamp, when a feature
 * ends, when a listing goes stale) injects this {@link Clock}, so that tests can move it instead of sleeping.
 * Durations and rate limits keep their own monotonic time ({@code System.nanoTime}); that is not wall-clock time.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
