package se.creativenorrbotten.directory.common.http;

import java.util.List;

/**
 * Reads an {@code If-None-Match} header (RFC 9110 §13.1.2): {@code *} or a comma-separated list of entity tags
 * ({@code "abc"}, {@code W/"abc"}), compared weakly (a {@code W/} on either side is ignored). The one reader of
 * the header: the generic body-hash tags ({@link PublicCaching}) and the search's own tags use it alike.
 * A header that cannot be read as a whole (an unquoted tag, an unterminated quote, stray characters) matches
 * nothing: the full answer is sent, never an error.
 */
public final class IfNoneMatch {

    private IfNoneMatch() {
    }

    /** Whether any of the header lines (null or empty: none) lists {@code etag} (as sent in ETag) or is {@code *}. */
    public static boolean matches(List<String> headers, String etag) {
        if (headers == null || etag == null) {
            return false;
        }
        for (String header : headers) {
            if (matches(header, etag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the header lists {@code etag} (as sent in an ETag header) or is {@code *}; false when malformed. */
    public static boolean matches(String header, String etag) {
        String current = opaque(etag);
        if (header == null || current == null) {
            return false;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return true;
        }
        int i = 0;
        int n = value.length();
        boolean found = false;
        boolean any = false;
        while (i < n) {
            i = skipSeparators(value, i);
            if (i >= n) {
                break;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return false;
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            String tag = value.substring(i + 1, close);
            if (!validTag(tag)) {
                return false;
            }
            any = true;
            found |= tag.equals(current);
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return false;
            }
        }
        return any && found;
    }

    /** The quoted part of an entity tag ({@code "x"} or {@code W/"x"}), or null when it is not one. */
    static String opaque(String etag) {
        if (etag == null) {
            return null;
        }
        String tag = etag.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return null;
        }
        String inner = tag.substring(1, tag.length() - 1);
        return validTag(inner) ? inner : null;
    }

    private static int skipSeparators(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** etagc: %x21 / %x23-7E / obs-text (%x80-FF); no quote, no space, no control character. */
    private static boolean validTag(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < 0x21 || c == '"' || c == 0x7F || c > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
