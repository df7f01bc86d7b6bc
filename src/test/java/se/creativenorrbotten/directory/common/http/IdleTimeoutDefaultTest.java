package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The production setting that {@link SlowHeadersTest} shortens: an idle connection goes within a minute. */
@QuarkusTest
class IdleTimeoutDefaultTest {

    @Test
    void idleConnectionsAreClosedWithinAMinute() {
        for (String name : new String[] { "quarkus.http.idle-timeout", "quarkus.management.idle-timeout" }) {
            Duration timeout = ConfigProvider.getConfig().getValue(name, Duration.class);
            assertTrue(timeout.compareTo(Duration.ofMinutes(1)) <= 0 && !timeout.isZero(), name + " is " + timeout);
        }
    }
}
