package se.creativenorrbotten.directory.common.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.security.TestAccounts;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Text that breaks clients never gets in: a body that is not strict UTF-8 is 400 malformed-request, a string
 * with a control character, an unpaired surrogate or a noncharacter is 400 invalid-input naming the field, on
 * every write path; nothing is stored after a refusal. A URL whose path or query is not UTF-8 text, or holds
 * NUL, is 400 too, and never reaches the database (PostgreSQL answers U+0000 with an error: a 500 before).
 */
@QuarkusTest
class TextInputTest {

    /** Where the bad text goes in a body template. */
    private static final String SLOT = "@@";

    @Inject
    TestDatabase database;

    /** One write operation, ready to take a body: where, how, which field holds the slot, and what it changes. */
    record Target(String method, String path, String contentType, Map<String, String> headers, boolean anonymous,
            String template, String field, Supplier<Object> state) {

        Response send(byte[] body) {
            RequestSpecification request = anonymous ? given() : asAdmin();
            request.contentType(contentType).headers(headers).body(body);
            return request.request(method, path);
        }
    }

    /** A write path: makes a fresh target (and what it needs) for a marker. */
    record WritePath(String name, Function<TextInputTest, Function<String, Target>> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<WritePath> writePaths() {
        return List.of(
                new WritePath("POST /members", test -> test::createMember),
                new WritePath("PUT /members/{id}", test -> test::replaceMember),
                new WritePath("PATCH /members/{id}", test -> test::patchMember),
                new WritePath("POST /applications", test -> test::apply),
                new WritePath("POST /members/{id}/reject", test -> marker -> test.statusAction(marker, "pending", "reject")),
                new WritePath("POST /members/{id}/archive", test -> marker -> test.statusAction(marker, "published", "archive")),
                new WritePath("PUT /members/{id}/feature", test -> test::feature),
                new WritePath("POST /skills", test -> test::createSkill),
                new WritePath("PUT /skills/{slug}", test -> test::updateSkill),
                new WritePath("POST /accounts", test -> test::createAccount),
                new WritePath("PATCH /accounts/{id}", test -> test::patchAccount),
                new WritePath("PUT /accounts/{id}/password", test -> test::setPassword));
    }

    /** Malformed UTF-8, each as hex bytes. */
    static List<String> malformedUtf8() {
        return List.of(
                "C0 BC",             // overlong '<'
                "E0 80 BC",          // overlong '<' in three bytes
                "ED A0 80",          // an encoded surrogate
                "F4 90 80 80",       // above U+10FFFF
                "F8 88 80 80 80",    // five bytes
                "FC 84 80 80 80 80", // six bytes
                "FF",
                "80",                // a continuation byte alone
                "C3 41");            // a start byte without its continuation
    }

    /** JSON escapes of text no field accepts. */
    static List<String> badEscapes() {
        return List.of("\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\uffff");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writePaths")
    void aBodyThatIsNotUtf8Is400MalformedRequestAndChangesNothing(WritePath path) {
        Target target = path.prepare().apply(this).apply(unique());
        Object before = target.state().get();
        String[] halves = target.template().split(SLOT, -1);
        byte[] head = halves[0].getBytes(StandardCharsets.UTF_8);
        for (String hex : malformedUtf8()) {
            byte[] body = concat(head, HexFormat.of().parseHex(hex.replace(" ", "")), halves[1].getBytes(StandardCharsets.UTF_8));

            inCase(hex, () -> assertProblem(target.send(body), 400)
                    .body("type", equalTo(PROBLEM_TYPES + "malformed-request"))
                    .body("detail", containsString("not valid UTF-8 (at byte " + head.length + ")")));
        }
        assertEquals(before, target.state().get(), "nothing may change after a refusal");
    }

    /** Jackson would detect UTF-16 and UTF-32 by their NUL bytes and read them; the API takes UTF-8 only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writePaths")
    void aBodyInUtf16OrUtf32Is400MalformedRequestAndChangesNothing(WritePath path) {
        Target target = path.prepare().apply(this).apply(unique());
        Object before = target.state().get();
        // U+4E2D is 4E 2D in UTF-16BE: only the NUL bytes tell the body from ASCII.
        String json = target.template().replace(SLOT, "\u4E2D");
        for (String encoding : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            byte[] body = json.getBytes(java.nio.charset.Charset.forName(encoding));

            inCase(encoding, () -> assertProblem(target.send(body), 400)
                    .body("type", equalTo(PROBLEM_TYPES + "malformed-request"))
                    .body("detail", containsString("not valid UTF-8")));
        }
        assertEquals(before, target.state().get(), "nothing may change after a refusal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writePaths")
    void badTextIs400InvalidInputNamingTheFieldAndChangesNothing(WritePath path) {
        Target target = path.prepare().apply(this).apply(unique());
        Object before = target.state().get();
        for (String escape : badEscapes()) {
            Response response = target.send(target.template().replace(SLOT, escape).getBytes(StandardCharsets.UTF_8));

            inCase(escape, () -> {
                assertInvalid(response, target.field());
                assertNoUnpairedSurrogate(response);
            });
        }
        assertEquals(before, target.state().get(), "nothing may change after a refusal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "headline", "description", "website", "logoUrl", "portfolioLinks[1]", "socialLinks[0].url",
        "email", "phone", "school", "notes"})
    void everyTextFieldOfAMemberRefusesNulAndLoneSurrogates(String field) {
        for (String escape : List.of("\\u0000", "\\ud800")) {
            String marker = unique();
            Map<String, Object> member = TestMembers.student(marker);
            member.put("portfolioLinks", new ArrayList<>(List.of("https://a.example", "https://b.example/")));
            member.put("socialLinks", new ArrayList<>(List.of(TestMembers.link("instagram", "https://www.instagram.com/x"))));
            String json = TestApi.json(member);
            String value = switch (field) {
                case "portfolioLinks[1]" -> "https://b.example/";
                case "socialLinks[0].url" -> "https://www.instagram.com/x";
                default -> String.valueOf(member.get(field));
            };
            String body = field.equals("notes")
                    ? json.replaceFirst("}$", ",\"notes\":\"a" + escape.replace("\\", "\\\\") + "b\"}")
                    : json.replace("\"" + value + "\"", "\"" + value.substring(0, 2) + escape + value.substring(2) + "\"");

            Response response = asAdmin().contentType(ContentType.JSON).body(body).post(MEMBERS);

            assertInvalid(response, field).body("errors.detail", hasItem(anyOf(
                    containsString("control character (U+0000)"), containsString("unpaired surrogate (U+D800)"))));
            assertEquals(0, database.membersMarked(marker));
        }
    }

    @Test
    void multiLineFieldsTakeLineBreaksAndTabs() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        String description = "Första raden " + marker + "\n\tandra raden\r\ntredje raden";
        member.put("description", description);
        member.put("notes", "Ring efter\nmediaveckan\t(2027)");

        TestMembers.Created created = TestMembers.create(member);

        TestMembers.fullRecord(created.id()).then().statusCode(200)
                .body("description", equalTo(description))
                .body("notes", equalTo("Ring efter\nmediaveckan\t(2027)"));
        TestCuration.action(created.id(), "archive", Map.of("reason", "Flyttat\nfrån länet")).then().statusCode(200);
        assertEquals("Flyttat\nfrån länet", TestCuration.history(created.id()).get(0).get("reason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u2028"})
    void aNameIsOneLine(String lineBreak) {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "Två " + marker + lineBreak + "rader");

        assertInvalid(asAdmin(member).post(MEMBERS), "name")
                .body("errors.detail", hasItem(containsString("must be a single line")));
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void emojiAndEveryScriptAreWelcome() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "Foto 📷 " + marker + " Árjepluovve");
        member.put("headline", "Ψηφιακό 東京 👩‍💻");
        String raw = TestApi.json(member);
        // The same emoji once as raw UTF-8 and once as a JSON surrogate-pair escape.
        String body = raw.replace("👩", "\\ud83d\\udc69");

        Response response = asAdmin().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(MEMBERS);

        response.then().statusCode(201).body("name", equalTo("Foto 📷 " + marker + " Árjepluovve"))
                .body("headline", equalTo("Ψηφιακό 東京 👩‍💻"));
    }

    @Test
    void aRefusedPatchKeepsTheOldValue() {
        String marker = unique();
        TestMembers.Created created = TestMembers.create(TestMembers.freelancer(marker));
        Map<String, Object> before = TestMembers.stored(created.id());

        String patch = "{\"name\": \"Ny\\u0000 " + marker + "\", \"description\": \"ok\"}";
        assertInvalid(TestMembers.patch(created.id(), created.etag(), patch), "name");

        assertEquals(before, TestMembers.stored(created.id()));
        TestMembers.fullRecord(created.id()).then().body("name", equalTo("Testmedlem " + marker));
    }

    @Test
    void anEchoedValueNeverCarriesAnUnpairedSurrogate() {
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("type", "frilans" + SLOT);
        String body = TestApi.json(member).replace(SLOT, "\\ud800");

        Response response = asAdmin().contentType(ContentType.JSON).body(body).post(MEMBERS);

        assertInvalid(response, "type");
        assertNoUnpairedSurrogate(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/members/%00",
        "/api/v1/members/a%00b",
        "/api/v1/members/%C0%BC",
        "/api/v1/members/a%FFb",
        "/api/v1/members/%ED%A0%80",
        "/api/v1/members/%E2%82",
        "/api/v1/members/00000000-0000-0000-0000-000000000000%00/history",
        "/api/v1/skills/%00",
        "/api/v1/municipalities/%00",
        "/api/v1/accounts/%00",
        "/api/v1/members?q=%00",
        "/api/v1/members?q=a%00b",
        "/api/v1/members?q=%FF",
        "/api/v1/members?q=%C0%BC",
        "/api/v1/members?skill=%00",
        "/api/v1/members?municipality=%C0%BC",
        "/api/v1/members?serves=%00",
        "/api/v1/members?sort=%1B",
        "/api/v1/members?status=%00",
        "/api/v1/members?seeks=%ED%A0%80",
        "/api/v1/members?seeks=internship&seeks=%FF",
        "/api/v1/members?offers=%00",
        "/api/v1/members?offers=mentoring%C0%BC",
        "/api/v1/members?%00=x",
        "/api/v1/members/suggest?q=%00",
        "/api/v1/members/suggest?q=%FF",
        "/api/v1/accounts?page=%00",
    })
    void aUrlThatIsNotUtf8TextIs400NeverA500(String url) {
        for (RequestSpecification caller : List.of(anonymous(), asAdmin())) {
            Response response = caller.urlEncodingEnabled(false).get(url);
            assertProblem(response, 400).body("type", anyOf(equalTo(PROBLEM_TYPES + "malformed-request"),
                    equalTo(PROBLEM_TYPES + "invalid-input")));
        }
    }

    @Test
    void aQueryParameterIsNamed() {
        assertInvalid(anonymous().urlEncodingEnabled(false).get(MEMBERS + "?size=5&q=foto%00"), "q")
                .body("errors.detail", hasItem(containsString("U+0000")));
        assertInvalid(anonymous().urlEncodingEnabled(false).get(MEMBERS + "?q=%C0%BC"), "q")
                .body("errors.detail", hasItem(containsString("not UTF-8")));
    }

    @Test
    void ordinaryEncodedUrlsStillWork() {
        String marker = unique();
        TestMembers.create(TestMembers.freelancer(marker));
        anonymous().urlEncodingEnabled(false).get(MEMBERS + "?q=Testmedlem%20" + marker + "&skill=ux-design")
                .then().statusCode(200).body("total", equalTo(1));
        anonymous().urlEncodingEnabled(false).get(MEMBERS + "?q=Lule%C3%A5+%F0%9F%93%B7%0Afoto").then().statusCode(200);
        assertProblem(anonymous().urlEncodingEnabled(false).get(MEMBERS + "/%C3%A5sa-%F0%9F%93%B7"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ad\u0000min", "admin\u0000", "\u0000", "admin\u001b", "adm\uFFFDin"})
    void aBasicUserNameThatNoAccountCanHaveIs401(String username) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + TestApi.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        TestApi.assertUnauthorized(given().header("Authorization", "Basic " + credentials).get(TestAccounts.ACCOUNTS));
    }

    @Test
    void aBasicUserNameThatIsNotUtf8Is401() {
        byte[] raw = concat("ad".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC0, (byte) 0x80},
                ("min:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.US_ASCII));

        TestApi.assertUnauthorized(given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(raw))
                .get(TestAccounts.ACCOUNTS));
    }

    // --- the write paths --------------------------------------------------------------------------------

    private Target createMember(String marker) {
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", "Testmedlem " + marker + " " + SLOT);
        return new Target("POST", MEMBERS, "application/json", Map.of(), false, TestApi.json(member), "name",
                () -> database.membersMarked(marker));
    }

    private Target replaceMember(String marker) {
        TestMembers.Created created = TestMembers.create(TestMembers.freelancer(marker));
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("description", "Ny text " + SLOT);
        return new Target("PUT", created.path(), "application/json", Map.of("If-Match", created.etag()), false,
                TestApi.json(member), "description", () -> TestMembers.stored(created.id()));
    }

    private Target patchMember(String marker) {
        TestMembers.Created created = TestMembers.create(TestMembers.freelancer(marker));
        return new Target("PATCH", created.path(), TestApi.MERGE_PATCH_JSON, Map.of("If-Match", created.etag()), false,
                "{\"headline\": \"Ny rubrik " + SLOT + "\"}", "headline", () -> TestMembers.stored(created.id()));
    }

    private Target apply(String marker) {
        Map<String, Object> body = new LinkedHashMap<>(TestMembers.freelancer(marker));
        body.remove("contactPublic");
        body.put("name", "Sökande " + marker + " " + SLOT);
        body.put("consents", Map.of("contactPublic", false, "privacyNotice", true));
        return new Target("POST", "/api/v1/applications", "application/json", Map.of(), true, TestApi.json(body), "name",
                () -> database.membersMarked(marker));
    }

    private Target statusAction(String marker, String status, String action) {
        TestMembers.Created created = TestCuration.inStatus(status, TestMembers.freelancer(marker));
        return new Target("POST", created.path() + "/" + action, "application/json", Map.of(), false,
                "{\"reason\": \"Skäl " + SLOT + "\"}", "reason", () -> TestMembers.stored(created.id()));
    }

    private Target feature(String marker) {
        TestMembers.Created created = TestCuration.inStatus("published", TestMembers.freelancer(marker));
        return new Target("PUT", created.path() + "/feature", "application/json", Map.of(), false,
                // Inside the value: Jackson trims C0 characters off the ends of dates and codes (harmless, the value is
                // clean then), so only text within a date or code is refused.
                "{\"until\": \"" + TestCuration.today().plusDays(3).toString().replaceFirst("-", "-" + SLOT) + "\"}", "until",
                () -> TestMembers.stored(created.id()));
    }

    private Target createSkill(String marker) {
        Map<String, Object> skill = TestSkills.skill(marker);
        skill.put("nameSv", "Förmåga " + SLOT);
        return new Target("POST", TestSkills.SKILLS, "application/json", Map.of(), false, TestApi.json(skill), "nameSv",
                () -> anonymous().get(TestSkills.SKILLS + "/" + skill.get("slug")).statusCode());
    }

    private Target updateSkill(String marker) {
        String slug = TestSkills.create(marker);
        Map<String, Object> skill = TestSkills.skill(marker);
        skill.put("nameEn", "Skill " + SLOT);
        return new Target("PUT", TestSkills.SKILLS + "/" + slug, "application/json", Map.of(), false, TestApi.json(skill),
                "nameEn", () -> anonymous().get(TestSkills.SKILLS + "/" + slug).asString());
    }

    private Target createAccount(String marker) {
        String username = "t-" + marker;
        return new Target("POST", TestAccounts.ACCOUNTS, "application/json", Map.of(), false,
                TestApi.json(TestAccounts.body(username, "lösenord-" + marker + SLOT, "curator")), "password",
                () -> database.count("select count(*) from account where username = ?", username));
    }

    private Target patchAccount(String marker) {
        TestAccounts.Created account = TestAccounts.create("curator");
        return new Target("PATCH", account.path(), TestApi.MERGE_PATCH_JSON, Map.of(), false,
                "{\"role\": \"ad" + SLOT + "min\"}", "role", () -> asAdmin().get(account.path()).asString());
    }

    private Target setPassword(String marker) {
        TestAccounts.Created account = TestAccounts.create("curator");
        return new Target("PUT", account.path() + "/password", "application/json", Map.of(), false,
                "{\"password\": \"nytt-lösenord-" + marker + SLOT + "\"}", "password",
                () -> asAdmin().get(account.path()).asString() + account.as().get(TestAccounts.IDENTITY).statusCode());
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Runs the assertions, naming the case in a failure. */
    private static void inCase(String name, Runnable assertions) {
        try {
            assertions.run();
        } catch (AssertionError e) {
            throw new AssertionError("with " + name + ": " + e.getMessage(), e);
        }
    }

    /** The problem is strict UTF-8 and has no escaped unpaired surrogate, which strict JSON parsers refuse. */
    private static void assertNoUnpairedSurrogate(Response response) {
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String surrogate : List.of("\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf")) {
            assertFalse(lower.contains(surrogate), () -> "an escaped surrogate in " + text);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
