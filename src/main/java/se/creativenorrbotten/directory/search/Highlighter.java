package se.creativenorrbotten.directory.search;

import java.util.List;

import se.creativenorrbotten.directory.common.text.Folding;

/**
 * Marks where the query's words matched, with the same rules as the query (exact or folded prefix, or
 * one typo in words of five letters or more), in the first of name, headline, skill and municipality
 * names, or description that matches best. The result is safe to insert as HTML: everything but the
 * {@code <mark>} tags is escaped. A long description is cut to a window around its first match.
 */
final class Highlighter {

    private static final int WINDOW = 160;

    private Highlighter() {
    }

    /**
     * The text that matches the most query words, marked; {@code html} is null when none matches (a typo
     * only found in the index, say), and {@code complete} tells whether it matches every word.
     */
    record Highlight(String html, int matched, boolean complete) {
    }

    static Highlight highlight(List<Analysis.Token> tokens, List<String> texts) {
        Highlight best = new Highlight(null, 0, tokens.isEmpty());
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            Highlight marked = mark(text, tokens);
            if (marked.matched() > best.matched()) {
                best = marked;
                if (best.complete()) {
                    break;
                }
            }
        }
        return best;
    }

    /** True when every query word matches a word of the text. */
    static boolean matchesAll(List<Analysis.Token> tokens, String text) {
        return highlight(tokens, java.util.Collections.singletonList(text)).complete();
    }

    private static Highlight mark(String text, List<Analysis.Token> tokens) {
        boolean[] matched = new boolean[tokens.size()];
        StringBuilder html = new StringBuilder(text.length() + 32);
        int firstMatch = -1;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                escape(html, text.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            int marked = markedLength(word, tokens, matched);
            if (marked > 0) {
                if (firstMatch < 0) {
                    firstMatch = html.length();
                }
                html.append("<mark>");
                escape(html, word.substring(0, marked));
                html.append("</mark>");
                escape(html, word.substring(marked));
            } else {
                escape(html, word);
            }
            i = end;
        }
        int count = 0;
        for (boolean m : matched) {
            count += m ? 1 : 0;
        }
        return new Highlight(count == 0 ? null : window(html.toString(), firstMatch), count, count == tokens.size());
    }

    /** How many leading characters of the word a query word matches, 0 for none. */
    private static int markedLength(String word, List<Analysis.Token> tokens, boolean[] matched) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String folded = Folding.fold(word);
        int best = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Analysis.Token token = tokens.get(t);
            int length = 0;
            if (lower.startsWith(token.exact())) {
                length = Math.min(word.length(), token.exact().length());
            } else if (folded.startsWith(token.folded())) {
                length = Math.min(word.length(), token.folded().length());
            } else if (token.folded().length() >= WordMatch.MIN_TYPO_LENGTH && !folded.isEmpty()
                    && folded.charAt(0) == token.folded().charAt(0) && withinOneEdit(folded, token.folded())) {
                length = word.length();
            }
            if (length > 0) {
                matched[t] = true;
                best = Math.max(best, length);
            }
        }
        return best;
    }

    /** Damerau-Levenshtein distance at most one (one insertion, deletion, substitution or swap). */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == a.length() && i == b.length()) {
            return true;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /** Cuts long text to a window that starts shortly before the first match, never inside a tag or entity. */
    private static String window(String html, int firstMatch) {
        if (html.length() <= WINDOW * 2) {
            return html;
        }
        int start = Math.max(0, firstMatch - WINDOW / 4);
        while (start > 0 && start < html.length() && !Character.isWhitespace(html.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(html.length(), start + WINDOW * 2);
        int lastOpen = html.lastIndexOf('<', end - 1);
        if (lastOpen >= start && html.indexOf('>', lastOpen) >= end) {
            end = lastOpen;
        }
        if (html.lastIndexOf("<mark>", end - 1) > html.lastIndexOf("</mark>", end - 1)) {
            end = html.indexOf("</mark>", end) + "</mark>".length();
        }
        int amp = html.lastIndexOf('&', end - 1);
        if (amp >= start && html.indexOf(';', amp) >= end) {
            end = amp;
        }
        return (start > 0 ? "…" : "") + html.substring(start, end) + (end < html.length() ? "…" : "");
    }

    private static void escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            escape(out, text.charAt(i));
        }
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }
}
