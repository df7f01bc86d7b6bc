package se.creativenorrbotten.directory.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.security.TestAccounts.ACCOUNTS;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.security.TestAccounts.Created;

/** Accounts are for admins only: anonymous callers get 401 with a Basic challenge, curators 403; nothing changes. */
@QuarkusTest
class AccountAuthorizationTest {

    private static Created target;

    @Inject
    TestDatabase database;

    /** An accounts operation: method, path ({id} is the target account), content type and a body made from a marker. */
    record Operation(String method, String path, String contentType, Function<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> operationsAndCallers() {
        String json = "application/json";
        List<Operation> operations = List.of(
                new Operation("GET", ACCOUNTS, null, m -> null),
                new Operation("POST", ACCOUNTS, json, m -> TestAccounts.body("refused-" + m, "a long password 1", "admin")),
                new Operation("GET", ACCOUNTS + "/{id}", null, m -> null),
                new Operation("PATCH", ACCOUNTS + "/{id}", TestApi.MERGE_PATCH_JSON, m -> Map.of("role", "admin")),
                new Operation("PUT", ACCOUNTS + "/{id}/password", json, m -> Map.of("password", "refused password " + m)));
        List<Arguments> callers = List.of(
                Arguments.of(named("no credentials", (Supplier<RequestSpecification>) RestAssured::given), 401),
                Arguments.of(named("a wrong password", (Supplier<RequestSpecification>) () -> RestAssured.given().auth()
                        .preemptive().basic(TestApi.ADMIN, "not-the-password")), 401),
                Arguments.of(named("a curator", (Supplier<RequestSpecification>) TestApi::asCurator), 403));
        return operations.stream().flatMap(operation -> callers.stream()
                .map(caller -> Arguments.of(operation, caller.get()[0], caller.get()[1])));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("operationsAndCallers")
    void onlyAdminsMayUseTheAccountsApi(Operation operation, Supplier<RequestSpecification> caller, int status) {
        ensureTarget();
        Map<String, Object> before = asAdmin().get(target.path()).then().statusCode(200).extract().jsonPath().getMap("$");
        String marker = unique();
        RequestSpecification request = caller.get();
        Object body = operation.body().apply(marker);
        if (body != null) {
            request.contentType(operation.contentType()).body(TestApi.json(body));
        }

        Response response = request.request(operation.method(), operation.path().replace("{id}", target.id()));

        if (status == 403) {
            assertProblem(response, 403).body("type", equalTo(TestApi.PROBLEM_TYPES + "forbidden"));
        } else {
            assertUnauthorized(response);
        }
        assertEquals(before, asAdmin().get(target.path()).then().extract().jsonPath().getMap("$"));
        assertEquals(0, database.count("select count(*) from account where username = ?", "refused-" + marker));
        target.as().get(TestAccounts.IDENTITY).then().statusCode(200);
    }

    private static synchronized void ensureTarget() {
        if (target == null) {
            target = TestAccounts.create("curator");
        }
    }
}
