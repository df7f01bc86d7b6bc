package se.creativenorrbotten.directory.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

    @ParameterizedTest(name = "fold({0}) = {1}")
    @CsvSource({
        "Luleå, lulea",
        "Övertorneå, overtornea",
        "Älvsbyn, alvsbyn",
        "Árjepluovve, arjepluovve",
        "Jåhkåmåhkke, jahkamahkke",
        "Čohkkiras, cohkkiras",
        "Ŋuoŋŋas Đuvdde, nuonnas duvdde",
        "Ærø Straße Œuvre, aero strasse oeuvre",
        "'Åsa Öberg, AB!', 'asa oberg, ab!'",
    })
    void foldRemovesDiacriticsAndLowerCasesButKeepsEverythingElse(String text, String folded) {
        assertEquals(folded, Folding.fold(text));
    }

    @ParameterizedTest(name = "slug({0}) = {1}")
    @CsvSource({
        "Luleå, lulea",
        "Åsa Öberg Design, asa-oberg-design",
        "Árjepluovve, arjepluovve",
        "Jåhkåmåhkke, jahkamahkke",
        "Gällivare (Jiellevárri), gallivare-jiellevarri",
        "'  --Hej,   världen!!  ', hej-varlden",
        "AB & Co. 2024, ab-co-2024",
        "3D-modellering, 3d-modellering",
        "Ærø Straße, aero-strasse",
    })
    void slugIsFoldedWordsJoinedByDashes(String text, String slug) {
        assertEquals(slug, Folding.slug(text));
    }

    @ParameterizedTest(name = "slug({0}) is empty")
    @CsvSource({"''", "'   '", "'!?!'", "'— · —'", "'日本'"})
    void slugOfTextWithoutLatinLettersOrDigitsIsEmpty(String text) {
        assertEquals("", Folding.slug(text));
    }

    @Test
    void slugIsCutAt80Characters() {
        assertEquals("a".repeat(80), Folding.slug("a".repeat(200)));
        assertEquals("a".repeat(78) + "-b", Folding.slug("a".repeat(78) + " " + "b".repeat(10)));
    }

    @Test
    void slugIsNeverLongerThan80CharactersWhenAWordBreakFallsAtTheEnd() {
        // 79 letters, a space and a word: the dash would be the 80th character and the word's first letter the 81st.
        assertEquals("a".repeat(79), Folding.slug("a".repeat(79) + " b"));
        assertEquals("a".repeat(79), Folding.slug("a".repeat(79) + " " + "b".repeat(10)));
    }

    @Test
    void cleanTrimsAndComposesSoThatTheSameLetterIsStoredOneWay() {
        String decomposed = "  A\u030Asa Öberg\t";

        String cleaned = Folding.clean(decomposed);

        assertEquals("\u00C5sa Öberg", cleaned);
        assertEquals(9, cleaned.length());
        assertNull(Folding.clean(null));
        assertEquals("", Folding.clean("   "));
    }
}
