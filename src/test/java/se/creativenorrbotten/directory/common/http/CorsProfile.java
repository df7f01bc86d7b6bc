package se.creativenorrbotten.directory.common.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One public origin, one admin origin, a short preflight age, a public limit of {@link #PUBLIC_LIMIT} a minute and a
 * trusted proxy (the tests themselves, at 127.0.0.1: X-Forwarded-For names the client): shared by the CORS, limit and
 * partner-key tests, so that Quarkus starts once for them.
 */
public class CorsProfile implements QuarkusTestProfile {

    public static final String PUBLIC_ORIGIN = "https://www.pitea.se";
    public static final String ADMIN_ORIGIN = "https://admin.creativenorrbotten.se";
    public static final String UNKNOWN_ORIGIN = "https://evil.example";
    public static final int PUBLIC_LIMIT = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "directory.cors.origins", PUBLIC_ORIGIN,
                "directory.cors.admin-origins", ADMIN_ORIGIN,
                "directory.cors.max-age", "600",
                "directory.public.rate-limit", Integer.toString(PUBLIC_LIMIT),
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
}
