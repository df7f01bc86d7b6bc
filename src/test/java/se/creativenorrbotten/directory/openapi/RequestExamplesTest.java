package se.creativenorrbotten.directory.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.asAdmin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.security.TestAccounts;

/**
 * Every request example in the contract is accepted by the service, sent as it is (by the admin) to the
 * operation it illustrates: a member's or an account's id in the path is one made for the purpose, any other
 * path parameter is its own example, and a required If-Match is the resource's current ETag. So an example
 * cannot drift from what the service takes (the skill examples once were refused).
 */
@QuarkusTest
class RequestExamplesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyRequestExampleIsAcceptedByTheService() throws IOException {
        JsonNode contract = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                for (Iterator<Map.Entry<String, JsonNode>> media = operation.path("requestBody").path("content").fields();
                        media.hasNext();) {
                    Map.Entry<String, JsonNode> type = media.next();
                    for (Iterator<Map.Entry<String, JsonNode>> examples = type.getValue().path("examples").fields();
                            examples.hasNext();) {
                        Map.Entry<String, JsonNode> example = examples.next();
                        String name = operation.path("operationId").asText() + " example '" + example.getKey() + "'";
                        Response response = send(path.getKey(), method.getKey(), operation, type.getKey(),
                                example.getValue().path("value"));
                        sent.add(name);
                        if (response.statusCode() / 100 != 2) {
                            refused.put(name, response.statusCode() + " " + response.asString());
                        }
                        cleanUp(path.getKey(), method.getKey(), response);
                    }
                }
            }
        }
        assertTrue(sent.size() >= 8, "request examples found: " + sent);
        assertEquals(Map.of(), refused, "request examples the service refuses (of " + sent + ")");
    }

    private static Response send(String template, String method, JsonNode operation, String mediaType, JsonNode body) {
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        String etag = null;
        while (variables.find()) {
            String variable = variables.group(1);
            String value;
            if (variable.equals("id") && template.startsWith(TestMembers.MEMBERS)) {
                TestMembers.Created member = TestMembers.create(TestMembers.freelancer(TestApi.unique()));
                value = member.id();
                etag = member.etag();
            } else if (variable.equals("id") && template.startsWith("/api/v1/accounts")) {
                value = TestAccounts.create("curator").id();
            } else if (variable.equals("id") && template.startsWith("/api/v1/partner-keys")) {
                value = asAdmin().contentType("application/json").body(TestApi.json(java.util.Map.of("name",
                        "Example partner " + TestApi.unique(), "contact", "webb@example.se", "requestsPerMinute", 100,
                        "origins", java.util.List.of()))).post("/api/v1/partner-keys").path("partnerKey.id");
            } else {
                value = parameter(operation, variable).path("example").asText();
            }
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        RequestSpecification request = asAdmin().contentType(mediaType).body(body.toString());
        JsonNode ifMatch = parameter(operation, "If-Match");
        if (ifMatch.path("required").asBoolean() && etag != null) {
            request.header("If-Match", etag);
        }
        return request.request(method.toUpperCase(), path.toString());
    }

    /** What an example made that other tests should not meet: the new skill goes again. */
    private static void cleanUp(String template, String method, Response response) {
        if (template.equals("/api/v1/skills") && method.equals("post") && response.statusCode() == 201) {
            asAdmin().delete(response.header("Location")).then().statusCode(204);
        }
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
