package se.creativenorrbotten.directory.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Completions for a search box: skills and member names, diacritic- and typo-tolerant. */
@QuarkusTest
class SuggestTest {

    private static JsonPath suggest(String q) {
        return anonymous().queryParam("q", q).get(TestMembers.MEMBERS + "/suggest").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPrefixSuggestsSkills() {
        JsonPath result = suggest("fo");
        assertThat(result.getList("items.text", String.class), hasItem("Fotografi"));
        assertThat(result.getList("items").size(), lessThanOrEqualTo(10));
    }

    @Test
    void suggestionsToleratesDiacriticsAndTypos() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        SearchApi.member(marker, skill, "Ödmark Ljudstudio " + marker, null, null);
        assertThat(suggest("odmark").getList("items.value", String.class), hasItem("odmark-ljudstudio-" + marker));
        assertThat(suggest("ödma").getList("items.text", String.class), hasItem("Ödmark Ljudstudio " + marker));
        assertThat(suggest("ilustration").getList("items.value", String.class), hasItem("illustration"));
    }

    @Test
    void skillsComeFirstAndCarryTheirKind() {
        JsonPath result = suggest("illustration");
        assertEquals("skill", result.getString("items[0].kind"));
        assertEquals("illustration", result.getString("items[0].value"));
    }

    @Test
    void aMissingOrOverlongQueryIsRefused() {
        assertInvalid(anonymous().get(TestMembers.MEMBERS + "/suggest"), "q");
        assertInvalid(anonymous().queryParam("q", "x".repeat(101)).get(TestMembers.MEMBERS + "/suggest"), "q");
    }

    @Test
    void punctuationOnlySuggestsNothing() {
        assertEquals(List.of(), suggest("%*?").getList("items"));
    }
}
