package se.creativenorrbotten.directory.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * A page on another site can make a browser send a write with the Basic credentials it has cached for the
 * directory (a body-less POST to publish or archive needs no preflight). No such write succeeds unless its
 * origin is trusted for writes (none is by default); reads and same-origin writes (Swagger UI) work.
 */
@QuarkusTest
class CrossSiteWriteTest {

    private static final String EVIL = "https://evil.example";

    @TestHTTPResource
    URL api;

    private String own() {
        return api.getProtocol() + "://" + api.getHost() + ":" + api.getPort();
    }

    /** A body-less POST (REST Assured would send a form Content-Type with it, which the resource refuses). */
    private static Response publish(RequestSpecification request, String id) {
        return request.contentType(ContentType.JSON).post(TestMembers.MEMBERS + "/" + id + "/publish");
    }

    private static void assertCrossSite(Response response) {
        assertProblem(response, 403)
                .body("type", equalTo(PROBLEM_TYPES + "cross-site-request"))
                .body("detail", containsString("another site"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void aBodylessPublishFromAnotherSiteIsRefusedAndChangesNothing() {
        TestMembers.Created pending = TestCuration.create("pending", TestMembers.freelancer(unique()));

        assertCrossSite(publish(asCurator().header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL), pending.id()));
        assertCrossSite(publish(asCurator().header("Sec-Fetch-Site", "same-site").header("Origin", "https://x.localhost"),
                pending.id()));
        // A browser without Fetch Metadata: judged by Origin.
        assertCrossSite(publish(asCurator().header("Origin", EVIL), pending.id()));
        assertCrossSite(publish(asCurator().header("Origin", "null"), pending.id()));

        TestMembers.fullRecord(pending.id()).then().statusCode(200).body("status", equalTo("pending"))
                .body("version", equalTo((int) pending.version()));
    }

    @Test
    void everyWriteMethodAndPathIsCovered() {
        TestMembers.Created published = TestCuration.create(null, TestMembers.freelancer(unique()));
        String member = TestMembers.MEMBERS + "/" + published.id();
        RequestSpecification crossSite = asAdmin().header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL);

        assertCrossSite(crossSite.post(member + "/archive"));
        assertCrossSite(asAdmin().header("Sec-Fetch-Site", "cross-site").delete(member));
        assertCrossSite(asAdmin().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON)
                .header("If-Match", published.etag()).body("{}").put(member));
        assertCrossSite(asAdmin().header("Sec-Fetch-Site", "cross-site").contentType(TestApi.MERGE_PATCH_JSON)
                .header("If-Match", published.etag()).body("{\"headline\": \"x\"}").patch(member));
        assertCrossSite(asAdmin().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON)
                .body("{\"until\": \"2099-01-01\"}").put(member + "/feature"));
        assertCrossSite(asAdmin().header("Sec-Fetch-Site", "cross-site").delete("/api/v1/skills/photography"));
        assertCrossSite(asAdmin().header("Origin", EVIL).contentType(ContentType.JSON)
                .body(TestApi.json(Map.of("username", "cross-" + unique().toLowerCase(), "password", "a-long-password-1",
                        "role", "admin")))
                .post("/api/v1/accounts"));
        // Applications need no credentials, but a page elsewhere must not file them in a visitor's name either.
        assertCrossSite(anonymous().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications"));

        TestMembers.fullRecord(published.id()).then().statusCode(200).body("status", equalTo("published"))
                .body("version", equalTo((int) published.version()));
    }

    @Test
    void readsFromAnotherSiteAreAnswered() {
        anonymous().header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL).get("/api/v1/municipalities")
                .then().statusCode(200);
    }

    @Test
    void writesFromTheServicesOwnPagesAndFromNonBrowsersWork() {
        TestMembers.Created first = TestCuration.create("pending", TestMembers.freelancer(unique()));
        publish(asCurator().header("Sec-Fetch-Site", "same-origin").header("Origin", own()), first.id())
                .then().statusCode(200).body("status", equalTo("published"));

        TestMembers.Created second = TestCuration.create("pending", TestMembers.freelancer(unique()));
        publish(asCurator().header("Origin", own()), second.id()).then().statusCode(200);

        TestMembers.Created third = TestCuration.create("pending", TestMembers.freelancer(unique()));
        publish(asCurator().header("Sec-Fetch-Site", "none"), third.id()).then().statusCode(200);

        TestMembers.Created fourth = TestCuration.create("pending", TestMembers.freelancer(unique()));
        // curl, a server, a generated client: neither header
        publish(asCurator(), fourth.id()).then().statusCode(200);
    }
}
