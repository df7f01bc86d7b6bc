package se.creativenorrbotten.directory.common.text;

/**
 * What text the directory accepts in a field: the one set of rules, applied to every string of a JSON
 * body (common/json/TextDeserializer) and to the request URL (common/http/UrlText).
 * <p>
 * Refused everywhere: unpaired surrogates (they cannot be written as UTF-8, and strict JSON parsers refuse
 * the escape), control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F; PostgreSQL cannot
 * even store U+0000) and noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, such
 * as U+FFFE and U+FFFF). A {@link Lines#SINGLE single-line} field (the default: names, headlines, URLs)
 * refuses every line break and tab, U+2028 and U+2029 included; a {@link Lines#MULTI multi-line} one
 * (descriptions, notes, reasons) accepts tab, line feed, carriage return and the Unicode line and
 * paragraph separators. Everything else is accepted: emoji (as surrogate pairs), any script, and format
 * characters such as zero-width joiners (whether a name may carry invisible characters is a rule of names,
 * not of text).
 */
public final class PlainText {

    /** Whether a field may hold more than one line. */
    public enum Lines {
        SINGLE, MULTI
    }

    private PlainText() {
    }

    public static boolean isAcceptable(CharSequence text, Lines lines) {
        return problem(text, lines) == null;
    }

    /**
     * What is wrong with the text, for a caller to read ("contains a control character (U+0000) at
     * character 4"), or null when it is acceptable. Null text is acceptable (absence is another rule's
     * business). Positions count code points from 1.
     */
    public static String problem(CharSequence text, Lines lines) {
        if (text == null) {
            return null;
        }
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            position++;
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    if (isNoncharacter(codePoint)) {
                        return "contains the noncharacter " + hex(codePoint) + " at character " + position;
                    }
                    continue;
                }
                return "contains an unpaired surrogate (" + hex(c) + ") at character " + position
                        + "; send text as valid Unicode";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (" + hex(c) + ") at character " + position
                        + "; send text as valid Unicode";
            }
            if (isLineBreakOrTab(c)) {
                if (lines == Lines.SINGLE) {
                    return "must be a single line: contains " + (c == '\t' ? "a tab" : "a line break") + " (" + hex(c)
                            + ") at character " + position;
                }
                continue;
            }
            if (isControl(c)) {
                return "contains a control character (" + hex(c) + ") at character " + position;
            }
            if (isNoncharacter(c)) {
                return "contains the noncharacter " + hex(c) + " at character " + position;
            }
        }
        return null;
    }

    /**
     * The text made safe to quote back in an error message: unpaired surrogates become U+FFFD, so that the
     * problem document stays valid for strict JSON parsers. (Control characters are escaped by JSON itself.)
     */
    public static String quotable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (safe == null) {
                    safe = new StringBuilder(text.length()).append(text, 0, i);
                }
                safe.append('\uFFFD');
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** Tab, line feed, carriage return and the Unicode line and paragraph separators. */
    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** C0, DEL and C1. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
