package se.creativenorrbotten.directory.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.MERGE_PATCH_JSON;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.json;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.common.http.CorsProfile.PUBLIC_LIMIT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.http.CorsProfile;
import se.creativenorrbotten.directory.common.limits.StoppedLimitTime;

/** Admins create, list, change and disable partner keys; a key gets its own limit, and its origins CORS. */
@QuarkusTest
@TestProfile(CorsProfile.class)
class PartnerKeyTest extends StoppedLimitTime {

    static final String KEYS = "/api/v1/partner-keys";
    private static int nextClient = 1;

    @Inject
    PartnerKeyRegistry registry;

    static Map<String, Object> input(String name, int perMinute, List<String> origins) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("contact", "webb@example.se");
        body.put("requestsPerMinute", perMinute);
        body.put("origins", origins);
        return body;
    }

    /** Creates a key; answers the creation's body. */
    static Response create(int perMinute, String... origins) {
        Response created = asAdmin(input("Partner " + unique(), perMinute, List.of(origins))).post(KEYS);
        created.then().statusCode(201);
        return created;
    }

    static synchronized String client() {
        int n = nextClient++;
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestSpecification withKey(String key, String client) {
        return RestAssured.given().header("X-Api-Key", key).header("X-Forwarded-For", client);
    }

    static Response patch(String id, Object body) {
        return asAdmin().contentType(MERGE_PATCH_JSON).body(json(body)).patch(KEYS + "/" + id);
    }

    @Test
    void aKeyIsShownOnceAndStoredHashed() {
        Response created = create(100, "https://www.lulea.se");
        String key = created.path("key");
        String id = created.path("partnerKey.id");
        assertTrue(key.matches("^cnk_[A-Za-z0-9_-]{43}$"), key);
        created.then().header("Location", containsString(KEYS + "/" + id))
                .header("Cache-Control", equalTo("no-store"))
                .body("partnerKey.keyPrefix", equalTo(key.substring(0, 8)))
                .body("partnerKey.enabled", equalTo(true))
                .body("partnerKey.origins", equalTo(List.of("https://www.lulea.se")))
                .body("partnerKey.lastUsedAt", nullValue());
        String shown = asAdmin().get(KEYS + "/" + id).then().statusCode(200)
                .body("name", notNullValue()).body("requestsPerMinute", equalTo(100))
                .extract().asString();
        String listed = asAdmin().get(KEYS + "?size=100").then().statusCode(200).body("items.id", hasItem(id))
                .extract().asString();
        String hash = PartnerKeyService.hash(key);
        for (String body : List.of(shown, listed)) {
            assertFalse(body.contains(key.substring(8)), body);
            assertFalse(body.contains(hash), body);
        }
    }

    /** Outputs omit absent values: a key never used has no lastUsedAt at all (it was null, which the contract refuses). */
    @Test
    void aKeyNeverUsedHasNoLastUsedAt() {
        Response created = create(100);
        created.then().body("partnerKey", not(hasKey("lastUsedAt")));
        String id = created.path("partnerKey.id");
        asAdmin().get(KEYS + "/" + id).then().statusCode(200).body("$", not(hasKey("lastUsedAt")));
        asAdmin().queryParam("size", 100).get(KEYS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("lastUsedAt")));
    }

    @Test
    void onlyAdminsManageKeys() {
        assertProblem(asCurator(input("x", 10, List.of())).post(KEYS), 403);
        assertProblem(asCurator().get(KEYS), 403);
        assertProblem(RestAssured.given().get(KEYS), 401);
    }

    @Test
    void aKeyGetsItsOwnLimitNotTheAnonymousOne() {
        String key = create(PUBLIC_LIMIT + 10).path("key");
        String client = client();
        for (int i = 1; i <= PUBLIC_LIMIT + 10; i++) {
            withKey(key, client).get("/api/v1/skills").then().statusCode(200)
                    .header("RateLimit-Limit", equalTo(Integer.toString(PUBLIC_LIMIT + 10)))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT + 10 - i)));
        }
        Response refused = withKey(key, client()).get("/api/v1/skills"); // the key's bucket, from any client
        assertProblem(refused, 429).body("type", equalTo(PROBLEM_TYPES + "too-many-requests"))
                .header("Retry-After", matchesPattern("^[1-9][0-9]*$"))
                .header("RateLimit-Remaining", equalTo("0"))
                .header("RateLimit-Limit", equalTo(Integer.toString(PUBLIC_LIMIT + 10)));
        // The client's own, anonymous budget is untouched.
        RestAssured.given().header("X-Forwarded-For", client).get("/api/v1/skills").then().statusCode(200)
                .header("RateLimit-Limit", equalTo(Integer.toString(PUBLIC_LIMIT)))
                .header("RateLimit-Remaining", equalTo(Integer.toString(PUBLIC_LIMIT - 1)));
    }

    @Test
    void aDisabledKeyIsRefused() {
        Response created = create(1000);
        String key = created.path("key");
        withKey(key, client()).get("/api/v1/skills").then().statusCode(200);
        patch(created.path("partnerKey.id"), Map.of("enabled", false)).then().statusCode(200).body("enabled", equalTo(false));
        Response refused = withKey(key, client()).get("/api/v1/skills");
        assertProblem(refused, 401).body("type", equalTo(PROBLEM_TYPES + "unauthorized"))
                .header("WWW-Authenticate", containsString("X-Api-Key"));
        patch(created.path("partnerKey.id"), Map.of("enabled", true)).then().statusCode(200);
        withKey(key, client()).get("/api/v1/skills").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnk_unknownunknownunknownunknownunknownunknown", "", "not a key", "cnk_\u00e5\u00e4\u00f6",
            "cnk_tab\there"})
    void anUnknownOrMalformedKeyIsRefused(String key) {
        assertProblem(withKey(key, client()).get("/api/v1/members"), 401);
    }

    @Test
    void aHugeKeyIsRefused() {
        Response refused = withKey("cnk_" + "A".repeat(6000), client()).get("/api/v1/members");
        assertTrue(refused.statusCode() == 401 || refused.statusCode() == 431 || refused.statusCode() == 400,
                () -> "answered " + refused.statusCode());
    }

    @Test
    void guessingKeysIsHeldToThePublicLimit() {
        String client = client();
        for (int i = 0; i < PUBLIC_LIMIT; i++) {
            assertEquals(401, withKey("cnk_guess" + i, client).get("/api/v1/skills").statusCode());
        }
        Response refused = withKey("cnk_guess", client).get("/api/v1/skills");
        assertProblem(refused, 429).header("Retry-After", matchesPattern("^[1-9][0-9]*$"));
    }

    @Test
    void aKeysOriginsAreGrantedAtOnceAndWithdrawnWhenDisabled() {
        String origin = "https://partner-" + unique() + ".example.se";
        RestAssured.given().header("Origin", origin).header("X-Forwarded-For", client()).get("/api/v1/members").then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        Response created = create(1000, origin, "http://localhost:5173");
        RestAssured.given().header("Origin", origin).header("X-Forwarded-For", client()).get("/api/v1/members").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo(origin))
                .header("Access-Control-Allow-Credentials", nullValue());
        RestAssured.given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/members/suggest").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(origin));
        patch(created.path("partnerKey.id"), Map.of("origins", List.of("https://other-" + unique() + ".example.se")))
                .then().statusCode(200);
        RestAssured.given().header("Origin", origin).header("X-Forwarded-For", client()).get("/api/v1/members").then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPatchChangesOnlyWhatItSends() {
        Response created = create(50, "https://www.kiruna.se");
        String id = created.path("partnerKey.id");
        patch(id, Map.of("requestsPerMinute", 70, "name", "Kiruna kommun " + id)).then().statusCode(200)
                .body("requestsPerMinute", equalTo(70)).body("name", equalTo("Kiruna kommun " + id))
                .body("origins", equalTo(List.of("https://www.kiruna.se"))).body("enabled", equalTo(true))
                .body("contact", equalTo("webb@example.se"));
        String key = created.path("key");
        withKey(key, client()).get("/api/v1/skills").then().statusCode(200).header("RateLimit-Limit", equalTo("70"));
    }

    @Test
    void racingPatchesOfDifferentFieldsBothApply() throws Exception {
        String id = create(50).path("partnerKey.id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> patches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> change = i % 2 == 0 ? Map.of("requestsPerMinute", 500) : Map.of("contact", "race@example.se");
                patches.add(() -> patch(id, change).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(patches)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(KEYS + "/" + id).then().body("requestsPerMinute", equalTo(500)).body("contact", equalTo("race@example.se"));
    }

    @Test
    void lastUsedAtIsWrittenWithoutAWritePerRequest() {
        Response created = create(1000);
        String id = created.path("partnerKey.id");
        for (int i = 0; i < 3; i++) {
            withKey(created.path("key"), client()).get("/api/v1/skills").then().statusCode(200);
        }
        asAdmin().get(KEYS + "/" + id).then().body("lastUsedAt", nullValue());
        registry.forgetWrites();
        registry.writeUse();
        asAdmin().get(KEYS + "/" + id).then().body("lastUsedAt", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.pitea.se/", "https://www.pitea.se/path", "http://www.pitea.se", "*",
            "https://*.pitea.se", "https://WWW.PITEA.SE", "https://user@www.pitea.se", "null", "https://www.pitea.se:123456",
            "javascript:alert(1)", "https://www.pitea.se\u0000"})
    void aBadOriginIsRefusedNamingTheField(String origin) {
        assertInvalid(asAdmin(input("Bad origin", 10, List.of("https://ok.example.se", origin))).post(KEYS), "origins[1]");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertInvalid(asAdmin(input("Zero", 0, List.of())).post(KEYS), "requestsPerMinute");
        assertInvalid(asAdmin(input("", 10, List.of())).post(KEYS), "name");
        assertInvalid(asAdmin(input("x".repeat(101), 10, List.of())).post(KEYS), "name");
        Map<String, Object> noOrigins = input("No origins", 10, List.of());
        noOrigins.remove("origins");
        assertInvalid(asAdmin(noOrigins).post(KEYS), "origins");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("https://site" + i + ".example.se");
        }
        assertInvalid(asAdmin(input("Many", 10, many)).post(KEYS), "origins");
        Map<String, Object> withKey = input("Own key", 10, List.of());
        withKey.put("key", "cnk_chosen");
        assertProblem(asAdmin(withKey).post(KEYS), 400);
        String id = create(10).path("partnerKey.id");
        assertInvalid(patch(id, Map.of("requestsPerMinute", 2_000_000)), "requestsPerMinute");
        assertInvalid(patch(id, Map.of("origins", List.of("https://x.example.se/path"))), "origins[0]");
        Map<String, Object> removeName = new LinkedHashMap<>();
        removeName.put("name", null);
        assertInvalid(patch(id, removeName), "name");
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{}").patch(KEYS + "/" + id), 415);
        assertProblem(patch(java.util.UUID.randomUUID().toString(), Map.of("enabled", false)), 404);
    }
}
