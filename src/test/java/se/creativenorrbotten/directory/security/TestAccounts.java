package se.creativenorrbotten.directory.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static se.creativenorrbotten.directory.TestApi.asAdmin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.creativenorrbotten.directory.TestApi;

/** Accounts of a test's own, made through the API, and the account calls the tests repeat. */
public final class TestAccounts {

    public static final String ACCOUNTS = "/api/v1/accounts";
    /** A test-only endpoint that answers the caller's principal name and roles (IdentityProbeResource). */
    public static final String IDENTITY = "/test/identity";

    private TestAccounts() {
    }

    /** An account made by a test: its id, user name and password. */
    public record Created(String id, String username, String password) {
        public String path() {
            return ACCOUNTS + "/" + id;
        }

        public RequestSpecification as() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    public static Map<String, Object> body(String username, String password, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        return body;
    }

    /** Creates an account with a unique user name ("t-" and ten letters and digits) and a unique password. */
    public static Created create(String role) {
        String username = "t-" + TestApi.unique();
        String password = "pw-" + TestApi.unique() + "-" + TestApi.unique();
        String id = asAdmin(body(username, password, role)).post(ACCOUNTS)
                .then().statusCode(201).body("username", equalTo(username)).extract().path("id");
        return new Created(id, username, password);
    }

    public static Response patch(String id, Object changes) {
        return asAdmin().contentType(TestApi.MERGE_PATCH_JSON).body(TestApi.json(changes)).patch(ACCOUNTS + "/" + id);
    }

    public static Response setPassword(String id, String password) {
        return asAdmin().contentType(ContentType.JSON).body(TestApi.json(Map.of("password", password)))
                .put(ACCOUNTS + "/" + id + "/password");
    }
}
