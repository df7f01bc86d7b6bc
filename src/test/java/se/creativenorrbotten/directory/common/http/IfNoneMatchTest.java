package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-None-Match as RFC 9110 reads it: *, lists, weak comparison; anything unreadable matches nothing. */
class IfNoneMatchTest {

    private static final String TAG = "\"abc\"";

    @ParameterizedTest(name = "[{0}] matches \"abc\"")
    @ValueSource(strings = {"\"abc\"", "W/\"abc\"", "*", " * ", "\"x\", \"abc\"", "\"x\",\"abc\"", "W/\"x\" ,  W/\"abc\"",
            ",\"abc\",", "\"abc\"\t", "\"a,b\", \"abc\""})
    void listsStarAndWeakTagsMatch(String header) {
        assertTrue(IfNoneMatch.matches(header, TAG));
    }

    @Test
    void aWeakCurrentTagMatchesAStrongOrWeakListedOne() {
        assertTrue(IfNoneMatch.matches("\"abc\"", "W/\"abc\""));
        assertTrue(IfNoneMatch.matches("W/\"abc\"", "W/\"abc\""));
    }

    @ParameterizedTest(name = "[{0}] does not match")
    @ValueSource(strings = {"", " ", "\"abd\"", "\"ABC\"", "\"x\", \"y\"", "w/\"abc\"", "\"abc", "abc", "W/", "W/abc",
            "\"abc\" \"abc\"", "\"abc\"x", "**", "*, \"abc\"", "\"ab c\"", "\"abc\"; q=1", ",,,", "\"\u00e9\" , abc",
            "\"\u0100abc\", \"abc\""})
    void otherTagsAndMalformedHeadersMatchNothing(String header) {
        assertFalse(IfNoneMatch.matches(header, TAG));
    }

    @Test
    void aMalformedHeaderNeverThrows() {
        String[] hostile = {"\"", "W/\"", "\u0000", "\"\u0000\"", "\ud800", "\"\ud800\"", "W/W/\"abc\"", ",".repeat(10_000),
                "\"abc\",".repeat(10_000) + "\"", "\"".repeat(9_999)};
        for (String header : hostile) {
            IfNoneMatch.matches(header, TAG);
        }
        assertTrue(IfNoneMatch.matches("\"x\",".repeat(10_000) + TAG, TAG), "a long list is read to its end");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertTrue(IfNoneMatch.matches(List.of("\"x\"", "\"abc\""), TAG));
        assertFalse(IfNoneMatch.matches(List.of("\"x\"", "abc"), TAG));
        assertFalse(IfNoneMatch.matches((List<String>) null, TAG));
        assertFalse(IfNoneMatch.matches(Arrays.asList((String) null), TAG));
    }

    @Test
    void theCurrentTagMustBeATag() {
        assertEquals("abc", IfNoneMatch.opaque("W/\"abc\""));
        assertEquals("", IfNoneMatch.opaque("\"\""));
        assertNull(IfNoneMatch.opaque("abc"));
        assertNull(IfNoneMatch.opaque(null));
        assertFalse(IfNoneMatch.matches("*", null));
        assertFalse(IfNoneMatch.matches("*", "abc"), "no tag to compare with: the full answer");
    }
}
