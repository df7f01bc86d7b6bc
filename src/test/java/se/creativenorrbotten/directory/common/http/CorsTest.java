package se.creativenorrbotten.directory.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.common.http.CorsProfile.ADMIN_ORIGIN;
import static se.creativenorrbotten.directory.common.http.CorsProfile.PUBLIC_ORIGIN;
import static se.creativenorrbotten.directory.common.http.CorsProfile.UNKNOWN_ORIGIN;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Which other sites' pages may read and write the API, as browsers ask (CORS). */
@QuarkusTest
@TestProfile(CorsProfile.class)
class CorsTest {

    @Inject
    PublicLimits limits;

    /** Every test here makes fewer requests than the profile's public limit. */
    @BeforeEach
    void freshLimits() {
        limits.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/members", "/api/v1/members/suggest?q=de", "/api/v1/skills", "/api/v1/municipalities",
            "/api/v1/municipalities/2580", "/q/openapi"})
    void aPublicReadIsGrantedToAnAllowedOrigin(String path) {
        Response response = given().header("Origin", PUBLIC_ORIGIN).get(path);
        response.then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN))
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void headIsGrantedToo() {
        given().header("Origin", PUBLIC_ORIGIN).head("/api/v1/skills").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN));
    }

    @Test
    void aPublicReadVariesByOriginEvenWithoutOne() {
        given().get("/api/v1/members").then().statusCode(200)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN_ORIGIN, "null", "https://www.pitea.se.evil.example", "http://www.pitea.se",
            "https://www.pitea.se:8443", "*", "", "https://www.pitea.se/path", "https://admin.creativenorrbotten.se.evil"})
    void anUnknownOriginGetsNoGrant(String origin) {
        given().header("Origin", origin).get("/api/v1/members").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aHugeOriginGetsNoGrant() {
        String huge = PUBLIC_ORIGIN + "/" + "a".repeat(6000);
        given().header("Origin", huge).get("/api/v1/members").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPreflightForAPublicReadIsAnsweredWithMaxAgeAndNoAuthentication() {
        given().header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key, if-none-match")
                .options("/api/v1/members/suggest").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN))
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD"))
                .header("Access-Control-Allow-Headers", containsString("X-Api-Key"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Headers", not(containsString("Authorization")))
                .header("Access-Control-Max-Age", equalTo("600"))
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void aPreflightFromAnUnknownOriginGrantsNothing() {
        given().header("Origin", UNKNOWN_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/members").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Max-Age", nullValue());
    }

    @Test
    void aPublicOriginMayNotPreflightAWriteNorACuratorRead() {
        given().header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/api/v1/members").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/accounts").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/members/" + java.util.UUID.randomUUID() + "/history").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anAdminOriginMayPreflightAWriteWithAuthorization() {
        given().header("Origin", ADMIN_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/members/" + java.util.UUID.randomUUID()).then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(ADMIN_ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Max-Age", equalTo("600"))
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void anAdminOriginsWriteIsGrantedAndAPublicOriginsIsRefused() {
        Map<String, Object> skill = TestSkills.skill(unique());
        asAdmin(skill).header("Origin", ADMIN_ORIGIN).header("Sec-Fetch-Site", "cross-site")
                .post("/api/v1/skills").then().statusCode(201)
                .header("Access-Control-Allow-Origin", equalTo(ADMIN_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Allow-Credentials", nullValue());
        Map<String, Object> other = TestSkills.skill(unique());
        Response refused = asAdmin(other).header("Origin", PUBLIC_ORIGIN).header("Sec-Fetch-Site", "cross-site")
                .post("/api/v1/skills");
        TestApi.assertProblem(refused, 403);
        refused.then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aCuratorReadIsGrantedToAnAdminOriginOnly() {
        asAdmin().header("Origin", ADMIN_ORIGIN).get("/api/v1/accounts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ADMIN_ORIGIN));
        asAdmin().header("Origin", PUBLIC_ORIGIN).get("/api/v1/accounts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        asAdmin().header("Origin", PUBLIC_ORIGIN).get("/api/v1/members").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void noResponseCarriesAllowCredentials() {
        for (String origin : new String[] {PUBLIC_ORIGIN, ADMIN_ORIGIN, UNKNOWN_ORIGIN}) {
            given().header("Origin", origin).get("/api/v1/members/does-not-exist-" + unique()).then().statusCode(404)
                    .header("Access-Control-Allow-Credentials", nullValue());
            given().header("Origin", origin).contentType(ContentType.JSON).body("{}").post("/api/v1/skills").then()
                    .header("Access-Control-Allow-Credentials", nullValue());
            given().header("Origin", origin).auth().preemptive().basic("admin", "wrong").get("/api/v1/accounts").then()
                    .statusCode(401).header("Access-Control-Allow-Credentials", nullValue());
            given().header("Origin", origin).get("/api/v1/members?size=100000").then().statusCode(400)
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }

    @Test
    void aPublicErrorIsGrantedSoThePageCanReadTheProblem() {
        given().header("Origin", PUBLIC_ORIGIN).get("/api/v1/members/does-not-exist-" + unique()).then().statusCode(404)
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN));
    }
}
