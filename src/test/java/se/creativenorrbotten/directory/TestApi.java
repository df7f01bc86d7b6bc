package se.creativenorrbotten.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** What every HTTP test needs: the test admin's credentials, unique names, JSON bodies and problem+json checks. */
public final class TestApi {

    /** The admin account that the %test profile creates (application.properties). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    public static final String PROBLEM_TYPES = "https://directory.creativenorrbotten.se/problems/";

    /** What must never leak into an error body. */
    private static final List<String> INTERNALS = List.of("Exception", "java.", "jakarta.", "se.creativenorrbotten",
            "org.hibernate", "com.fasterxml", "\tat ", "SQL");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestApi() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    public static final String CURATOR = "test-curator";
    public static final String CURATOR_PASSWORD = "test-curator-password";
    private static volatile boolean curatorCreated;

    /** As a curator (members only): the account is created at the first call. */
    public static RequestSpecification asCurator() {
        ensureCurator();
        return given().auth().preemptive().basic(CURATOR, CURATOR_PASSWORD);
    }

    /** A request with a JSON body, as the curator. */
    public static RequestSpecification asCurator(Object body) {
        return asCurator().contentType(ContentType.JSON).body(json(body));
    }

    /**
     * Creates the curator through the accounts API at the first call; 409 means it exists already (made
     * by an earlier run on a database that survives, such as PostgreSQL).
     */
    private static synchronized void ensureCurator() {
        if (curatorCreated) {
            return;
        }
        int status = asAdmin(Map.of("username", CURATOR, "password", CURATOR_PASSWORD, "role", "curator"))
                .post("/api/v1/accounts").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("creating the test curator answered " + status);
        }
        curatorCreated = true;
    }

    public static RequestSpecification anonymous() {
        return given();
    }

    /** A request with a JSON body, as the admin. */
    public static RequestSpecification asAdmin(Object body) {
        return asAdmin().contentType(ContentType.JSON).body(json(body));
    }

    /** Ten random lower-case letters and digits, so that each test owns its data. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static String json(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The ETag the service gives the full record of this version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Asserts an RFC 9457 problem: the status, application/problem+json, type, title, status and detail, and
     * nothing internal (exception or class names, SQL, stack traces) in the body.
     */
    public static ValidatableResponse assertProblem(Response response, int status) {
        String body = response.asString();
        // The database's name is not a leak (a backup on PostgreSQL is refused with a pointer to pg_dump); any other
        // "SQL" is.
        String scanned = body.replace("PostgreSQL", "");
        for (String internal : INTERNALS) {
            assertFalse(scanned.contains(internal), () -> "the error body reveals '" + internal + "': " + body);
        }
        return response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", startsWith(PROBLEM_TYPES))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }

    /** Asserts a 400 invalid-input problem whose errors name the field. */
    public static ValidatableResponse assertInvalid(Response response, String field) {
        return assertProblem(response, 400)
                .body("type", equalTo(PROBLEM_TYPES + "invalid-input"))
                .body("errors.field", hasItem(field));
    }

    /** Asserts a 401 problem with a Basic challenge. */
    public static ValidatableResponse assertUnauthorized(Response response) {
        return assertProblem(response, 401).header("WWW-Authenticate", startsWith("Basic "));
    }
}
