package se.creativenorrbotten.directory.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.security.TestAccounts;

/**
 * What clients generated from the contract (openapi-generator: Java okhttp-gson, TypeScript fetch) rely on,
 * checked in the contract and against the service. .ci/clients-check.sh runs such clients for real.
 */
@QuarkusTest
class GeneratedClientsTest {

    private static final String MEMBERS = TestMembers.MEMBERS;
    private static JsonNode contract;

    @BeforeEach
    void readContract() throws IOException {
        if (contract == null) {
            contract = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        }
    }

    // --- Accept: a generated Java client sends the first JSON type of an operation's responses: for an
    //     operation without a success body that is application/problem+json.

    @Test
    void theOperationsWithoutASuccessBodyAreTheOnesCheckedHere() {
        Set<String> bodiless = new TreeSet<>();
        forEachOperation((path, method, operation) -> {
            if (!hasSuccessBody(operation)) {
                bodiless.add(operation.path("operationId").asText());
            }
        });
        assertEquals(Set.of("deleteMember", "deleteSkill", "setAccountPassword"), bodiless,
                "an operation without a success body must accept Accept: application/problem+json (test it here)");
    }

    /** An Accept the service cannot answer is 406 on any operation: documented on each (Prism found it undocumented). */
    @Test
    void everyOperationDocumentsNotAcceptable() {
        forEachOperation((path, method, operation) -> assertEquals("#/components/responses/NotAcceptable",
                operation.path("responses").path("406").path("$ref").asText(), method + " " + path));
        assertProblem(anonymous().accept("text/csv").get("/api/v1/skills"), 406);
        assertProblem(asAdmin().accept("application/json").get("/api/v1/exports/members.csv"), 406);
        assertProblem(asAdmin().accept("text/csv").delete("/api/v1/skills/no-such-skill"), 406);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/problem+json", "application/json", "application/json, application/problem+json",
            "*/*"})
    void deleteMemberAcceptsWhatClientsSend(String accept) {
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(TestApi.unique()));
        asAdmin().accept(accept).delete(member.path()).then().statusCode(204);
        assertProblem(asAdmin().accept(accept).delete(member.path()), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/problem+json", "application/json", "application/json, application/problem+json"})
    void deleteSkillAcceptsWhatClientsSend(String accept) {
        String slug = "accept-" + TestApi.unique();
        asAdmin(Map.of("slug", slug, "nameSv", "Acceptera " + slug, "nameEn", "Accept " + slug, "branch", "audiovisual"))
                .post("/api/v1/skills").then().statusCode(201);
        asAdmin().accept(accept).delete("/api/v1/skills/" + slug).then().statusCode(204);
        assertProblem(asAdmin().accept(accept).delete("/api/v1/skills/" + slug), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/problem+json", "application/json", "application/json, application/problem+json"})
    void setAccountPasswordAcceptsWhatClientsSend(String accept) {
        TestAccounts.Created account = TestAccounts.create("curator");
        String password = "new-password-" + TestApi.unique();
        asAdmin().accept(accept).contentType(ContentType.JSON).body(TestApi.json(Map.of("password", password)))
                .put("/api/v1/accounts/" + account.id() + "/password").then().statusCode(204);
        assertProblem(asAdmin().accept(accept).contentType(ContentType.JSON).body("{\"password\": \"short\"}")
                .put("/api/v1/accounts/" + account.id() + "/password"), 400);
    }

    @Test
    void anOperationWithABodyStillRefusesOnlyProblemJson() {
        // A body the client cannot take is no success: a JSON read asked only for problem details is 406.
        assertProblem(anonymous().accept("application/problem+json").get("/api/v1/skills"), 406);
    }

    // --- privacyNotice: a boolean the service requires to be true, not enum [true].

    @Test
    void privacyNoticeIsABooleanThatTheServiceRequiresToBeTrue() {
        JsonNode notice = schema("ApplicationConsents").path("properties").path("privacyNotice");
        assertEquals("boolean", notice.path("type").asText());
        assertFalse(notice.has("enum"), "enum [true] breaks generated Java clients");
        assertTrue(notice.path("description").asText().contains("Must be true"));
        assertTrue(names(schema("ApplicationConsents").path("required")).contains("privacyNotice"));
        Map<String, Object> application = application(TestApi.unique());
        ((Map<String, Object>) application.get("consents")).put("privacyNotice", false);
        assertInvalid(apply(application), "consents.privacyNotice");
    }

    // --- the two views of a member, told apart by view.

    @Test
    void getMemberAnswersAOneOfWithADiscriminatorOnView() {
        JsonNode answer = contract.at("/paths/~1api~1v1~1members~1{id}/get/responses/200/content/application~1json/schema");
        assertEquals("#/components/schemas/MemberRepresentation", answer.path("$ref").asText());
        JsonNode representation = schema("MemberRepresentation");
        assertFalse(representation.has("anyOf"));
        assertEquals(2, representation.path("oneOf").size());
        assertEquals("view", representation.at("/discriminator/propertyName").asText());
        Map<String, String> mapping = Map.of("public", "PublicMember", "curator", "Member");
        mapping.forEach((view, name) -> {
            assertEquals("#/components/schemas/" + name, representation.at("/discriminator/mapping/" + view).asText());
            JsonNode mapped = schema(name);
            assertTrue(names(mapped.path("required")).contains("view"), name + " requires view");
            assertEquals(List.of(view), names(mapped.at("/properties/view/enum")), name + ".view");
        });
    }

    @Test
    void thePublicAndTheCuratorViewSayWhichTheyAre() {
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(TestApi.unique()));
        anonymous().get(MEMBERS + "/" + member.slug()).then().statusCode(200)
                .body("view", equalTo("public")).body("featured", equalTo(false)).body("notes", nullValue());
        asAdmin().get(MEMBERS + "/" + member.id()).then().statusCode(200)
                .body("view", equalTo("curator")).body("status", equalTo("published"));
        assertEquals("curator", member.body().getString("view"), "the 201 of a create is the full record");
    }

    @Test
    void aFullRecordSentBackWithItsViewIsAccepted() {
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(TestApi.unique()));
        Map<String, Object> read = TestMembers.stored(member.id());
        read.put("headline", "Sent back as read");
        TestMembers.put(member.id(), member.etag(), read).then().statusCode(200).body("headline", equalTo("Sent back as read"));
        Map<String, Object> patch = new LinkedHashMap<>(Map.of("view", "curator", "headline", "Patched with view"));
        String etag = TestMembers.fullRecord(member.id()).header("ETag");
        TestMembers.patch(member.id(), etag, patch).then().statusCode(200).body("view", equalTo("curator"));
    }

    // --- the merge patch of a member: typed, nullable where null clears.

    @Test
    void thePatchBodyHasEveryWritablePropertyNullableWhereNullClears() {
        JsonNode body = contract.at("/paths/~1api~1v1~1members~1{id}/patch/requestBody/content/application~1merge-patch+json/schema");
        assertEquals("#/components/schemas/MemberPatch", body.path("$ref").asText());
        JsonNode patch = schema("MemberPatch");
        JsonNode input = schema("MemberInput");
        assertEquals(fieldNames(input.path("properties")), fieldNames(patch.path("properties")));
        assertFalse(patch.has("required"));
        Set<String> required = new LinkedHashSet<>(names(input.path("required")));
        assertEquals(Set.of("name", "type", "municipality", "skills"), required);
        for (String name : fieldNames(patch.path("properties"))) {
            JsonNode property = patch.path("properties").path(name);
            boolean nullable = names(property.path("type")).contains("null")
                    || property.path("anyOf").toString().contains("\"null\"");
            assertEquals(!required.contains(name), nullable, name + (nullable ? " is" : " is not") + " nullable");
        }
        for (String readOnly : List.of("view", "id", "slug", "createdAt", "updatedAt", "version", "status", "consents")) {
            assertFalse(patch.path("properties").has(readOnly), readOnly);
        }
    }

    @Test
    void nullInAPatchClearsAnOptionalPropertyAndIsRefusedForARequiredOne() {
        TestMembers.Created member = TestMembers.create(TestMembers.freelancer(TestApi.unique()));
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("phone", null);
        clear.put("serviceArea", null);
        Response cleared = TestMembers.patch(member.id(), member.etag(), clear);
        cleared.then().statusCode(200).body("phone", nullValue()).body("serviceArea", equalTo(List.of()));
        Map<String, Object> noSkills = new LinkedHashMap<>();
        noSkills.put("skills", null);
        assertInvalid(TestMembers.patch(member.id(), cleared.header("ETag"), noSkills), "skills");
    }

    // --- Application: what the service accepts, no more.

    @Test
    void theApplicationSchemaHasNeitherNotesNorContactPublic() {
        JsonNode application = schema("Application");
        assertFalse(application.has("allOf"));
        Set<String> expected = new LinkedHashSet<>(fieldNames(schema("MemberInput").path("properties")));
        expected.removeAll(Set.of("notes", "contactPublic"));
        expected.addAll(List.of("consents", "homepage"));
        assertEquals(expected, new LinkedHashSet<>(fieldNames(application.path("properties"))));
        assertEquals(Set.of("name", "type", "municipality", "skills", "consents"),
                new LinkedHashSet<>(names(application.path("required"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes", "contactPublic"})
    void anApplicationWithAMemberPropertyTheSchemaLeavesOutIsRefused(String property) {
        Map<String, Object> application = application(TestApi.unique());
        application.put(property, property.equals("notes") ? "a note" : true);
        assertInvalid(apply(application), property);
    }

    // --- maxItems of the repeatable search parameters: published and enforced from one set of constants.

    @ParameterizedTest
    @ValueSource(strings = {"type", "skill", "municipality", "language", "status"})
    void aRepeatableSearchParameterTakesAtMostItsMaxItems(String name) {
        JsonNode parameter = null;
        for (JsonNode each : contract.at("/paths/~1api~1v1~1members/get/parameters")) {
            if (each.path("name").asText().equals(name)) {
                parameter = each;
            }
        }
        assertNotNull(parameter, name);
        int maxItems = parameter.at("/schema/maxItems").asInt(-1);
        assertTrue(maxItems > 0, name + " has maxItems");
        List<String> valid = validValues(name, parameter.at("/schema/items"));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < maxItems; i++) {
            values.add(valid.get(i % valid.size()));
        }
        asAdmin().queryParam(name, values).get(MEMBERS).then().statusCode(200);
        values.add(valid.get(0));
        assertInvalid(asAdmin().queryParam(name, values).get(MEMBERS), name)
                .body("errors.detail", hasItem("at most " + maxItems + " values; " + (maxItems + 1) + " were sent"));
    }

    // --- Location and ETag: every header a 201 or 202 carries is declared.

    @Test
    void everyHeaderACreateSendsIsDeclared() {
        String marker = TestApi.unique();
        check("/api/v1/members", "post", asAdmin(TestMembers.freelancer(marker)).post(MEMBERS));
        check("/api/v1/skills", "post", asAdmin(Map.of("slug", "loc-" + marker, "nameSv", "Plats " + marker, "nameEn",
                "Location " + marker, "branch", "audiovisual")).post("/api/v1/skills"));
        check("/api/v1/accounts", "post", asAdmin(TestAccounts.body("loc-" + marker, "password-" + marker, "curator"))
                .post("/api/v1/accounts"));
        check("/api/v1/applications", "post", apply(application(marker)));
    }

    private static void check(String path, String method, Response response) {
        int status = response.statusCode();
        assertTrue(status == 201 || status == 202, path + " answered " + status + ": " + response.asString());
        JsonNode declared = contract.path("paths").path(path).path(method).path("responses").path(Integer.toString(status))
                .path("headers");
        for (String header : List.of("Location", "ETag")) {
            if (response.header(header) != null) {
                assertTrue(declared.has(header), method + " " + path + " sends " + header + " without declaring it");
            }
        }
        if (status == 201) {
            assertNotNull(response.header("Location"), path + " 201 without Location");
        }
    }

    // --- helpers

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getValue().has("responses")) {
                    visitor.visit(path.getKey(), method.getKey(), method.getValue());
                }
            }
        }
    }

    private static boolean hasSuccessBody(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> codes = operation.path("responses").fields(); codes.hasNext();) {
            Map.Entry<String, JsonNode> code = codes.next();
            JsonNode response = code.getValue().has("$ref")
                    ? contract.at(code.getValue().path("$ref").asText().substring(1))
                    : code.getValue();
            if (code.getKey().startsWith("2") && response.has("content")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode schema(String name) {
        JsonNode schema = contract.path("components").path("schemas").path(name);
        assertFalse(schema.isMissingNode(), name);
        return schema;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isTextual()) {
            names.add(node.asText());
        }
        node.forEach(each -> names.add(each.asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Values the service knows for a parameter: the enumeration of its items, else one known value. */
    private static List<String> validValues(String name, JsonNode items) {
        JsonNode itemSchema = items.has("$ref")
                ? contract.at("/components/schemas/" + items.path("$ref").asText().replace("#/components/schemas/", ""))
                : items;
        if (itemSchema.has("enum")) {
            return names(itemSchema.path("enum"));
        }
        return switch (name) {
            case "skill" -> List.of("photography");
            case "municipality" -> anonymous().get("/api/v1/municipalities").jsonPath().getList("items.code", String.class);
            case "language" -> List.of("sv", "en", "fi", "smj");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Map<String, Object> application(String marker) {
        Map<String, Object> body = new LinkedHashMap<>(TestMembers.freelancer(marker));
        body.remove("contactPublic");
        body.put("consents", new LinkedHashMap<>(Map.of("contactPublic", false, "privacyNotice", true)));
        return body;
    }

    private static Response apply(Object body) {
        return anonymous().contentType(ContentType.JSON).body(TestApi.json(body)).post("/api/v1/applications");
    }
}
