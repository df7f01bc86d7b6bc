package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.link;
import static se.creativenorrbotten.directory.member.TestMembers.put;
import static se.creativenorrbotten.directory.member.TestMembers.stored;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/** Each constrained field of MemberInput, broken alone in an otherwise valid member: 400 naming the field, nothing stored. */
@QuarkusTest
class MemberValidationTest {

    private static Created replaceTarget;

    @Inject
    TestDatabase database;

    static Stream<Arguments> brokenMembers() {
        Function<String, Map<String, Object>> freelancer = TestMembers::freelancer;
        Function<String, Map<String, Object>> agency = TestMembers::agency;
        Function<String, Map<String, Object>> student = TestMembers::student;
        return Stream.of(
                broken("name blank", freelancer, "name", m -> m.put("name", "   ")),
                broken("name missing", freelancer, "name", m -> m.remove("name")),
                broken("name of one character", freelancer, "name", m -> m.put("name", "A")),
                broken("name of 121 characters", freelancer, "name", m -> m.put("name", "N".repeat(121))),
                broken("name without a letter or digit", freelancer, "name", m -> m.put("name", "!?!")),
                broken("name a number", freelancer, "name", m -> m.put("name", 42)),
                broken("type missing", freelancer, "type", m -> m.remove("type")),
                broken("type unknown", freelancer, "type", m -> m.put("type", "collective")),
                broken("headline of 161 characters", freelancer, "headline", m -> m.put("headline", "h".repeat(161))),
                broken("description of 5001 characters", freelancer, "description",
                        m -> m.put("description", "d".repeat(5001))),
                broken("municipality missing", freelancer, "municipality", m -> m.remove("municipality")),
                broken("municipality not four digits", freelancer, "municipality", m -> m.put("municipality", "258")),
                broken("municipality outside Norrbotten", freelancer, "municipality", m -> m.put("municipality", "0180")),
                broken("serviceArea of 15", freelancer, "serviceArea", m -> m.put("serviceArea", Collections.nCopies(15, "2580"))),
                broken("serviceArea duplicate", freelancer, "serviceArea[2]",
                        m -> m.put("serviceArea", List.of("2580", "2581", "2580"))),
                broken("serviceArea unknown code", freelancer, "serviceArea[1]", m -> m.put("serviceArea", List.of("2580", "9999"))),
                broken("serviceArea not a code", freelancer, "serviceArea[0]", m -> m.put("serviceArea", List.of("Luleå"))),
                broken("serviceArea a string", freelancer, "serviceArea", m -> m.put("serviceArea", "2580")),
                broken("skills missing", freelancer, "skills", m -> m.remove("skills")),
                broken("skills empty", freelancer, "skills", m -> m.put("skills", List.of())),
                broken("skills of 21", freelancer, "skills", m -> m.put("skills", Collections.nCopies(21, "photography"))),
                broken("skills duplicate", freelancer, "skills[2]",
                        m -> m.put("skills", List.of("ux-design", "photography", "ux-design"))),
                broken("skills unknown", freelancer, "skills[1]", m -> m.put("skills", List.of("ux-design", "ux-desing"))),
                broken("skills not a slug", freelancer, "skills[0]", m -> m.put("skills", List.of("UX Design"))),
                broken("skills a string", freelancer, "skills", m -> m.put("skills", "ux-design")),
                broken("languages unknown code", freelancer, "languages[1]", m -> m.put("languages", List.of("sv", "qq"))),
                broken("languages upper case", freelancer, "languages[0]", m -> m.put("languages", List.of("SV"))),
                broken("languages duplicate", freelancer, "languages[1]", m -> m.put("languages", List.of("fit", "fit"))),
                broken("languages of 21", freelancer, "languages", m -> m.put("languages", Collections.nCopies(21, "sv"))),
                broken("seeks unknown", student, "seeks[1]", m -> m.put("seeks", List.of("internship", "praktik"))),
                broken("seeks upper case", student, "seeks[0]", m -> m.put("seeks", List.of("INTERNSHIP"))),
                broken("seeks duplicate", student, "seeks[1]", m -> m.put("seeks", List.of("internship", "internship"))),
                broken("seeks a string", student, "seeks", m -> m.put("seeks", "internship")),
                broken("offers of 6", agency, "offers", m -> m.put("offers", Collections.nCopies(6, "internship"))),
                broken("offers a number", agency, "offers[0]", m -> m.put("offers", List.of(1))),
                broken("website ftp", freelancer, "website", m -> m.put("website", "ftp://example.se")),
                broken("website relative", freelancer, "website", m -> m.put("website", "example.se")),
                broken("website with credentials", freelancer, "website", m -> m.put("website", "https://user:pw@example.se")),
                broken("logoUrl javascript", freelancer, "logoUrl", m -> m.put("logoUrl", "javascript:alert(1)")),
                broken("logoUrl over 2048", freelancer, "logoUrl",
                        m -> m.put("logoUrl", "https://example.se/" + "l".repeat(2040))),
                broken("portfolioLinks bad URL", freelancer, "portfolioLinks[1]",
                        m -> m.put("portfolioLinks", List.of("https://example.se/a", "no url"))),
                broken("portfolioLinks of 11", freelancer, "portfolioLinks",
                        m -> m.put("portfolioLinks", Collections.nCopies(11, "https://example.se/a"))),
                broken("socialLinks bad URL", freelancer, "socialLinks[0].url",
                        m -> m.put("socialLinks", List.of(link("instagram", "instagram.com/x")))),
                broken("socialLinks missing network", freelancer, "socialLinks[1].network",
                        m -> m.put("socialLinks", List.of(link("github", "https://github.com/x"), link(null, "https://x.se")))),
                broken("socialLinks unknown network", freelancer, "socialLinks[0].network",
                        m -> m.put("socialLinks", List.of(link("myspace", "https://myspace.com/x")))),
                broken("socialLinks of 11", freelancer, "socialLinks",
                        m -> m.put("socialLinks", Collections.nCopies(11, link("x", "https://x.com/a")))),
                broken("email without @", freelancer, "email", m -> m.put("email", "kontakt.example.se")),
                broken("email of 255 characters", freelancer, "email", m -> m.put("email", "e".repeat(244) + "@example.se")),
                broken("phone with letters", freelancer, "phone", m -> m.put("phone", "ring mig")),
                broken("contactPublic a string", freelancer, "contactPublic", m -> m.put("contactPublic", "yes")),
                broken("contactPublic a number", freelancer, "contactPublic", m -> m.put("contactPublic", 1)),
                broken("organisationNumber for a freelancer", freelancer, "organisationNumber",
                        m -> m.put("organisationNumber", "556036-0793")),
                broken("organisationNumber wrong check digit", agency, "organisationNumber",
                        m -> m.put("organisationNumber", "556036-0794")),
                broken("organisationNumber a personal identity number", agency, "organisationNumber",
                        m -> m.put("organisationNumber", "850101-1236")),
                broken("organisationNumber without dash", agency, "organisationNumber",
                        m -> m.put("organisationNumber", "5560360793")),
                broken("school for an agency", agency, "school", m -> m.put("school", "LTU")),
                broken("school of 121 characters", student, "school", m -> m.put("school", "s".repeat(121))),
                broken("graduationYear for a freelancer", freelancer, "graduationYear", m -> m.put("graduationYear", 2027)),
                broken("graduationYear 1949", student, "graduationYear", m -> m.put("graduationYear", 1949)),
                broken("graduationYear 2101", student, "graduationYear", m -> m.put("graduationYear", 2101)),
                broken("graduationYear a string", student, "graduationYear", m -> m.put("graduationYear", "2027")),
                broken("graduationYear a fraction", student, "graduationYear", m -> m.put("graduationYear", 2027.5)),
                broken("foundedYear 1799", freelancer, "foundedYear", m -> m.put("foundedYear", 1799)),
                broken("foundedYear next year", agency, "foundedYear", m -> m.put("foundedYear", Year.now().getValue() + 1)),
                broken("foundedYear for a student", student, "foundedYear", m -> m.put("foundedYear", 2019)),
                broken("foundedYear a string", freelancer, "foundedYear", m -> m.put("foundedYear", "2020")),
                broken("availableForWork a number", freelancer, "availableForWork", m -> m.put("availableForWork", 1)),
                broken("unknown property", freelancer, "nickname", m -> m.put("nickname", "Åsa")));
    }

