package se.creativenorrbotten.directory.common.text;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Map;

/**
 * How a name is stored and when two names look alike, so that no listing can impersonate another with
 * characters a reader cannot tell apart.
 * <ul>
 * <li>{@link #normalize}: NFC; invisible characters (format characters such as zero-width spaces and
 * joiners, U+2060, U+FEFF, the soft hyphen and bidirectional controls; variation selectors; fillers that
 * render as nothing) removed; every Unicode space (NBSP, en/em/thin spaces, U+3000, line and paragraph
 * separators) one ASCII space; runs of spaces collapsed and the ends trimmed.</li>
 * <li>{@link #mixedScriptWord}: a word that mixes Latin, Cyrillic and Greek letters ("Аcme" with a
 * Cyrillic А) is refused: no language writes a word that way.</li>
 * <li>{@link #skeleton}: what a name looks like. Compatibility forms (full-width letters, ligatures,
 * mathematical letters) are unfolded, and Cyrillic and Greek letters that look like Latin ones, and
 * l/I/1/|, 0/O and rn/m, become one prototype. Diacritics and case are kept: "Åsa" and "Asa", "ACME" and
 * "Acme" look different. Two different names with one skeleton are look-alikes.</li>
 * </ul>
 * Swedish, Sámi and Meänkieli letters (å ä ö é ü á č đ ŋ š ŧ ž) are Latin and stay as they are.
 */
public final class Names {

    private Names() {
    }

