package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.core.MultiMap;

/** Which paths are public reads, which origins get which grant, and how Vary is merged: without a server. */
class ApiCorsRulesTest {

    private final ApiCors cors = new ApiCors(new PublicOrigins(List.of("https://www.pitea.se", "http://localhost:*")),
            List.of("https://admin.example.se"), 600);

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/members", "/api/v1/members/", "/api/v1/members/suggest", "/api/v1/members/changes",
            "/api/v1/members/asa-oberg-design", "/api/v1/skills", "/api/v1/skills/ux-design", "/api/v1/municipalities/2580",
            "/q/openapi", "/q/openapi.json"})
    void publicReads(String path) {
        assertTrue(ApiCors.isPublicRead(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/members/x/history", "/api/v1/members/x/export", "/api/v1/accounts", "/api/v1/partner-keys",
            "/api/v1/applications", "/api/v1/membersx", "/api/v1/skillsx", "/embed/search", "/", ""})
    void notPublicReads(String path) {
        assertFalse(ApiCors.isPublicRead(path), path);
    }

    @Test
    void grants() {
        assertEquals("https://www.pitea.se", cors.grant("https://www.pitea.se", "/api/v1/members", true));
        assertNull(cors.grant("https://www.pitea.se", "/api/v1/members", false), "not a public read");
        assertEquals("http://localhost:5173", cors.grant("http://localhost:5173", "/api/v1/skills", true));
        assertEquals("https://admin.example.se", cors.grant("https://admin.example.se", "/api/v1/accounts", false));
        assertNull(cors.grant("https://admin.example.se", "/embed/search", false), "not covered");
        assertNull(cors.grant(null, "/api/v1/members", true));
        assertNull(cors.grant("null", "/api/v1/members", true));
        assertNull(cors.grant("https://www.pitea.se" + "/x".repeat(200), "/api/v1/members", true));
    }

    @Test
    void everyOriginIsStarWhenAnyIsConfigured() {
        ApiCors any = new ApiCors(new PublicOrigins(List.of("*")), List.of(), 600);
        assertEquals("*", any.grant("https://anything.example", "/api/v1/members", true));
        assertNull(any.grant("https://anything.example", "/api/v1/accounts", false));
    }

    @Test
    void varyIsAddedOnce() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ApiCors.addVary(headers, "Origin");
        ApiCors.addVary(headers, "Origin");
        assertEquals(List.of("Origin"), headers.getAll("Vary"));
        MultiMap other = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept-Language, origin");
        ApiCors.addVary(other, "Origin");
        assertEquals(List.of("Accept-Language, origin"), other.getAll("Vary"));
        MultiMap language = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept-Language");
        ApiCors.addVary(language, "Origin");
        assertEquals(List.of("Accept-Language, Origin"), language.getAll("Vary"), "one Vary header");
    }

    @Test
    void onlyKeyShapedValuesAreLookedUp() {
        assertTrue(PublicLimits.wellFormed("cnk_q3Zt0c4Xr9bqvY2mJmT1mF3c8cJxkq3f5iWl0Zb0dE4"));
        assertFalse(PublicLimits.wellFormed(""));
        assertFalse(PublicLimits.wellFormed("cnk_" + "a".repeat(100)));
        assertFalse(PublicLimits.wellFormed("cnk_a b"));
        assertFalse(PublicLimits.wellFormed("cnk_\u0000"));
        assertFalse(PublicLimits.wellFormed("cnk_åäö"));
    }
}
