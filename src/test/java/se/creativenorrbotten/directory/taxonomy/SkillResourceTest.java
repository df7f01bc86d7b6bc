package se.creativenorrbotten.directory.taxonomy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.taxonomy.TestSkills.SKILLS;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;

@QuarkusTest
class SkillResourceTest {

    private static JsonPath skill(String slug) {
        return anonymous().get(SKILLS + "/" + slug).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void theTaxonomyListsTheSeededSkillsByBranchThenSlug() {
        JsonPath list = anonymous().get(SKILLS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        List<Map<String, Object>> items = list.getList("items");
        assertTrue(items.size() >= 81, "size " + items.size());
        assertEquals(Map.of("slug", "ux-design", "nameSv", "UX-design", "nameEn", "UX design", "branch", "visual-arts-design"),
                withoutCount(list.getMap("items.find { it.slug == 'ux-design' }")));
        assertEquals("Spelutveckling", list.getString("items.find { it.slug == 'game-development' }.nameSv"));
        assertTrue(list.getList("items.slug").containsAll(List.of("photography", "illustration", "sound-design", "duodji", "joik")));
        Comparator<Map<String, Object>> byBranchThenSlug = Comparator.comparing((Map<String, Object> s) -> (String) s.get("branch"))
                .thenComparing(s -> (String) s.get("slug"));
        assertEquals(items.stream().sorted(byBranchThenSlug).toList(), items);
    }

    private static Map<String, Object> withoutCount(Map<String, Object> skill) {
        Map<String, Object> copy = new HashMap<>(skill);
        assertTrue(((Number) copy.remove("memberCount")).longValue() >= 0);
        return copy;
    }

    @Test
    void oneSkillIsShownBySlug() {
        anonymous().get(SKILLS + "/photography").then().statusCode(200)
                .body("slug", equalTo("photography"))
                .body("nameSv", equalTo("Fotografi"))
                .body("nameEn", equalTo("Photography"))
                .body("branch", equalTo("visual-arts-design"))
                .body("memberCount", greaterThanOrEqualTo(0));
    }

    @Test
    void unknownSkillsAre404() {
        assertProblem(anonymous().get(SKILLS + "/no-such-skill-" + unique()), 404);
        assertProblem(asAdmin(TestSkills.skill(unique())).put(SKILLS + "/no-such-skill-" + unique()), 404);
        assertProblem(asAdmin().delete(SKILLS + "/no-such-skill-" + unique()), 404);
    }

    @Test
    void createAnswers201WithLocationAndTheSkill() {
        String marker = unique();
        Map<String, Object> body = TestSkills.skill(marker);

        asAdmin(body).post(SKILLS).then().statusCode(201)
                .header("Location", endsWith(SKILLS + "/test-skill-" + marker))
                .body("slug", equalTo("test-skill-" + marker))
                .body("nameSv", equalTo("Testförmåga " + marker))
                .body("nameEn", equalTo("Test skill " + marker))
                .body("branch", equalTo("audiovisual"))
                .body("memberCount", equalTo(0));

        assertEquals("Testförmåga " + marker, skill("test-skill-" + marker).getString("nameSv"));
        anonymous().get(SKILLS).then().body("items.slug", hasItem("test-skill-" + marker));
    }

    @Test
    void withoutASlugTheSlugIsFoldedFromTheEnglishName() {
        String marker = unique();
        Map<String, Object> body = TestSkills.skill(marker);
        body.remove("slug");
        body.put("nameEn", "Ice Sculpture & Snö-Design " + marker);

        asAdmin(body).post(SKILLS).then().statusCode(201).body("slug", equalTo("ice-sculpture-sno-design-" + marker));
    }

    @Test
    void aTakenSlugIs409AndTheExistingSkillStays() {
        Map<String, Object> body = TestSkills.skill(unique());
        body.put("slug", "photography");
        body.put("nameEn", "Hijacked");

        assertProblem(asAdmin(body).post(SKILLS), 409).body("type", equalTo(TestApi.PROBLEM_TYPES + "conflict"));
        Map<String, Object> derived = TestSkills.skill(unique());
        derived.remove("slug");
        derived.put("nameEn", "Photography");
        assertProblem(asAdmin(derived).post(SKILLS), 409);

        assertEquals("Photography", skill("photography").getString("nameEn"));
    }

    @Test
    void putRenamesAndMovesASkillAndIgnoresTheSentMemberCount() {
        String slug = TestSkills.create(unique());
        Map<String, Object> current = skill(slug).getMap("$");
        current.put("nameSv", "Omdöpt");
        current.put("branch", "performing-arts");
        current.put("memberCount", 42);

        asAdmin(current).put(SKILLS + "/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("nameSv", equalTo("Omdöpt"))
                .body("branch", equalTo("performing-arts"))
                .body("memberCount", equalTo(0));

        current.remove("slug");
        current.remove("memberCount");
        asAdmin(current).put(SKILLS + "/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        assertEquals("Omdöpt", skill(slug).getString("nameSv"));
    }

    @Test
    void putCannotChangeTheSlug() {
        String slug = TestSkills.create(unique());
        Map<String, Object> before = skill(slug).getMap("$");
        Map<String, Object> renamed = TestSkills.skill(unique());

        assertInvalid(asAdmin(renamed).put(SKILLS + "/" + slug), "slug");

        assertEquals(before, skill(slug).getMap("$"));
        assertProblem(anonymous().get(SKILLS + "/" + renamed.get("slug")), 404);
    }

    @Test
    void memberCountCountsTheMembersCarryingTheSkill() {
        String marker = unique();
        String slug = TestSkills.create(marker);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> member = TestMembers.freelancer(marker);
            member.put("skills", List.of("photography", slug));
            TestMembers.create(member);
        }

        assertEquals(2, skill(slug).getInt("memberCount"));
        anonymous().get(SKILLS).then().body("items.find { it.slug == '" + slug + "' }.memberCount", equalTo(2));
    }

    @Test
    void deleteRemovesAnUnusedSkill() {
        String slug = TestSkills.create(unique());

        asAdmin().delete(SKILLS + "/" + slug).then().statusCode(204);

        assertProblem(anonymous().get(SKILLS + "/" + slug), 404);
    }

    @Test
    void aSkillThatMembersCarryCannotBeDeletedUntilTheyDropIt() {
        String marker = unique();
        String slug = TestSkills.create(marker);
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("skills", List.of(slug));
        Created carrier = TestMembers.create(member);

        assertProblem(asAdmin().delete(SKILLS + "/" + slug), 409).body("detail", containsString("1 member"));
        assertEquals(1, skill(slug).getInt("memberCount"));

        TestMembers.patch(carrier.id(), carrier.etag(), Map.of("skills", List.of("photography"))).then().statusCode(200);
        asAdmin().delete(SKILLS + "/" + slug).then().statusCode(204);
        assertProblem(anonymous().get(SKILLS + "/" + slug), 404);
    }

    static Stream<Arguments> brokenSkills() {
        return Stream.of(
                broken("slug with spaces", "slug", s -> s.put("slug", "Bad Slug")),
                broken("slug with a trailing dash", "slug", s -> s.put("slug", "bad-")),
                broken("slug of 61 characters", "slug", s -> s.put("slug", "s".repeat(61))),
                broken("slug a number", "slug", s -> s.put("slug", 7)),
                broken("nameSv blank", "nameSv", s -> s.put("nameSv", " ")),
                broken("nameSv missing", "nameSv", s -> s.remove("nameSv")),
                broken("nameSv of 81 characters", "nameSv", s -> s.put("nameSv", "n".repeat(81))),
                broken("nameEn blank", "nameEn", s -> s.put("nameEn", "")),
                broken("nameEn of 81 characters", "nameEn", s -> s.put("nameEn", "n".repeat(81))),
                broken("branch missing", "branch", s -> s.remove("branch")),
                broken("branch unknown", "branch", s -> s.put("branch", "music")),
                broken("unknown property", "parent", s -> s.put("parent", "audiovisual")));
    }

    /** On create, a missing slug is derived from nameEn, which must then have a letter or digit. */
    static Stream<Arguments> brokenNewSkills() {
        return Stream.concat(brokenSkills(), Stream.of(broken("nameEn without letters and no slug", "nameEn", s -> {
            s.remove("slug");
            s.put("nameEn", "!!!");
        })));
    }

    private static Arguments broken(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(named(name, breakIt), field);
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("brokenNewSkills")
    void createRefusesTheBrokenFieldAndStoresNothing(Consumer<Map<String, Object>> breakIt, String field) {
        String marker = unique();
        Map<String, Object> body = TestSkills.skill(marker);
        breakIt.accept(body);

        assertInvalid(asAdmin(body).post(SKILLS), field);

        anonymous().get(SKILLS).then().statusCode(200)
                .body("items.findAll { it.nameEn.contains('" + marker + "') || it.nameSv.contains('" + marker + "') }",
                        empty())
                .body("items.slug", not(hasItems("test-skill-" + marker)));
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("brokenSkills")
    void updateRefusesTheBrokenFieldAndChangesNothing(Consumer<Map<String, Object>> breakIt, String field) {
        String slug = TestSkills.create(unique());
        Map<String, Object> before = skill(slug).getMap("$");
        Map<String, Object> body = new HashMap<>(before);
        body.remove("memberCount");
        breakIt.accept(body);

        assertInvalid(asAdmin(body).put(SKILLS + "/" + slug), field);

        assertEquals(before, skill(slug).getMap("$"));
    }
}
