package se.creativenorrbotten.directory.common.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One public origin, one admin origin, a short preflight age: shared by the CORS, limit and partner-key tests. */
public class CorsProfile implements QuarkusTestProfile {

    public static final String PUBLIC_ORIGIN = "https://www.pitea.se";
    public static final String ADMIN_ORIGIN = "https://admin.creativenorrbotten.se";
    public static final String UNKNOWN_ORIGIN = "https://evil.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "directory.cors.origins", PUBLIC_ORIGIN,
                "directory.cors.admin-origins", ADMIN_ORIGIN,
                "directory.cors.max-age", "600");
    }
}
