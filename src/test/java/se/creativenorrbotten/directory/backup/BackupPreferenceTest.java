package se.creativenorrbotten.directory.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.backup.BackupRoute.Preference;

/** How long a POST /q/backup waits for its backup: the idle timeout's half, and what the caller's Prefer asks. */
class BackupPreferenceTest {

    private static final Duration MOST = Duration.ofSeconds(15);

    @Test
    void aPostWaitsHalfTheIdleTimeoutAndAtMostTwentySeconds() {
        assertEquals(Duration.ofSeconds(15), BackupRoute.waitFor(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMillis(500), BackupRoute.waitFor(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(20), BackupRoute.waitFor(Duration.ofMinutes(30)));
        assertEquals(Duration.ofSeconds(20), BackupRoute.waitFor(Duration.ZERO), "no idle timeout");
    }

    @Test
    void withoutPreferenceTheWholeWait() {
        assertEquals(new Preference(false, MOST), Preference.of(null, MOST));
        assertEquals(new Preference(false, MOST), Preference.of("", MOST));
        assertEquals(new Preference(false, MOST), Preference.of("return=minimal, handling=lenient", MOST));
    }

    @Test
    void respondAsyncAndWaitAreRead() {
        assertEquals(new Preference(true, MOST), Preference.of("respond-async", MOST));
        assertEquals(new Preference(true, MOST), Preference.of(" Respond-Async ", MOST));
        assertEquals(new Preference(false, Duration.ofSeconds(5)), Preference.of("wait=5", MOST));
        assertEquals(new Preference(true, Duration.ofSeconds(2)), Preference.of("respond-async, wait=\"2\"", MOST));
        assertEquals(new Preference(false, Duration.ZERO), Preference.of("wait=0", MOST));
    }

    @Test
    void waitNeverLengthensAndNonsenseIsIgnored() {
        assertEquals(new Preference(false, MOST), Preference.of("wait=3600", MOST));
        for (String nonsense : new String[] { "wait=-1", "wait=ten", "wait=99999999999", "wait", "respond-asynchronously" }) {
            assertEquals(new Preference(false, MOST), Preference.of(nonsense, MOST), nonsense);
        }
    }
}
