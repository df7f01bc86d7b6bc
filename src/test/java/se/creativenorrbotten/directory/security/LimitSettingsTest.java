package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.SettingConstraints.refused;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * Settings a limit could not be made of are refused when the service starts (the config mapping is validated), not
 * by the first login or application: no window of 0 or less (a token bucket needs a time to refill in), no negative
 * block, no capacity below 1. 0 is still a block (none beyond the window).
 */
class LimitSettingsTest {

    private static LoginThrottleTest.Limits login(Duration window, Duration block, Duration userWindow, int max) {
        LoginThrottleTest.Limits d = LoginThrottleTest.Limits.DEFAULTS;
        return new LoginThrottleTest.Limits(max, d.clientMaxFailures(), window, block, d.userMaxFailures(), userWindow,
                d.knownClientTtl(), d.cacheTtl());
    }

    private record Applications(int perClient, Duration window) implements DirectoryConfig.Applications {
    }

    @Test
    void theDefaultsAndABlockOfZeroAreAccepted() throws Exception {
        assertEquals(Set.of(), refused(LoginThrottleTest.Limits.DEFAULTS, DirectoryConfig.Login.class));
        assertEquals(Set.of(), refused(login(Duration.ofMillis(1), Duration.ZERO, Duration.ofMillis(1), 1),
                DirectoryConfig.Login.class));
        assertEquals(Set.of(), refused(new Applications(1, Duration.ofMillis(1)), DirectoryConfig.Applications.class));
    }

    @Test
    void windowsOfZeroOrLessNegativeBlocksAndCapacitiesBelowOneAreRefused() throws Exception {
        assertEquals(Set.of("block", "maxFailures", "userWindow", "window"),
                refused(login(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(-5), 0), DirectoryConfig.Login.class));
        assertEquals(Set.of("perClient", "window"),
                refused(new Applications(0, Duration.ZERO), DirectoryConfig.Applications.class));
    }
}
