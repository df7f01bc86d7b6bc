package se.creativenorrbotten.directory.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With QUARKUS_LOG_CONSOLE_JSON_ENABLED=true the console writes one JSON object a line, the request id among its MDC. */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonLogs.class)
class JsonLogsTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    private static Formatter consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                return console.getFormatter();
            }
            if (handler instanceof ExtHandler parent) {
                Formatter inside = consoleFormatter(parent.getHandlers());
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    @Test
    void theConsoleWritesAJsonLineWithTheRequestId() throws Exception {
        Formatter formatter = consoleFormatter(LogContext.getLogContext().getLogger("").getHandlers());
        assertNotNull(formatter, "no console handler");
        RequestIds.begin("json-line-1");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "served \"a\" line", getClass().getName());
            record.setLoggerName(getClass().getName());
            record.copyMdc();
            String line = formatter.format(record);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("served \"a\" line", json.path("message").asText(), line);
            assertEquals("INFO", json.path("level").asText(), line);
            assertEquals("json-line-1", json.path("mdc").path(RequestIds.MDC_KEY).asText(), line);
            assertEquals(1, line.strip().lines().count(), line);
        } finally {
            org.jboss.logging.MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
