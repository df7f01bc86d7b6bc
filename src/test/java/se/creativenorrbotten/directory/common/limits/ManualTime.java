package se.creativenorrbotten.directory.common.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** A bucket time that stands still until a test moves it. */
public final class ManualTime implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