    /** The name as it is stored: see the class comment. Null stays null. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean space = false;
        for (int i = 0; i < composed.length();) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        // Removing an invisible character can leave a sequence that composes further (A, U+200B, U+030A).
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** True for a character that is not seen: format characters (Cf) and the other default-ignorable ones. */
    static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || c == 0x034F // combining grapheme joiner
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x17B4 || c == 0x17B5 // Khmer inherent vowels
                || (c >= 0x180B && c <= 0x180F) // Mongolian variation selectors and vowel separator
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors
                || c == 0x2800; // Braille blank
    }

    /** True for a space of any kind: ASCII, no-break, typographic and ideographic spaces, line and paragraph separators. */
    static boolean isSpace(int c) {
        return c == ' ' || switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /**
     * The first word (a run of letters and marks) that mixes Latin, Cyrillic and Greek letters, or null when
     * every word keeps to one of them. "Acme Москва" is fine; "Acmе" with a Cyrillic е is not.
     */
    public static String mixedScriptWord(String name) {
        if (name == null) {
            return null;
        }
        int start = -1;
        int scripts = 0;
        for (int i = 0; i <= name.length();) {
            int c = i < name.length() ? name.codePointAt(i) : ' ';
            boolean inWord = Character.isLetter(c) || isMark(c);
            if (inWord) {
                if (start < 0) {
                    start = i;
                    scripts = 0;
                }
                scripts |= scriptBit(c);
            } else if (start >= 0) {
                if (Integer.bitCount(scripts) > 1) {
                    return name.substring(start, i);
                }
                start = -1;
            }
            i += i < name.length() ? Character.charCount(c) : 1;
        }
        return null;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int scriptBit(int c) {
        return switch (Character.UnicodeScript.of(c)) {
            case LATIN -> 1;
            case CYRILLIC -> 2;
            case GREEK -> 4;
            default -> 0;
        };
    }

    /** What the name looks like: equal skeletons of different names mean look-alikes (see the class comment). */
    public static String skeleton(String name) {
        // Prototypes before the compatibility unfolding too: it turns some look-alikes (ϲ) into other letters (ς).
        String unfolded = Normalizer.normalize(prototypes(normalize(name)), Normalizer.Form.NFKC);
        return prototypes(unfolded).replace("rn", "m");
    }

    /** The text decomposed (NFD), each character replaced by the one it looks like, invisible ones removed. */
    private static String prototypes(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length();) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            Character prototype = PROTOTYPES.get(c);
            if (prototype != null) {
                out.append(prototype.charValue());
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** A fixed-length key of the skeleton (SHA-256, hex), as the database stores it to find look-alikes. */
    public static String skeletonKey(String name) {
        return HexFormat.of().formatHex(Digests.sha256(skeleton(name)));
    }

    /** Characters that look like another one, with the one they look like (after NFD: base letters only). */
    private static final Map<Integer, Character> PROTOTYPES = Map.ofEntries(
            // Cyrillic capitals
            Map.entry(0x0410, 'A'), Map.entry(0x0412, 'B'), Map.entry(0x0415, 'E'), Map.entry(0x041A, 'K'),
            Map.entry(0x041C, 'M'), Map.entry(0x041D, 'H'), Map.entry(0x041E, 'O'), Map.entry(0x0420, 'P'),
            Map.entry(0x0421, 'C'), Map.entry(0x0422, 'T'), Map.entry(0x0423, 'Y'), Map.entry(0x0425, 'X'),
            Map.entry(0x0405, 'S'), Map.entry(0x0406, 'l'), Map.entry(0x0408, 'J'), Map.entry(0x04AE, 'Y'),
            Map.entry(0x04C0, 'l'), Map.entry(0x051A, 'Q'), Map.entry(0x051C, 'W'), Map.entry(0x0417, '3'),
            // Cyrillic small letters
            Map.entry(0x0430, 'a'), Map.entry(0x0435, 'e'), Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'),
            Map.entry(0x0441, 'c'), Map.entry(0x0443, 'y'), Map.entry(0x0445, 'x'), Map.entry(0x0455, 's'),
            Map.entry(0x0456, 'i'), Map.entry(0x0458, 'j'), Map.entry(0x04BB, 'h'), Map.entry(0x0501, 'd'),
            Map.entry(0x051B, 'q'), Map.entry(0x051D, 'w'), Map.entry(0x04CF, 'l'), Map.entry(0x0475, 'v'),
            Map.entry(0x0261, 'g'),
            // Greek capitals
            Map.entry(0x0391, 'A'), Map.entry(0x0392, 'B'), Map.entry(0x0395, 'E'), Map.entry(0x0396, 'Z'),
            Map.entry(0x0397, 'H'), Map.entry(0x0399, 'l'), Map.entry(0x039A, 'K'), Map.entry(0x039C, 'M'),
            Map.entry(0x039D, 'N'), Map.entry(0x039F, 'O'), Map.entry(0x03A1, 'P'), Map.entry(0x03A4, 'T'),
            Map.entry(0x03A5, 'Y'), Map.entry(0x03A7, 'X'), Map.entry(0x03F9, 'C'), Map.entry(0x037F, 'J'),
            // Greek small letters
            Map.entry(0x03B1, 'a'), Map.entry(0x03B9, 'i'), Map.entry(0x03BA, 'k'), Map.entry(0x03BD, 'v'),
            Map.entry(0x03BF, 'o'), Map.entry(0x03C1, 'p'), Map.entry(0x03C5, 'u'), Map.entry(0x03C7, 'x'),
            Map.entry(0x03F2, 'c'), Map.entry(0x03F3, 'j'),
            // Latin and common look-alikes
            Map.entry((int) 'I', 'l'), Map.entry((int) '1', 'l'), Map.entry((int) '|', 'l'), Map.entry(0x01C0, 'l'),
            Map.entry(0x0131, 'i'), Map.entry((int) '0', 'O'),
            // dashes and apostrophes
            Map.entry(0x2010, '-'), Map.entry(0x2011, '-'), Map.entry(0x2012, '-'), Map.entry(0x2013, '-'),
            Map.entry(0x2014, '-'), Map.entry(0x2015, '-'), Map.entry(0x2212, '-'), Map.entry(0x2043, '-'),
            Map.entry(0x2019, '\''), Map.entry(0x2018, '\''), Map.entry(0x02BC, '\''), Map.entry(0x00B4, '\''),
            Map.entry(0x0060, '\''), Map.entry(0x2032, '\''));
}
