package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.creativenorrbotten.directory.common.problem.ProblemException;

/** The feed's cursor: round trip, and every malformed text a 400 naming since. */
class FeedCursorTest {

    private static final String DB = "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a";

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 1_000_000_007L, Long.MAX_VALUE})
    void aCursorReadsBackAsItWasMade(long seq) {
        String text = new FeedCursor(seq, DB).encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+") && text.length() <= FeedCursor.MAX_LENGTH, text);
        assertEquals(new FeedCursor(seq, DB), FeedCursor.decode(text, DB));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "%%%", "YzEuNDI", "a", "ab==", "AAAA"})
    void garbageIsRefused(String text) {
        assertRefused(text);
    }

    @Test
    void malformedContentIsRefused() {
        assertRefused(b64("c2.42." + DB)); // another version
        assertRefused(b64("c1.-1." + DB)); // negative
        assertRefused(b64("c1.042." + DB)); // not the canonical number
        assertRefused(b64("c1.99999999999999999999." + DB)); // beyond a long
        assertRefused(b64("c1.9223372036854775808." + DB)); // one beyond a long
        assertRefused(b64("c1.42"));
        assertRefused(b64("c1.42." + DB + ".x"));
        assertRefused(b64("c1..") );
        assertRefused(b64("c1.42." + DB).repeat(4)); // over-long
    }

    @Test
    void aCursorOfAnotherDatabaseIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> FeedCursor.decode(new FeedCursor(42, "another-database").encode(), DB));
        assertEquals("since", refused.toProblem().errors().get(0).field());
    }

    private static void assertRefused(String text) {
        ProblemException refused = assertThrows(ProblemException.class, () -> FeedCursor.decode(text, DB), text);
        assertEquals("since", refused.toProblem().errors().get(0).field(), text);
    }
}
