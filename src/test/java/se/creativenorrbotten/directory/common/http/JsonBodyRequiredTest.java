package se.creativenorrbotten.directory.common.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;

/**
 * A body that is not declared as JSON is refused (415) on every write, whatever the resource does with it: a
 * page on another site can send text/plain, a form or a body without Content-Type with no preflight.
 */
@QuarkusTest
class JsonBodyRequiredTest {

    @TestHTTPResource
    URL api;

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "POST, publish, text/plain",
            "POST, archive, text/plain",
            "POST, reject, text/plain",
            "PUT, feature, text/plain",
            "POST, publish, application/x-www-form-urlencoded",
            "POST, archive, application/xml",
            "POST, publish, text/plain; charset=utf-8" })
    void aNonJsonBodyOnACurationActionIs415(String method, String action, String contentType) {
        TestMembers.Created member = TestCuration.create(null, TestMembers.freelancer(unique()));
        String body = action.equals("feature") ? "{\"until\": \"2099-01-01\"}" : "{\"reason\": \"x\"}";

        assertProblem(asCurator().contentType(contentType).body(body)
                .request(method, TestMembers.MEMBERS + "/" + member.id() + "/" + action), 415)
                .body("type", equalTo(PROBLEM_TYPES + "unsupported-media-type"));

        TestMembers.fullRecord(member.id()).then().body("version", equalTo((int) member.version()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "publish", "archive", "reject" })
    void aBodyWithoutContentTypeIs415(String action) throws Exception {
        TestMembers.Created member = TestCuration.create("pending", TestMembers.freelancer(unique()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.toString()).resolve(TestMembers.MEMBERS + "/" + member.id()
                + "/" + action))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestApi.CURATOR + ":" + TestApi.CURATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"x\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(TestApi.PROBLEM_JSON));
        assertEquals(PROBLEM_TYPES + "unsupported-media-type", JsonPath.from(response.body()).getString("type"));
        TestMembers.fullRecord(member.id()).then().body("status", equalTo("pending"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=UTF-8" })
    void jsonBodiesAndBodylessActionsStillWork(String contentType) {
        TestMembers.Created member = TestCuration.create("pending", TestMembers.freelancer(unique()));
        asCurator().contentType(contentType).body("{}").post(TestMembers.MEMBERS + "/" + member.id() + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
        TestCuration.action(member.id(), "archive", null).then().statusCode(200).body("status", equalTo("archived"));
    }
}
