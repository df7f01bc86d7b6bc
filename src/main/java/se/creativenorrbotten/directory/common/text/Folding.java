package se.creativenorrbotten.directory.common.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Diacritic folding as Swedish users expect it: "Luleå Övertorneå Árjepluovve" becomes
 * "lulea overtornea arjepluovve". Letters that Unicode does not decompose (ø, æ, ß, the Sami đ, ŋ,
 * ŧ) are spelled out in ASCII too.
 */
public final class Folding {

    private static final int MAX_SLUG_LENGTH = 80;

    private Folding() {
    }

    /** The folded form of every character below U+0250 (Latin, Latin-1 and Latin Extended-A/B). */
    private static final String[] FAST = new String[0x250];

    static {
        for (char c = 0; c < FAST.length; c++) {
            FAST[c] = slowFold(String.valueOf(c));
        }
    }

    /** Lower-case, without diacritics; everything else is kept. */
    public static String fold(String text) {
        StringBuilder folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FAST.length) {
                return slowFold(text);
            }
            String f = FAST[c];
            if (folded == null) {
                if (f.length() == 1 && f.charAt(0) == c) {
                    continue;
                }
                folded = new StringBuilder(text.length()).append(text, 0, i);
            }
            folded.append(f);
        }
        return folded == null ? text : folded.toString();
    }

    private static String slowFold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (Character.toLowerCase(c)) {
                case 'ø' -> folded.append('o');
                case 'æ' -> folded.append("ae");
                case 'œ' -> folded.append("oe");
                case 'ß' -> folded.append("ss");
                case 'đ', 'ð' -> folded.append('d');
                case 'ŋ' -> folded.append('n');
                case 'ŧ', 'þ' -> folded.append('t');
                case 'ł' -> folded.append('l');
                case 'ı' -> folded.append('i');
                default -> folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A readable URL slug: folded to ASCII, words joined by '-', at most 80 characters.
     * "Åsa Öberg Design" gives "asa-oberg-design". Empty when the text has no letter or digit.
     */
    public static String slug(String text) {
        String folded = fold(text);
        StringBuilder slug = new StringBuilder();
        boolean pendingDash = false;
        for (int i = 0; i < folded.length() && slug.length() < MAX_SLUG_LENGTH; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingDash && slug.length() > 0) {
                    if (slug.length() + 2 > MAX_SLUG_LENGTH) {
                        break;
                    }
                    slug.append('-');
                }
                slug.append(c);
                pendingDash = false;
            } else {
                pendingDash = true;
            }
        }
        int end = slug.length();
        while (end > 0 && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(0, end);
    }

    /** Trims and normalises to NFC, so that "å" typed either way is stored the same. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return trimmed;
    }
}
