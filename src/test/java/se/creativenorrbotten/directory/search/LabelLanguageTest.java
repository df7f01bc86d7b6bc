package se.creativenorrbotten.directory.search;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Facet labels and skill suggestions come in the language of Accept-Language: Swedish unless English is preferred. */
@QuarkusTest
class LabelLanguageTest {

    private static JsonPath search(String acceptLanguage, String skill) {
        var request = anonymous().queryParam("skill", skill);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get(TestMembers.MEMBERS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static JsonPath suggest(String acceptLanguage, String q) {
        var request = anonymous().queryParam("q", q);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get(TestMembers.MEMBERS + "/suggest").then().statusCode(200).extract().jsonPath();
    }

    private static String label(JsonPath page, String facet, String value) {
        return page.getString("facets." + facet + ".find { it.value == '" + value + "' }.label");
    }

    /** A member with a skill of its own who works in Finnish: every facet then has a value to read. */
    private static String member() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("municipality", "2580");
        body.put("skills", List.of(skill));
        body.put("languages", List.of("sv", "fi", "sma"));
        TestMembers.create(body);
        return skill;
    }

    @Test
    void facetLabelsAreSwedishByDefault() {
        String skill = member();
        for (String header : new String[] {null, "sv", "de-DE, fr;q=0.8", "*", "en;q=0"}) {
            JsonPath page = search(header, skill);
            assertEquals("Frilansare", label(page, "type", "freelancer"), "Accept-Language: " + header);
            assertEquals("Byrå", label(page, "type", "agency"));
            assertEquals("Testförmåga " + skill.substring("test-skill-".length()), label(page, "skill", skill));
            assertEquals("finska", label(page, "language", "fi"));
            assertEquals("sydsamiska", label(page, "language", "sma"));
            assertEquals("Luleå", label(page, "municipality", "2580"));
        }
    }

    @Test
    void facetLabelsAreEnglishWhenTheCallerPrefersEnglish() {
        String skill = member();
        for (String header : new String[] {"en", "en-GB", "sv;q=0.5, en", "EN-us,en;q=0.9,sv;q=0.8"}) {
            JsonPath page = search(header, skill);
            assertEquals("Freelancer", label(page, "type", "freelancer"), "Accept-Language: " + header);
            assertEquals("Agency", label(page, "type", "agency"));
            assertEquals("Student", label(page, "type", "student"));
            assertEquals("Test skill " + skill.substring("test-skill-".length()), label(page, "skill", skill));
            assertEquals("Finnish", label(page, "language", "fi"));
            assertEquals("Swedish", label(page, "language", "sv"));
            assertEquals("Southern Sami", label(page, "language", "sma"));
            assertEquals("Luleå", label(page, "municipality", "2580"), "place names are the same in both");
        }
    }

    @Test
    void skillSuggestionsAreNamedInTheCallersLanguage() {
        String skill = member();
        String marker = skill.substring("test-skill-".length());
        assertEquals("Testförmåga " + marker, skillText(suggest(null, marker), skill));
        assertEquals("Testförmåga " + marker, skillText(suggest("sv-SE", marker), skill));
        assertEquals("Test skill " + marker, skillText(suggest("en", marker), skill));
    }

    @Test
    void aSkillMatchedOnlyInTheOtherLanguageKeepsThatName() {
        // "photo" matches only the English name, "foto" only the Swedish one.
        assertThat(suggest("sv", "photo").getList("items.text", String.class), hasItem("Photography"));
        assertThat(suggest("en", "foto").getList("items.text", String.class), hasItem("Fotografi"));
        assertThat(suggest("en", "photo").getList("items.text", String.class), hasItem("Photography"));
    }

    @Test
    void searchAndSuggestVaryByLanguage() {
        for (String path : new String[] {TestMembers.MEMBERS, TestMembers.MEMBERS + "/suggest?q=fo"}) {
            List<String> vary = anonymous().header("Accept-Language", "en").get(path).then().statusCode(200).extract()
                    .headers().getValues("Vary");
            assertThat(path, String.join(",", vary), org.hamcrest.Matchers.containsString("Accept-Language"));
        }
    }

    private static String skillText(JsonPath suggestions, String skill) {
        return suggestions.getString("items.find { it.kind == 'skill' && it.value == '" + skill + "' }.text");
    }
}
