package se.creativenorrbotten.directory.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @Test
    void normalizeRemovesInvisibleCharacters() {
        for (String invisible : new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u2066",
                "\u034F", "\uFE0F", "\u3164", "\u180E", "\u2800", "\uDB40\uDC01"}) {
            assertEquals("Acme Design", Names.normalize("Ac" + invisible + "me Design"), () -> Integer.toHexString(invisible.codePointAt(0)));
        }
    }

    @Test
    void normalizeMakesEveryUnicodeSpaceOneAsciiSpaceAndTrims() {
        assertEquals("Acme Design AB", Names.normalize("\u00A0Acme\u2003\u2003Design \u3000\u202FAB\u2009\u2028"));
        assertEquals("Acme Design", Names.normalize("  Acme \u200B Design  "));
        assertEquals("", Names.normalize("\u200B\u00A0\uFEFF"));
        assertNull(Names.normalize(null));
    }

    @Test
    void normalizeComposesToNfcAlsoAcrossARemovedCharacter() {
        assertEquals("Åsa", Names.normalize("A\u030Asa"));
        assertEquals("Åsa", Names.normalize("A\u200B\u030Asa"));
        assertEquals("Åsa", Names.normalize("\u212Bsa")); // the Angstrom sign
    }

    @Test
    void normalizeLeavesControlCharactersToTheTextRules() {
        // Refusing control characters is the job of the field rules; a name keeps them here so they can be refused.
        assertEquals("A\tB", Names.normalize("A\tB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Åsa Öberg Design", "Mäkelä & Söner", "Éloïse Müller", "Ellen-Ánde Đuolbma", "Čohkkiras Šiŋŋe Žá",
            "Ŧeahtta ŋ", "Tornionlaakson Meänkieli", "Москва Design", "Αθήνα Studio", "O'Brien", "3D-studion 2"})
    void swedishSamiAndSingleScriptWordsAreAccepted(String name) {
        assertNull(Names.mixedScriptWord(name));
        assertEquals(name, Names.normalize(name));
    }

    @Test
    void aWordMixingLatinWithCyrillicOrGreekIsFound() {
        assertEquals("Аcme", Names.mixedScriptWord("\u0410cme Design")); // Cyrillic capital A
        assertEquals("Desіgn", Names.mixedScriptWord("Acme Des\u0456gn")); // Cyrillic і
        assertEquals("Αcme", Names.mixedScriptWord("\u0391cme")); // Greek capital Alpha
        assertEquals("Μосква", Names.mixedScriptWord("Acme \u039Cосква")); // Greek M in a Cyrillic word
        assertNull(Names.mixedScriptWord("Acme\u0301")); // a combining mark belongs to no script
    }

    @Test
    void lookAlikesShareASkeleton() {
        String acme = Names.skeleton("Paco Design");
        assertEquals(acme, Names.skeleton("\u0420\u0430\u0441\u043E Design")); // Cyrillic Р а с о
        assertEquals(acme, Names.skeleton("\u03A1\u03B1co Design")); // Greek Rho, alpha
        assertEquals(acme, Names.skeleton("\u03A1\u03B1\u03F2\u03BF Design")); // Greek, with a lunate sigma
        assertEquals(acme, Names.skeleton("\uFF30\uFF41\uFF43\uFF4F Design")); // full-width
        assertEquals(acme, Names.skeleton("Paco\u00A0Design\u200B"));
        assertEquals(Names.skeleton("PACO Design"), Names.skeleton("PAC0 Design"));
        assertEquals(Names.skeleton("Milla"), Names.skeleton("MiIla"));
        assertEquals(Names.skeleton("Milla"), Names.skeleton("Mi1la"));
        assertEquals(Names.skeleton("Storm"), Names.skeleton("Storrn"));
        // The classic: "rn" reads as "m" in many fonts, so these two are look-alikes too.
        assertEquals(Names.skeleton("Modem Media"), Names.skeleton("Modern Media"));
        assertEquals(Names.skeleton("A-B"), Names.skeleton("A\u2010B"));
    }

    @Test
    void diacriticsAndCaseAreNotLookAlikes() {
        assertNotEquals(Names.skeleton("Åsa Öberg"), Names.skeleton("Asa Oberg"));
        assertNotEquals(Names.skeleton("Acme"), Names.skeleton("ACME"));
        assertNotEquals(Names.skeleton("Mäkelä"), Names.skeleton("Makela"));
        assertNotEquals(Names.skeleton("Šiŋŋe"), Names.skeleton("Sinne"));
    }

    @Test
    void theSkeletonKeyIsFixedLengthHex() {
        assertEquals(64, Names.skeletonKey("Acme").length());
        assertEquals(Names.skeletonKey("Acme"), Names.skeletonKey("\u0410cme"));
        assertNotEquals(Names.skeletonKey("Acme"), Names.skeletonKey("Acne"));
    }
}
