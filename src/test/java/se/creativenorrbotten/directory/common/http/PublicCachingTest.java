package se.creativenorrbotten.directory.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.unique;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * Every public read carries an ETag and {@code Cache-Control: public, max-age}; If-None-Match answers 304 without a
 * body; HEAD gives the same headers; anything with credentials stays no-store. Search's own tags: SearchCachingTest.
 */
@QuarkusTest
class PublicCachingTest {

    private static final String PUBLIC = "public, max-age=60";
    private static volatile String memberSlug;

    /** The public reads; {member} stands for a published member's slug (made once, here). */
    private static String path(String template) {
        if (template.contains("{member}") && memberSlug == null) {
            memberSlug = TestMembers.create(TestMembers.freelancer(unique())).slug();
        }
        return template.replace("{member}", String.valueOf(memberSlug));
    }

    private static final String[] READS = {"/api/v1/members?q=foto&page=1&size=5", "/api/v1/members",
        "/api/v1/members/suggest?q=fo", "/api/v1/members/{member}", "/api/v1/skills", "/api/v1/skills/photography",
        "/api/v1/municipalities", "/api/v1/municipalities/2580"};

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/members?q=foto&page=1&size=5", "/api/v1/members", "/api/v1/members/suggest?q=fo",
        "/api/v1/members/{member}", "/api/v1/skills", "/api/v1/skills/photography", "/api/v1/municipalities",
        "/api/v1/municipalities/2580"})
    void everyPublicReadHasAnETagAndPublicCaching(String template) {
        String path = path(template);
        Response first = anonymous().get(path);
        first.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", equalTo(PUBLIC));
        assertEquals(first.header("ETag"), anonymous().get(path).header("ETag"), "the same answer keeps its tag");
    }

    @ParameterizedTest(name = "If-None-Match on {0}")
    @ValueSource(strings = {"/api/v1/members?q=foto&page=1&size=5", "/api/v1/members/suggest?q=fo", "/api/v1/members/{member}",
        "/api/v1/skills", "/api/v1/skills/photography", "/api/v1/municipalities", "/api/v1/municipalities/2580"})
    void ifNoneMatchGives304WithoutBody(String template) {
        String path = path(template);
        Response full = anonymous().get(path);
        String etag = full.header("ETag");
        String vary = full.header("Vary");
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String ifNoneMatch : new String[] {etag, "\"other\", " + etag, "*", "W/" + opaque, opaque}) {
            anonymous().header("If-None-Match", ifNoneMatch).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).header("Cache-Control", equalTo(PUBLIC))
                    .header("Vary", equalTo(vary)).body(emptyString());
        }
        anonymous().header("If-None-Match", "\"other\"").get(path).then().statusCode(200)
                .header("ETag", equalTo(etag)).body(not(emptyString()));
    }

    @ParameterizedTest(name = "HEAD {0}")
    @ValueSource(strings = {"/api/v1/members?q=foto&page=1&size=5", "/api/v1/members/suggest?q=fo", "/api/v1/members/{member}",
        "/api/v1/skills", "/api/v1/skills/photography", "/api/v1/municipalities", "/api/v1/municipalities/2580"})
    void headHasTheSameHeadersWithoutBody(String template) {
        String path = path(template);
        Response get = anonymous().get(path);
        anonymous().head(path).then().statusCode(200).header("ETag", equalTo(get.header("ETag")))
                .header("Cache-Control", equalTo(PUBLIC)).header("Content-Type", startsWith("application/json"))
                .body(emptyString());
        anonymous().header("If-None-Match", get.header("ETag")).head(path).then().statusCode(304)
                .header("ETag", equalTo(get.header("ETag"))).body(emptyString());
    }

    @ParameterizedTest(name = "If-None-Match: [{0}]")
    @ValueSource(strings = {"abc", "\"unterminated", "W/", ",,,", "\"a\" \"b\"", "*, \"a\"", "\"a\";q=1", "W/W/\"a\"",
        "\u00e9t\u00e9", "\"\u00e9\""})
    void aMalformedIfNoneMatchIsAnsweredInFull(String header) {
        for (String template : READS) {
            anonymous().header("If-None-Match", header).get(path(template)).then().statusCode(200)
                    .header("ETag", notNullValue()).body(not(emptyString()));
        }
    }

    @Test
    void aVeryLongIfNoneMatchIsAnsweredInFull() {
        anonymous().header("If-None-Match", "\"x\", ".repeat(1000) + "nonsense").get("/api/v1/skills").then().statusCode(200);
    }

    @Test
    void curatorsGetNoStoreAndNoPublicCaching() {
        String path = path("/api/v1/members/{member}");
        String publicTag = anonymous().get(path).header("ETag");
        Response curator = asCurator().header("If-None-Match", publicTag).get(path);
        curator.then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                .header("ETag", not(containsString("public"))).body("view", equalTo("curator"));
        String fullTag = curator.header("ETag");
        asCurator().header("If-None-Match", fullTag).get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        for (String read : new String[] {"/api/v1/members?q=foto", "/api/v1/members/suggest?q=fo", "/api/v1/skills",
            "/api/v1/municipalities/2580"}) {
            asCurator().header("If-None-Match", "*").get(read).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-store")).header("ETag", nullValue());
        }
    }

    @Test
    void theCuratorTagStillAuthorisesWrites() {
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(unique()));
        TestMembers.patch(member.id(), member.etag(), java.util.Map.of("headline", "Ny rubrik")).then().statusCode(200)
                .header("ETag", equalTo("\"" + (member.version() + 1) + "\""));
        TestMembers.patch(member.id(), member.etag(), java.util.Map.of("headline", "Igen")).then().statusCode(412);
    }

    @Test
    void errorsAreNotCached() {
        anonymous().get("/api/v1/skills/no-such-skill-" + unique()).then().statusCode(404)
                .header("Cache-Control", equalTo("no-store")).header("ETag", nullValue());
        anonymous().header("If-None-Match", "*").queryParam("page", "0").get("/api/v1/members").then().statusCode(400)
                .header("Cache-Control", equalTo("no-store")).header("ETag", nullValue());
    }
}
