package se.creativenorrbotten.directory.search;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.search.SearchApi.member;
import static se.creativenorrbotten.directory.search.SearchApi.names;
import static se.creativenorrbotten.directory.search.SearchApi.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Free text: folding, prefixes, typos, AND, ranking, highlighting and characters that are syntax elsewhere. */
@QuarkusTest
class SearchTextTest {

    private static String marker;
    private static String skill;

    /** Made once, in the first test (REST Assured knows the test port only then). */
    @BeforeEach
    void members() {
        if (skill != null && !skill.isEmpty()) {
            return;
        }
        marker = unique();
        skill = TestSkills.create(marker);
        member(marker, skill, "Fotograf Lind", "Fotografi i Luleå och Övertorneå", "Bröllop och porträtt.");
        member(marker, skill, "Malmö Grafik", "Illustration och grafisk form", "Från Skåne till Kiruna.");
        member(marker, skill, "Ljudbolaget", "Ljuddesign för spel", "Musik och ljud för film.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lulea", "LULEÅ", "Luleå", "overtornea", "Övertorneå", "OVERTORNEA"})
    void searchIgnoresCaseAndDiacritics(String q) {
        assertThat(names(skill, q), contains("Fotograf Lind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MALMÖ", "malmo", "Malmö"})
    void foldedAndExactSpellingsFindTheSameMember(String q) {
        assertThat(names(skill, q), contains("Malmö Grafik"));
    }

    @Test
    void aWordPrefixFindsLongerWords() {
        assertThat(names(skill, "foto"), contains("Fotograf Lind"));
        assertThat(names(skill, "fotografi"), contains("Fotograf Lind"));
        assertThat(names(skill, "illu"), contains("Malmö Grafik"));
    }

    @Test
    void everyWordMustMatch() {
        assertThat(names(skill, "foto lulea"), contains("Fotograf Lind"));
        assertThat(names(skill, "foto kiruna"), empty());
        assertThat(names(skill, "ljud kiruna"), empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fotgraf", "fotogarf", "ilustration", "illustratoin", "ljuddesing"})
    void oneTypoIsToleratedInLongWords(String q) {
        assertEquals(1, names(skill, q).size(), q);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ljdu", "musk", "fotgrff"})
    void shortWordsAndTwoTyposAreNotTolerated(String q) {
        assertThat(q, names(skill, q), empty());
    }

    @Test
    void skillAndMunicipalityNamesAreSearchable() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        member(own, ownSkill, "Namnlös " + own, null, null);
        assertThat(names(ownSkill, "testförmåga " + own), hasItem("Namnlös " + own));
        assertThat(names(ownSkill, "test skill " + own), hasItem("Namnlös " + own));
        assertThat(names(ownSkill, "pitea"), hasItem("Namnlös " + own));
    }

    @Test
    void exactRanksAboveFoldedAboveTypo() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        // Named against the expected order: a tie (a kind scored like the next) would be broken by name the wrong way.
        member(own, ownSkill, "A typo", "Studio Skellefteå" + " Lulex", null);
        member(own, ownSkill, "B folded", "Studio Lulea", null);
        member(own, ownSkill, "C exact", "Studio Luleå", null);
        assertThat(names(ownSkill, "luleå"), contains("C exact", "B folded", "A typo"));
    }

    @Test
    void nameRanksAboveHeadlineAboveDescription() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        String word = "zorblax" + own.substring(0, 4);
        member(own, ownSkill, "A description", "Nothing here", "The word " + word + " is here.");
        member(own, ownSkill, "B headline", "The word " + word, "Nothing.");
        member(own, ownSkill, "C name " + word, "Nothing here", "Nothing.");
        assertThat(names(ownSkill, word), contains("C name " + word, "B headline", "A description"));
    }

    @Test
    void tiesAreBrokenStablySoPagesNeitherRepeatNorSkip() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(member(own, ownSkill, "Samma namn", "Foto", null).id());
        }
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            JsonPath result = search(Map.of("skill", ownSkill, "q", "foto", "size", 2, "page", page));
            assertEquals(7, result.getLong("total"));
            seen.addAll(result.getList("items.id", String.class));
        }
        assertEquals(7, seen.size(), "no member repeated");
        assertEquals(created, new HashSet<>(seen), "no member skipped");
    }

    @Test
    void highlightMarksTheMatchAndEscapesEverythingElse() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        member(own, ownSkill, "Foto <b>Fet</b> & Co", "Fotografi i Luleå", null);
        List<String> highlights = search(Map.of("skill", ownSkill, "q", "foto")).getList("items.highlight", String.class);
        assertEquals(List.of("<mark>Foto</mark> &lt;b&gt;Fet&lt;/b&gt; &amp; Co"), highlights);
        List<String> folded = search(Map.of("skill", ownSkill, "q", "lulea")).getList("items.highlight", String.class);
        assertEquals(List.of("Fotografi i <mark>Luleå</mark>"), folded);
    }

    /** The description is read from the index (its doc values) only when name, headline and skills lack a word. */
    @Test
    void aWordOnlyInTheDescriptionIsHighlightedThere() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        member(own, ownSkill, "Studio Norrsken", "Film och foto", "Vi gör dokumentärer om renskötsel i Jokkmokk.");
        member(own, ownSkill, "Studio Polstjärnan", "Film och foto", null);
        JsonPath result = search(Map.of("skill", ownSkill, "q", "renskotsel jokkmokk"));
        assertEquals(List.of("Studio Norrsken"), result.getList("items.name", String.class));
        assertEquals(List.of("Vi gör dokumentärer om <mark>renskötsel</mark> i <mark>Jokkmokk</mark>."),
                result.getList("items.highlight", String.class));
        JsonPath film = search(Map.of("skill", ownSkill, "q", "film studio", "sort", "name"));
        assertEquals(List.of("Studio Norrsken", "Studio Polstjärnan"), film.getList("items.name", String.class));
    }

    /**
     * A description at its limit (5,000 UTF-16 units), of characters four bytes long in UTF-8, is read back whole from
     * the index's doc values: the words at its very end are found and highlighted, the characters around them intact.
     */
    @Test
    void aDescriptionAtItsLimitOfCharactersOutsideTheBmpIsReadBackWhole() {
        String own = unique();
        String ownSkill = TestSkills.create(own);
        String end = " renskötsel i Jokkmokk 🎬";
        String description = "🦌".repeat((5000 - end.length()) / 2) + end;
        assertTrue(description.length() <= 5000 && description.length() >= 4999, "at the limit: " + description.length());
        member(own, ownSkill, "Studio Norrsken", "Film och foto", description);
        JsonPath result = search(Map.of("skill", ownSkill, "q", "renskotsel jokkmokk"));
        assertEquals(List.of("Studio Norrsken"), result.getList("items.name", String.class));
        String highlight = result.getList("items.highlight", String.class).get(0);
        assertTrue(highlight.endsWith("🦌 <mark>renskötsel</mark> i <mark>Jokkmokk</mark> 🎬"), "length " + highlight.length() + ", ends: " + highlight.substring(Math.max(0, highlight.length() - 120)).codePoints().mapToObj(Integer::toHexString).toList());
    }

    @Test
    void listingWithoutTextHasNoHighlight() {
        JsonPath result = search(Map.of("skill", skill));
        assertEquals(3, result.getList("items").size());
        assertTrue(result.getList("items.highlight").stream().allMatch(h -> h == null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "*", "?", "\"", "(", ")", ":", "\\", "~", "+", "-", "!", "[", "]", "{", "}", "^", "/",
            "'", ";", "foto*", "foto~2", "\"foto\"", "foto AND lulea", "' OR 1=1 --", "%foto%", "lul_a", "name:foto",
            "foto)", "(foto", "-foto", "+foto", "[a TO z]", "{!lucene}", "a/b", "foto\\"})
    void syntaxCharactersAreSearchedAsText(String q) {
        JsonPath result = search(Map.of("skill", skill, "q", q));
        List<String> found = result.getList("items.name", String.class);
        assertTrue(found.isEmpty() || found.equals(List.of("Fotograf Lind")), q + " found " + found);
    }

    @Test
    void syntaxAroundAWordStillFindsTheWord() {
        for (String q : List.of("foto*", "\"foto\"", "(foto)", "foto!", "+foto", "foto~", "foto:")) {
            assertThat(q, names(skill, q), containsInAnyOrder("Fotograf Lind"));
        }
    }
}
