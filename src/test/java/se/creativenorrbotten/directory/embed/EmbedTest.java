package se.creativenorrbotten.directory.embed;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_JSON;
import static se.creativenorrbotten.directory.TestApi.anonymous;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The embed kit over HTTP with the test profile's settings (no DIRECTORY_CORS_ORIGINS): the script for any origin,
 * the frame page with its strict policy and validated parameters, the demo. {@link EmbedFramingTest} has origins.
 */
@QuarkusTest
class EmbedTest {

    private static final String SCRIPT = "/embed/member-search.js";
    private static final String PAGE = "/embed/search";

    @Test
    void theScriptIsAModuleAnyOriginMayLoadAndCache() {
        Response response = anonymous().header("Origin", "https://www.pitea.se").get(SCRIPT);
        response.then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("customElements.define('cn-member-search'"));
        byte[] body = response.asByteArray();
        assertTrue(body.length <= 30 * 1024, "the element is at most 30 KB uncompressed: " + body.length);
        String etag = response.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong ETag: " + etag);
        anonymous().header("Origin", "https://any.example").header("If-None-Match", etag).get(SCRIPT).then().statusCode(304)
                .header("Access-Control-Allow-Origin", "*").header("ETag", etag);
    }

    @Test
    void theScriptWritesNoApiTextAsHtml() {
        String script = anonymous().get(SCRIPT).asString();
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertFalse(script.contains(sink), "the element never uses " + sink);
        }
    }

    @Test
    void theFramePageHoldsTheElementUnderAStrictPolicy() {
        Response response = anonymous().queryParam("lang", "en").queryParam("municipality", "2581")
                .queryParam("skill", "photography,film").queryParam("type", "agency").queryParam("page-size", "5").get(PAGE);
        response.then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("X-Frame-Options", nullValue())
                .header("Cache-Control", "no-cache")
                .header("ETag", not(nullValue()))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<script type=\"module\" src=\"member-search.js\"></script>"))
                .body(containsString("<cn-member-search lang=\"en\" municipality=\"2581\" skill=\"photography,film\" type=\"agency\""
                        + " page-size=\"5\"></cn-member-search>"));
        String policy = response.header("Content-Security-Policy");
        List<String> directives = List.of(policy.split(";\\s*"));
        assertTrue(directives.contains("default-src 'none'"), policy);
        assertTrue(directives.contains("script-src 'self'"), policy);
        assertTrue(directives.contains("connect-src 'self'"), policy);
        assertTrue(directives.contains("base-uri 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        // No origin is configured here: the service's own pages (its demo) may frame it, and the origins of partner keys
        // that other tests in this application made (EmbedFramingTest checks the exact list in a profile of its own).
        assertTrue(directives.stream().anyMatch(d -> d.equals("frame-ancestors 'self'") || d.startsWith("frame-ancestors 'self' ")),
                policy);
        assertEquals(1, policy.split("frame-ancestors", -1).length - 1, "one frame-ancestors directive: " + policy);
        assertFalse(response.asString().contains("<script>"), "no inline script");
    }

    @Test
    void theFramePageRevalidatesWithItsETag() {
        String etag = anonymous().queryParam("lang", "sv").get(PAGE).then().statusCode(200).extract().header("ETag");
        anonymous().queryParam("lang", "sv").header("If-None-Match", etag).get(PAGE).then().statusCode(304);
        anonymous().queryParam("lang", "en").header("If-None-Match", etag).get(PAGE).then().statusCode(200);
    }

    @Test
    void swedishIsTheDefault() {
        anonymous().get(PAGE).then().statusCode(200).body(containsString("<html lang=\"sv\">"))
                .body(containsString("<cn-member-search lang=\"sv\"></cn-member-search>"));
    }

    @Test
    void badParametersAreRefusedWithoutEchoingThem() {
        String attack = "\"><script>alert(1)</script>";
        for (String parameter : List.of("lang", "municipality", "skill", "type", "page-size", "profile-url")) {
            Response response = anonymous().queryParam(parameter, attack).get(PAGE);
            response.then().statusCode(400).contentType(PROBLEM_JSON)
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Cache-Control", "no-store")
                    .body("errors[0].field", equalTo(parameter));
            assertFalse(response.asString().contains("script"), parameter + ": the value is not echoed: " + response.asString());
        }
        anonymous().queryParam("profile-url", "javascript:alert(1)//{slug}").get(PAGE).then().statusCode(400);
        anonymous().queryParam("profile-url", "https://example.se/medlemmar").get(PAGE).then().statusCode(400);
        anonymous().queryParam("page-size", "0").get(PAGE).then().statusCode(400);
        anonymous().queryParam("page-size", "101").get(PAGE).then().statusCode(400);
        anonymous().queryParam("municipality", "2581,1480").get(PAGE).then().statusCode(400);
    }

    @Test
    void everyValueReachesThePageEscaped() {
        anonymous().queryParam("profile-url", "https://example.se/p?a=1&b='{slug}'").get(PAGE).then().statusCode(200)
                .body(containsString("profile-url=\"https://example.se/p?a=1&amp;b=&#39;{slug}&#39;\""));
    }

    @Test
    void unknownParametersAreIgnored() {
        String body = anonymous().queryParam("q", "<script>alert(1)</script>").queryParam("x\"", "<b>")
                .get(PAGE).then().statusCode(200).extract().asString();
        assertFalse(body.contains("alert") || body.contains("<b>"), body);
    }

    @Test
    void theDemoShowsBothWaysUnderAPolicyThatFramesOnlyItself() {
        Response response = anonymous().get("/embed/demo.html");
        response.then().statusCode(200).contentType(startsWith("text/html"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("&lt;script type=\"module\" src=\"https://DIRECTORY/embed/member-search.js\"&gt;"))
                .body(containsString("&lt;iframe src=\"https://DIRECTORY/embed/search?lang=sv&amp;municipality=2581\""))
                .body(containsString("<cn-member-search"))
                .body(containsString("<iframe src=\"search?"));
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-src 'self'")
                && policy.contains("frame-ancestors 'none'"), policy);
        anonymous().get("/embed/embed.css").then().statusCode(200).contentType(startsWith("text/css"))
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void nothingElseIsServedUnderEmbed() {
        anonymous().get("/embed/other.js").then().statusCode(404);
        anonymous().get("/embed/../application.properties").then().statusCode(404);
        anonymous().get("/embed/").then().statusCode(404);
    }
}
