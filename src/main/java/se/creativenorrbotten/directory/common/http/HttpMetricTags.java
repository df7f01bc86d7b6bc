package se.creativenorrbotten.directory.common.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the HTTP server metrics' tags to a bounded set of values, whatever callers send: every tag value
 * makes a time series that lives as long as the process, so a value a caller can choose is a memory leak.
 * <ul>
 * <li>{@code method}: the standard methods; any other name (made up: {@code XQ123}) is {@code OTHER};</li>
 * <li>{@code uri}: the matched path template ({@code /api/v1/members/{id}}) or a fixed marker. Quarkus tags a
 * request that matched no template and failed with 4xx or 5xx as {@code UNKNOWN} only with
 * {@code quarkus.micrometer.binder.http-server.suppress4xx-errors=true} (set in application.properties); a
 * request reset by the client before its answer is tagged with its raw path, so here its uri becomes
 * {@code UNKNOWN} too;</li>
 * <li>{@code status} is a three-digit code the service chose, {@code outcome} a fixed set: bounded already.</li>
 * </ul>
 */
@Singleton
public class HttpMetricTags {

    static final String OTHER_METHOD = "OTHER";
    static final String UNKNOWN_URI = "UNKNOWN";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    /** Before Quarkus's own filter that stops recording new uri values after 100 (max-uri-tags). */
    @Produces
    @Singleton
    @Priority(Integer.MAX_VALUE)
    MeterFilter boundedHttpServerTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("http.server.") ? bounded(id) : id;
            }
        };
    }

    static Meter.Id bounded(Meter.Id id) {
        boolean reset = "RESET".equals(id.getTag("status"));
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String value = tag.getValue();
            if (tag.getKey().equals("method") && !METHODS.contains(value)) {
                value = OTHER_METHOD;
            } else if (tag.getKey().equals("uri") && reset) {
                value = UNKNOWN_URI;
            }
            changed |= !value.equals(tag.getValue());
            tags.add(Tag.of(tag.getKey(), value));
        }
        return changed ? id.replaceTags(tags) : id;
    }
}
