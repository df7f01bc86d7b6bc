package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PublicOriginsTest {

    @Test
    void grantsExactOriginsOnlyCaseInsensitively() {
        PublicOrigins origins = new PublicOrigins(List.of("https://www.pitea.se", " https://Example.se/ "));
        assertTrue(origins.allows("https://www.pitea.se"));
        assertTrue(origins.allows("HTTPS://WWW.PITEA.SE"));
        assertTrue(origins.allows("https://example.se"));
        assertFalse(origins.allows("http://www.pitea.se"));
        assertFalse(origins.allows("https://www.pitea.se:8443"));
        assertFalse(origins.allows("https://evil.pitea.se"));
        assertFalse(origins.allows("https://www.pitea.se.evil.com"));
        assertFalse(origins.allows(null));
        assertFalse(origins.allows("null"));
        assertFalse(origins.allows(""));
        assertFalse(origins.any());
        assertEquals(List.of("https://example.se", "https://www.pitea.se"), origins.sources());
    }

    @Test
    void anyPortOfOneHost() {
        PublicOrigins origins = new PublicOrigins(List.of("http://localhost:*"));
        assertTrue(origins.allows("http://localhost:5173"));
        assertTrue(origins.allows("http://localhost:80"));
        assertFalse(origins.allows("http://localhost"));
        assertFalse(origins.allows("http://localhost:"));
        assertFalse(origins.allows("http://localhost:*"));
        assertFalse(origins.allows("http://localhost:12x"));
        assertFalse(origins.allows("http://localhost.evil.com:80"));
        assertFalse(origins.allows("https://localhost:5173"));
        assertEquals(List.of("http://localhost:*"), origins.sources());
    }

    @Test
    void wildcardGrantsEveryOriginButTheOpaqueOne() {
        PublicOrigins origins = new PublicOrigins(List.of("*"));
        assertTrue(origins.any());
        assertTrue(origins.allows("https://anything.example"));
        assertFalse(origins.allows("null"));
        assertFalse(origins.allows(null));
        assertEquals(List.of("*"), origins.sources());
    }

    @Test
    void partnerOriginsAreReplacedAtRunTime() {
        PublicOrigins origins = new PublicOrigins(List.of());
        assertFalse(origins.allows("https://kommun.se"));
        assertEquals(List.of(), origins.sources());
        origins.replacePartnerOrigins(List.of("https://Kommun.se", "*", "null", ""));
        assertTrue(origins.allows("https://kommun.se"));
        assertFalse(origins.allows("https://other.se"));
        assertEquals(List.of("https://kommun.se"), origins.sources());
        origins.replacePartnerOrigins(List.of());
        assertFalse(origins.allows("https://kommun.se"));
    }
}