    private static Arguments broken(String name, Function<String, Map<String, Object>> valid, String field,
            Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(named(name, (Function<String, Map<String, Object>>) marker -> {
            Map<String, Object> member = valid.apply(marker);
            breakIt.accept(member);
            return member;
        }), field);
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("brokenMembers")
    void createRefusesTheBrokenFieldAndStoresNothing(Function<String, Map<String, Object>> member, String field) {
        String marker = unique();

        assertInvalid(asAdmin(member.apply(marker)).post(MEMBERS), field);

        assertEquals(0, database.membersMarked(marker));
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("brokenMembers")
    void replaceRefusesTheBrokenFieldAndChangesNothing(Function<String, Map<String, Object>> member, String field) {
        Created target = replaceTarget();
        Map<String, Object> before = stored(target.id());

        assertInvalid(put(target.id(), "*", member.apply(unique())), field);

        assertEquals(before, stored(target.id()));
    }

    /** One member for all the refused replacements (each case checks it is unchanged), made on first use. */
    private static synchronized Created replaceTarget() {
        if (replaceTarget == null) {
            replaceTarget = create(TestMembers.freelancer(unique()));
        }
        return replaceTarget;
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        String marker = unique();
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("headline", "h".repeat(161));
        member.put("municipality", "9999");
        member.put("skills", List.of("photography", "no-such-skill", "photography"));
        member.put("languages", new ArrayList<>(List.of("sv", "xx")));
        member.put("socialLinks", List.of(link("github", "not a url")));
        member.put("school", "LTU");

        assertInvalid(asAdmin(member).post(MEMBERS), "headline")
                .body("errors.field", hasItems("headline", "municipality", "skills[1]", "skills[2]", "languages[1]",
                        "socialLinks[0].url", "school"))
                .body("errors.size()", equalTo(7))
                .body("detail", containsString("7 fields"));
        assertEquals(0, database.membersMarked(marker));
    }

    @Test
    void anUnknownTypeListsTheAllowedValues() {
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("type", "collective");

        assertInvalid(asAdmin(member).post(MEMBERS), "type")
                .body("errors.detail", hasItem(containsString("agency, student, freelancer")));
    }

    @Test
    void aPersonalIdentityNumberIsRefusedAsSuch() {
        Map<String, Object> member = TestMembers.agency(unique());
        member.put("organisationNumber", "850101-1236");

        assertInvalid(asAdmin(member).post(MEMBERS), "organisationNumber")
                .body("errors.detail", hasItem(containsString("personal identity number")));
    }

    @Test
    void validEdgeValuesAreAccepted() {
        Map<String, Object> member = TestMembers.student(unique());
        member.put("graduationYear", 1950);
        member.put("serviceArea", List.of("2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580",
                "2581", "2582", "2583", "2584"));
        member.put("languages", List.of("sv", "se", "fi", "fit", "smj", "sje", "swl", "rmu"));
        member.put("name", "Ab");
        member.put("headline", "h".repeat(160));

        Created created = create(member);

        assertEquals(14, created.body().getList("serviceArea").size());
        assertEquals(member.get("languages"), created.body().getList("languages"));
    }
}
