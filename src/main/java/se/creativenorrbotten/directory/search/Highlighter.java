package se.creativenorrbotten.directory.search;

import java.util.List;

/**
 * Marks where the query's words matched, in the first of name, headline, skill and municipality names,
 * or description that matches best. A shown text is split into words by the index's own analysis, and a
 * word is marked when one of a query word's {@link WordMatch.Rule}s accepts its terms: what the index
 * matches is marked, and nothing else. A prefix match marks the prefix, any other the whole word. The
 * result is safe to insert as HTML: everything but the {@code <mark>} tags is escaped. A long
 * description is cut to a window around its first match.
 */
final class Highlighter {

    private static final int WINDOW = 160;

    private Highlighter() {
    }

    /**
     * The text that matches the most query words, marked; {@code html} is null when none matches, and
     * {@code complete} tells whether it matches every word.
     */
    record Highlight(String html, int matched, boolean complete) {
    }

    static Highlight highlight(List<WordMatch.Word> words, List<String> texts) {
        Highlight best = new Highlight(null, 0, words.isEmpty());
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            Highlight marked = mark(text, words);
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
    static boolean matchesAll(List<WordMatch.Word> words, String text) {
        return highlight(words, List.of(text)).complete();
    }

    private static Highlight mark(String text, List<WordMatch.Word> words) {
        boolean[] matched = new boolean[words.size()];
        StringBuilder html = new StringBuilder(text.length() + 32);
        int firstMatch = -1;
        int at = 0;
        for (Analysis.TextToken token : Analysis.textTokens(text)) {
            escape(html, text, at, token.start());
            int marked = markedLength(text, token, words, matched);
            if (marked > 0) {
                if (firstMatch < 0) {
                    firstMatch = html.length();
                }
                html.append("<mark>");
                escape(html, text, token.start(), token.start() + marked);
                html.append("</mark>");
            }
            escape(html, text, token.start() + marked, token.end());
            at = token.end();
        }
        escape(html, text, at, text.length());
        int count = 0;
        for (boolean m : matched) {
            count += m ? 1 : 0;
        }
        return new Highlight(count == 0 ? null : window(html.toString(), firstMatch), count, count == words.size());
    }

    /** How many characters of the text word the query words mark (the longest of their marks), 0 for none. */
    private static int markedLength(String text, Analysis.TextToken token, List<WordMatch.Word> words, boolean[] matched) {
        int best = 0;
        for (int w = 0; w < words.size(); w++) {
            WordMatch.Word word = words.get(w);
            WordMatch.Rule rule = word.strongest(token);
            if (rule == null) {
                continue;
            }
            matched[w] = true;
            int length = token.end() - token.start();
            if (rule.reach() == WordMatch.Reach.PREFIX) {
                String prefix = rule.folded() ? word.token.folded() : word.token.exact();
                length = Analysis.textLength(text, token.start(), prefix.length(), rule.folded());
            }
            best = Math.max(best, length);
        }
        return best;
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

    private static void escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
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
