package se.creativenorrbotten.directory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records the service writes while a test runs ({@link #start} before it, {@link #stop} after), each with
 * the MDC it was written with (what the log's format shows as %X{...}).
 */
public final class TestLogs extends Handler {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    public TestLogs start() {
        records.clear();
        Logger.getLogger("").addHandler(this);
        return this;
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The records at ERROR (SEVERE) or above, as "logger: message": what a test requires to be none. */
    public List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyMdc(); // taken on the logging thread, as the formatter does
            records.add(ext);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
