package se.creativenorrbotten.directory.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.creativenorrbotten.directory.common.text.PlainText.Lines;

class PlainTextTest {

    @Test
    void nullAndEmptyAreAcceptable() {
        assertNull(PlainText.problem(null, Lines.SINGLE));
        assertNull(PlainText.problem("", Lines.SINGLE));
        assertNull(PlainText.problem("", Lines.MULTI));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Åsa Öberg Design",
        "Árjepluovve ja Johkamohkki: Đ ŋ ŧ ž",
        "Ψηφιακό στούντιο — 東京 — ﷺ",
        "Foto 📷 och 😀",                       // surrogate pairs
        "👩‍💻 studio",                          // a ZWJ sequence
        "zero\u200Bwidth and soft\u00ADhyphen", // format characters are not control characters
        "no\u00A0break",                        // U+00A0 comes right after the C1 block
        "\uFFFD replacement character",
        "\uFDCF and \uFDF0",                    // either side of the U+FDD0–U+FDEF noncharacters
        "\uDBFF\uDFFD",                         // U+10FFFD, the last code point before plane 16's noncharacters
    })
    void printableTextIsAcceptableInEveryField(String text) {
        assertNull(PlainText.problem(text, Lines.SINGLE));
        assertNull(PlainText.problem(text, Lines.MULTI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0080",
        "\u0085", "\u009F"})
    void controlCharactersAreRefusedEvenInMultiLineText(String control) {
        String text = "ab" + control + "cd";
        String expected = "contains a control character (" + String.format("U+%04X", (int) control.charAt(0))
                + ") at character 3";
        assertEquals(expected, PlainText.problem(text, Lines.SINGLE));
        assertEquals(expected, PlainText.problem(text, Lines.MULTI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\n", "\r", "\r\n", "\u2028", "\u2029"})
    void lineBreaksAndTabsAreForMultiLineTextOnly(String lineBreak) {
        String text = "Line one" + lineBreak + "line two";
        assertNull(PlainText.problem(text, Lines.MULTI));
        String problem = PlainText.problem(text, Lines.SINGLE);
        assertNotNull(problem);
        assertTrue(problem.startsWith("must be a single line: contains a"), problem);
        assertTrue(problem.endsWith("at character 9"), problem);
    }

    @Test
    void unpairedSurrogatesAreRefusedWherever() {
        assertEquals("contains an unpaired surrogate (U+D800) at character 2; send text as valid Unicode",
                PlainText.problem("a\uD800b", Lines.MULTI));
        assertEquals("contains an unpaired surrogate (U+DC00) at character 2; send text as valid Unicode",
                PlainText.problem("a\uDC00b", Lines.MULTI));
        // A high surrogate followed by something else than a low one, at the end, or a pair the wrong way round.
        assertTrue(PlainText.problem("\uD800A", Lines.SINGLE).contains("(U+D800) at character 1"));
        assertTrue(PlainText.problem("\uD83D\uD83D\uDE00", Lines.SINGLE).contains("(U+D83D) at character 1"));
        assertTrue(PlainText.problem("end\uD83D", Lines.SINGLE).contains("(U+D83D) at character 4"));
        assertTrue(PlainText.problem("\uDE00\uD83D", Lines.SINGLE).contains("(U+DE00) at character 1"));
    }

    @Test
    void noncharactersAreRefused() {
        assertEquals("contains the noncharacter U+FFFE at character 1", PlainText.problem("\uFFFE", Lines.MULTI));
        assertEquals("contains the noncharacter U+FFFF at character 2", PlainText.problem("a\uFFFF", Lines.MULTI));
        assertEquals("contains the noncharacter U+FDD0 at character 1", PlainText.problem("\uFDD0", Lines.SINGLE));
        assertEquals("contains the noncharacter U+FDEF at character 1", PlainText.problem("\uFDEF", Lines.SINGLE));
        assertEquals("contains the noncharacter U+1FFFF at character 1",
                PlainText.problem(new String(Character.toChars(0x1FFFF)), Lines.SINGLE));
        assertEquals("contains the noncharacter U+10FFFE at character 1",
                PlainText.problem(new String(Character.toChars(0x10FFFE)), Lines.SINGLE));
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertEquals("contains a control character (U+0000) at character 3", PlainText.problem("😀😀\u0000", Lines.SINGLE));
    }

    @Test
    void quotableTextHasNoUnpairedSurrogate() {
        String fine = "Foto 😀";
        assertSame(fine, PlainText.quotable(fine));
        assertEquals("a\uFFFDb😀\uFFFD", PlainText.quotable("a\uD800b😀\uDC00"));
        assertEquals("\uFFFDA", PlainText.quotable("\uD800A"));
        assertEquals("x\uFFFD", PlainText.quotable("x\uD83D"));
        assertNull(PlainText.quotable(null));
        // Control characters are left for the JSON writer to escape.
        assertEquals("a\u0000b", PlainText.quotable("a\u0000b"));
    }
}
