package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;

class HttpMetricTagsTest {

    private static Meter.Id id(String method, String uri, String status) {
        return new Meter.Id("http.server.requests", Tags.of("method", method, "uri", uri, "status", status, "outcome",
                "CLIENT_ERROR"), null, null, Meter.Type.TIMER);
    }

    @Test
    void madeUpMethodsFoldIntoOther() {
        Meter.Id mapped = HttpMetricTags.bounded(id("XQ123", "/api/v1/members", "405"));
        assertEquals("OTHER", mapped.getTag("method"));
        assertEquals("/api/v1/members", mapped.getTag("uri"));
        assertEquals("405", mapped.getTag("status"));
    }

    @Test
    void standardMethodsAndTemplatesStayAsTheyAre() {
        for (String method : new String[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }) {
            Meter.Id id = id(method, "/api/v1/members/{id}", "200");
            assertSame(id, HttpMetricTags.bounded(id));
        }
    }

    @Test
    void methodNamesAreCaseSensitiveLikeHttp() {
        assertEquals("OTHER", HttpMetricTags.bounded(id("get", "/api/v1/members", "405")).getTag("method"));
    }

    @Test
    void aResetRequestsRawPathBecomesUnknown() {
        Meter.Id mapped = HttpMetricTags.bounded(id("POST", "/api/v1/members/6b1c0b52-0000-4000-8000-000000000001", "RESET"));
        assertEquals("UNKNOWN", mapped.getTag("uri"));
        assertEquals("POST", mapped.getTag("method"));
    }
}
