package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.partner.PartnerKeyRegistry;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * The authorization matrix, derived from the committed contract: every operation with a security requirement is
 * sent by every caller who must be refused (no credentials, an existing user's wrong password, a disabled account, a
 * curator where the contract asks for an admin, an unknown and a disabled partner key where the operation takes
 * one). Each refusal is a 401 (403 for the curator) problem and changes no row of any table; the same request with
 * the admin's credentials then succeeds with the contract's 2xx, so each refusal is about the caller, not the request.
 * An operation added to the contract without a request here fails {@link #everySecuredOperationHasARequest}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Fewer secured operations than this means the contract was misread, not that the API shrank. */
    private static final int AT_LEAST_OPERATIONS = 25;

    /**
     * Rows that change when a request is refused, by design: the buckets of the login throttle and the rate limits
     * (PostgreSQL keeps them in the database, H2 in memory). Every other table must not change at all.
     */
    private static final Set<String> BOOKKEEPING_TABLES = Set.of("limit_bucket");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicInteger ROWS_CHANGED = new AtomicInteger();
    private static final Set<String> OPERATIONS = Collections.synchronizedSet(new TreeSet<>());
    private static final Set<String> IDENTITIES = Collections.synchronizedSet(new TreeSet<>());

    @Inject
    AgroalDataSource dataSource;

    /** An operation of the contract and what its security requirement says. */
    record Operation(String id, String method, String path, boolean anonymousAllowed, boolean basic, Set<String> roles,
            boolean partnerKey, String contentType, int success) {
        boolean adminOnly() {
            return roles.equals(Set.of("admin"));
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id + ")";
        }
    }

    /** A request for an operation: path parameters, query, headers and body, made valid for the admin. */
    record Call(Map<String, String> pathParameters, Map<String, String> query, Map<String, String> headers, Object body) {
        static Call of() {
            return new Call(Map.of(), Map.of(), Map.of(), null);
        }

        Call path(String name, String value) {
            Map<String, String> parameters = new LinkedHashMap<>(pathParameters);
            parameters.put(name, value);
            return new Call(parameters, query, headers, body);
        }

        Call query(String name, String value) {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            parameters.put(name, value);
            return new Call(pathParameters, parameters, headers, body);
        }

        Call header(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Call(pathParameters, query, all, body);
        }

        Call body(Object value) {
            return new Call(pathParameters, query, headers, value);
        }

        Response send(RequestSpecification request, Operation operation) {
            query.forEach(request::queryParam);
            headers.forEach(request::header);
            if (body != null) {
                String text = TestApi.json(body);
                request.contentType(operation.contentType()).body(text.getBytes(StandardCharsets.UTF_8));
            }
            String path = operation.path();
            for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            assertTrue(!path.contains("{"), () -> "a path parameter is not filled: " + operation);
            return request.request(operation.method(), path);
        }
    }

    /** A caller who must be refused: which operations it applies to, how it calls and what it gets. */
    record Identity(String name, Predicate<Operation> appliesTo, Supplier<RequestSpecification> caller, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The requests, by operation id: each builds what it needs (a member, an account, a key, an import job) so that
     * the admin's request succeeds. A new secured operation needs an entry here.
     */
    private static final Map<String, Supplier<Call>> REQUESTS = requests();

    private static Map<String, Supplier<Call>> requests() {
        Map<String, Supplier<Call>> requests = new TreeMap<>();
        // Accounts.
        requests.put("listAccounts", Call::of);
        requests.put("createAccount", () -> Call.of().body(TestAccounts.body("m-" + unique(), "pw-" + unique() + unique(), "curator")));
        requests.put("getAccount", () -> Call.of().path("id", TestAccounts.create("curator").id()));
        requests.put("patchAccount", () -> Call.of().path("id", TestAccounts.create("curator").id()).body(Map.of("role", "admin")));
        requests.put("setAccountPassword", () -> Call.of().path("id", TestAccounts.create("curator").id())
                .body(Map.of("password", "new password " + unique())));
        // Export and import.
        requests.put("exportMembersCsv", Call::of);
        requests.put("exportMembersNdjson", Call::of);
        requests.put("getImportTemplate", Call::of);
        requests.put("startImport", () -> Call.of().query("dryRun", "true").body(TestMembers.freelancer(unique())));
        requests.put("getImport", () -> Call.of().path("id", finishedImport()));
        requests.put("getImportErrors", () -> Call.of().path("id", finishedImport()));
        // Members and curation.
        requests.put("createMember", () -> Call.of().body(TestMembers.freelancer(unique())));
        // What a curator's credentials unlock in a search (a public search never checks credentials).
        requests.put("searchMembers", () -> Call.of().query("status", "pending"));
        requests.put("getMember", () -> Call.of().path("id", TestMembers.create(TestMembers.freelancer(unique())).id()));
        requests.put("replaceMember", () -> {
            String marker = unique();
            TestMembers.Created member = TestMembers.create(TestMembers.freelancer(marker));
            Map<String, Object> body = TestMembers.freelancer(marker);
            body.put("headline", "Replaced " + marker);
            return Call.of().path("id", member.id()).header("If-Match", member.etag()).body(body);
        });
        requests.put("patchMember", () -> {
            TestMembers.Created member = TestMembers.create(TestMembers.freelancer(unique()));
            return Call.of().path("id", member.id()).header("If-Match", member.etag()).body(Map.of("headline", "Patched"));
        });
        requests.put("deleteMember", () -> {
            TestMembers.Created member = TestMembers.create(TestMembers.freelancer(unique()));
            return Call.of().path("id", member.id()).header("If-Match", member.etag());
        });
        requests.put("archiveMember", () -> Call.of().path("id", TestMembers.create(TestMembers.freelancer(unique())).id()).body(Map.of()));
        requests.put("exportMember", () -> Call.of().path("id", TestMembers.create(TestMembers.freelancer(unique())).id()));
        requests.put("memberHistory", () -> Call.of().path("id", TestMembers.create(TestMembers.freelancer(unique())).id()));
        requests.put("featureMember", () -> Call.of().path("id", TestMembers.create(TestMembers.freelancer(unique())).id())
                .body(Map.of("until", TestCuration.today().plusDays(7).toString())));
        requests.put("unfeatureMember", () -> {
            String id = TestMembers.create(TestMembers.freelancer(unique())).id();
            asAdmin(Map.of("until", TestCuration.today().plusDays(7).toString())).put(TestMembers.MEMBERS + "/" + id + "/feature")
                    .then().statusCode(200);
            return Call.of().path("id", id);
        });
        requests.put("publishMember", () -> Call.of().path("id", TestCuration.create("pending", TestMembers.freelancer(unique())).id())
                .body(Map.of()));
        requests.put("rejectMember", () -> Call.of().path("id", TestCuration.create("pending", TestMembers.freelancer(unique())).id())
                .body(Map.of("reason", "Not a creative business")));
        // Partner keys.
        requests.put("listPartnerKeys", Call::of);
        requests.put("createPartnerKey", () -> Call.of().body(partnerKey()));
        requests.put("getPartnerKey", () -> Call.of().path("id", createPartnerKey().path("partnerKey.id")));
        requests.put("patchPartnerKey", () -> Call.of().path("id", createPartnerKey().path("partnerKey.id"))
                .body(Map.of("contact", "ny@example.se")));
        // Skills.
        requests.put("createSkill", () -> Call.of().body(TestSkills.skill(unique())));
        requests.put("updateSkill", () -> Call.of().path("slug", TestSkills.create(unique()))
                .body(Map.of("nameSv", "Ändrad", "nameEn", "Changed", "branch", "fashion")));
        requests.put("deleteSkill", () -> Call.of().path("slug", TestSkills.create(unique())));
        // Public operations that take a partner key.
        requests.put("applyForListing", () -> {
            Map<String, Object> body = new LinkedHashMap<>(TestMembers.freelancer(unique()));
            body.remove("contactPublic");
            body.put("consents", Map.of("contactPublic", false, "privacyNotice", true));
            return Call.of().body(body);
        });
        requests.put("listMemberChanges", Call::of);
        requests.put("suggestMembers", () -> Call.of().query("q", "test"));
        requests.put("listMunicipalities", Call::of);
        requests.put("getMunicipality", () -> Call.of().path("code", "2580"));
        requests.put("listSkills", Call::of);
        requests.put("getSkill", () -> Call.of().path("slug", "ux-design"));
        return requests;
    }

    private static Map<String, Object> partnerKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", "Matrix " + unique());
        key.put("contact", "webb@example.se");
        key.put("requestsPerMinute", 600);
        key.put("origins", List.of());
        return key;
    }

    private static Response createPartnerKey() {
        Response created = asAdmin(partnerKey()).post("/api/v1/partner-keys");
        created.then().statusCode(201);
        return created;
    }

    /** An import job of the admin's that has ended: a CSV dry run with one bad row, so that it has errors to list. */
    private static String finishedImport() {
        String marker = unique();
        String csv = "namn;typ;kommun;kompetenser\r\nBra " + marker + ";freelancer;2580;ux-design\r\n"
                + "Fel " + marker + ";freelancer;9999;ux-design\r\n";
        Response started = asAdmin().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", "true").post("/api/v1/imports");
        started.then().statusCode(202);
        String location = started.header("Location");
        awaitImport(location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until the import job at this path has ended, so that no background write falls between two snapshots. */
    private static void awaitImport(String location) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String status = asAdmin().get(location).then().statusCode(200).extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the import " + location + " did not end: " + status);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The operations of the committed contract that have a security requirement, read from openapi/openapi.yaml. */
    static List<Operation> securedOperations() throws IOException {
        JsonNode contract = YAML.readTree(Path.of("openapi/openapi.yaml").toFile());
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> entry = methods.next();
                JsonNode operation = entry.getValue();
                JsonNode security = operation.get("security");
                if (!operation.has("operationId") || security == null || security.isEmpty()) {
                    continue;
                }
                boolean anonymous = false;
                boolean basic = false;
                boolean partnerKey = false;
                Set<String> roles = new TreeSet<>();
                for (JsonNode requirement : security) {
                    anonymous |= requirement.isEmpty();
                    partnerKey |= requirement.has("partnerKey");
                    if (requirement.has("basicAuth")) {
                        basic = true;
                        requirement.get("basicAuth").forEach(role -> roles.add(role.asText()));
                    }
                }
                Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
                String contentType = types.hasNext() ? types.next() : null;
                int success = 0;
                for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext();) {
                    String code = codes.next();
                    if (code.startsWith("2") && (success == 0 || Integer.parseInt(code) < success)) {
                        success = Integer.parseInt(code);
                    }
                }
                operations.add(new Operation(operation.get("operationId").asText(), entry.getKey().toUpperCase(),
                        path.getKey(), anonymous, basic, roles, partnerKey, contentType, success));
            }
        }
        return operations;
    }

    /** The callers who must be refused, and where. */
    static List<Identity> identities() {
        return List.of(
                new Identity("anonymous", operation -> !operation.anonymousAllowed(), RestAssured::given, 401),
                new Identity("an existing user's wrong password", Operation::basic,
                        () -> RestAssured.given().auth().preemptive().basic(TestApi.ADMIN, "not-the-admin-password"), 401),
                new Identity("a disabled admin account", Operation::basic, () -> disabledAdmin().as(), 401),
                new Identity("a curator", Operation::adminOnly, TestApi::asCurator, 403),
                new Identity("an unknown partner key", Operation::partnerKey,
                        () -> RestAssured.given().header("X-Api-Key", "cnk_" + unique() + unique()), 401),
                new Identity("a disabled partner key", Operation::partnerKey,
                        () -> RestAssured.given().header("X-Api-Key", disabledPartnerKey()), 401));
    }

    private static TestAccounts.Created disabledAdmin;
    private static String disabledPartnerKey;

    /** Makes the disabled account and key and the curator, once; answers whether it wrote anything now. */
    private static synchronized boolean prepareIdentities() {
        if (disabledAdmin != null) {
            return false;
        }
        TestApi.asCurator().get(TestAccounts.IDENTITY).then().statusCode(200);
        disabledPartnerKey();
        disabledAdmin();
        return true;
    }

    private static synchronized TestAccounts.Created disabledAdmin() {
        if (disabledAdmin == null) {
            TestAccounts.Created account = TestAccounts.create("admin");
            account.as().get(TestAccounts.IDENTITY).then().statusCode(200); // its password works while it is enabled
            TestAccounts.patch(account.id(), Map.of("enabled", false)).then().statusCode(200);
            disabledAdmin = account;
        }
        return disabledAdmin;
    }

    private static synchronized String disabledPartnerKey() {
        if (disabledPartnerKey == null) {
            Response created = createPartnerKey();
            String key = created.path("key");
            RestAssured.given().header("X-Api-Key", key).get(TestSkills.SKILLS).then().statusCode(200);
            asAdmin().contentType(TestApi.MERGE_PATCH_JSON).body(TestApi.json(Map.of("enabled", false)))
                    .patch("/api/v1/partner-keys/" + created.path("partnerKey.id")).then().statusCode(200);
            // The key's use is written at the registry's next refresh: now, not between two snapshots.
            Arc.container().instance(PartnerKeyRegistry.class).get().refresh();
            disabledPartnerKey = key;
        }
        return disabledPartnerKey;
    }

    @Test
    void everySecuredOperationHasARequest() throws IOException {
        List<Operation> operations = securedOperations();
        Set<String> missing = new TreeSet<>();
        for (Operation operation : operations) {
            if (!REQUESTS.containsKey(operation.id())) {
                missing.add(operation.toString());
            }
        }
        assertEquals(Set.of(), missing, "secured operations of the contract without a request in this test: add one");
        assertTrue(operations.stream().filter(o -> !o.anonymousAllowed()).count() >= AT_LEAST_OPERATIONS,
                () -> "only " + operations.size() + " secured operations read from the contract");
        for (Operation operation : operations) {
            assertTrue(operation.success() >= 200 && operation.success() < 300, () -> operation + " has no 2xx response");
            assertTrue(identities().stream().anyMatch(identity -> identity.appliesTo().test(operation)),
                    () -> operation + " has a security requirement that no refused caller here tests");
        }
        Set<String> unused = new TreeSet<>(REQUESTS.keySet());
        operations.forEach(operation -> unused.remove(operation.id()));
        assertEquals(Set.of(), unused, "requests for operations the contract does not have (or no longer secures)");
    }

    /** For each secured operation: each refused caller (401/403, nothing changed), then the admin (2xx). */
    @TestFactory
    Stream<DynamicNode> everyRefusedCallerOfEverySecuredOperation() throws IOException {
        List<Operation> operations = securedOperations();
        assertTrue(operations.size() >= AT_LEAST_OPERATIONS, () -> "only " + operations.size() + " operations");
        return operations.stream().filter(operation -> REQUESTS.containsKey(operation.id())).map(operation -> {
            Supplier<Call> prepared = memoized(REQUESTS.get(operation.id()));
            // The tables after one refused request are the tables before the next one of the same operation.
            Map<String, String>[] tables = newSnapshotHolder();
            List<DynamicNode> tests = new ArrayList<>();
            for (Identity identity : identities()) {
                if (identity.appliesTo().test(operation)) {
                    tests.add(DynamicTest.dynamicTest("as " + identity + " -> " + identity.status(),
                            () -> refused(operation, prepared, identity, tables)));
                }
            }
            tests.add(DynamicTest.dynamicTest("as the admin -> " + operation.success(), () -> {
                Response response = prepared.get().send(asAdmin(), operation);
                assertEquals(operation.success(), response.statusCode(), () -> operation + ": " + response.asString());
                if (operation.id().equals("startImport")) {
                    awaitImport(response.header("Location"));
                }
            }));
            return DynamicContainer.dynamicContainer(operation.toString(), tests);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newSnapshotHolder() {
        return new Map[1];
    }

    private void refused(Operation operation, Supplier<Call> prepared, Identity identity, Map<String, String>[] tables) {
        boolean wrote = prepareIdentities();
        Call call = prepared.get(); // made before the first snapshot of the operation (memoized)
        if (wrote || tables[0] == null) {
            tables[0] = snapshot();
        }
        RequestSpecification caller = identity.caller().get();
        Map<String, String> before = tables[0];

        Response response = call.send(caller, operation);

        SENT.incrementAndGet();
        OPERATIONS.add(operation.id());
        IDENTITIES.add(identity.name());
        if (identity.status() == 401 && operation.basic() && !identity.name().contains("partner key")) {
            assertUnauthorized(response);
        } else {
            assertProblem(response, identity.status());
        }
        Map<String, String> after = snapshot();
        tables[0] = after;
        Set<String> changed = new TreeSet<>();
        before.forEach((table, content) -> {
            if (!content.equals(after.get(table))) {
                changed.add(table + " " + content + " -> " + after.get(table));
            }
        });
        ROWS_CHANGED.addAndGet(changed.size());
        assertEquals(before.keySet(), after.keySet(), "tables appeared or vanished");
        assertEquals(Set.of(), changed, () -> operation + " as " + identity + " changed rows");
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Every table's row count and a SHA-256 of its rows (in a stable order), by table name. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet found = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    names.add(found.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                if (BOOKKEEPING_TABLES.contains(name.toLowerCase())) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("select * from \"" + name + "\"")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(result.getString(i)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                rows.forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
                tables.put(name.toLowerCase(), rows.size() + " rows " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
            }
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(tables.containsKey("member") && tables.containsKey("account"), () -> "tables read: " + tables.keySet());
        return tables;
    }

    @AfterAll
    static void report() {
        // bench/battery/junit.sh reads this line.
        System.out.println("authorization matrix: " + OPERATIONS.size() + " operations × " + IDENTITIES.size()
                + " identities = " + SENT.get() + " requests, " + ROWS_CHANGED.get() + " tables changed");
    }
}
