package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.common.text.PlainText.Lines;

class UrlTextTest {

    private static String decoded(String raw, boolean query) {
        return new String(UrlText.decode(raw, query), StandardCharsets.UTF_8);
    }

    @Test
    void percentEscapesBecomeBytes() {
        assertEquals("Luleå foto", decoded("Lule%C3%A5+foto", true));
        assertEquals("Luleå+foto", decoded("Lule%c3%a5+foto", false));
        // A percent sign that starts no escape is kept for the HTTP layer to judge.
        assertEquals("100%zz %4", decoded("100%zz+%4", true));
    }

    @Test
    void rawBytesOfTheRequestLineAreKept() {
        // The HTTP layer reads the request line as ISO-8859-1: "Ã¥" is the UTF-8 of "å" sent unescaped.
        assertEquals("å", decoded("\u00C3\u00A5", false));
    }

    @Test
    void textThatIsNotUtf8OrHoldsControlsIsNamed() {
        assertEquals("is not UTF-8 text", UrlText.problem("%C0%BC", true, Lines.MULTI));
        assertEquals("is not UTF-8 text", UrlText.problem("a%FFb", true, Lines.MULTI));
        assertEquals("is not UTF-8 text", UrlText.problem("%ED%A0%80", false, Lines.SINGLE));
        assertEquals("is not UTF-8 text", UrlText.problem("%E2%82", true, Lines.MULTI));
        assertEquals("contains a control character (U+0000) at character 2", UrlText.problem("a%00", true, Lines.MULTI));
        assertEquals("contains a control character (U+001B) at character 1", UrlText.problem("%1b", false, Lines.SINGLE));
        assertEquals("must be a single line: contains a line break (U+000A) at character 2",
                UrlText.problem("/%0A", false, Lines.SINGLE));
    }

    @Test
    void printableAsciiWithoutEscapesIsPlain() {
        assertTrue(UrlText.plain("/api/v1/members/asa-oberg-design"));
        assertTrue(UrlText.plain("q=foto+lulea&skill=ux-design&page=2"));
        assertTrue(UrlText.plain(""));
        assertFalse(UrlText.plain("q=foto%20lulea"));
        assertFalse(UrlText.plain("q=\u00C3\u00A5"));
        assertFalse(UrlText.plain("q=a\u0000"));
        assertFalse(UrlText.plain("q=a\u007F"));
        assertNull(UrlText.problem("q+and+more", true, Lines.SINGLE));
    }

    @Test
    void ordinaryUrlsPass() {
        assertNull(UrlText.problem("/api/v1/members/asa-oberg-design", false, Lines.SINGLE));
        assertNull(UrlText.problem("foto%20lule%C3%A5%20%F0%9F%93%B7", true, Lines.MULTI));
        assertNull(UrlText.problem("two%0Alines%09tab", true, Lines.MULTI));
        assertNull(UrlText.problem("", true, Lines.MULTI));
        assertNull(UrlText.problem(null, true, Lines.MULTI));
    }
}
