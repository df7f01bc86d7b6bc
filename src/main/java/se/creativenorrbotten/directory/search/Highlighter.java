package se.creativenorrbotten.directory.search;

import java.util.List;

import org.apache.lucene.util.BytesRef;

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
        return highlight(words, java.util.Collections.singletonList(text)).complete();
    }

    private static Highlight mark(String text, List<WordMatch.Word> words) {
        Marks marks = new Marks(text, words);
        Analysis.words(text, marks);
        return marks.highlight();
    }

    /** One text, marked word by word as the analysis reads it. */
    private static final class Marks implements Analysis.Words {
        private final String text;
        private final List<WordMatch.Word> words;
        private final boolean[] matched;
        private final StringBuilder html;
        private int firstMatch = -1;
        /** How far the text is copied into the HTML. */
        private int at;

        Marks(String text, List<WordMatch.Word> words) {
            this.text = text;
            this.words = words;
            this.matched = new boolean[words.size()];
            this.html = new StringBuilder(text.length() + 32);
        }

        @Override
        public void word(int start, int end, BytesRef exact, BytesRef folded) {
            escape(html, text, at, start);
            int marked = markedLength(start, end, exact, folded);
            if (marked > 0) {
                if (firstMatch < 0) {
                    firstMatch = html.length();
                }
                html.append("<mark>");
                escape(html, text, start, start + marked);
                html.append("</mark>");
            }
            escape(html, text, start + marked, end);
            at = end;
        }

        /** How many characters of the word the query words mark (the longest of their marks), 0 for none. */
        private int markedLength(int start, int end, BytesRef exact, BytesRef folded) {
            int best = 0;
            for (int w = 0; w < words.size(); w++) {
                WordMatch.Word word = words.get(w);
                WordMatch.Rule rule = word.strongest(exact, folded);
                if (rule == null) {
                    continue;
                }
                matched[w] = true;
                int length = end - start;
                if (rule.reach() == WordMatch.Reach.PREFIX) {
                    String prefix = rule.folded() ? word.token.folded() : word.token.exact();
                    length = Analysis.textLength(text, start, prefix.length(), rule.folded());
                }
                best = Math.max(best, length);
            }
            return best;
        }

        Highlight highlight() {
            escape(html, text, at, text.length());
            int count = 0;
            for (boolean m : matched) {
                count += m ? 1 : 0;
            }
            return new Highlight(count == 0 ? null : window(html.toString(), firstMatch), count, count == words.size());
        }
    }

    /** Cuts long text to a window that starts shortly before the first match, never inside a tag or entity. */
    private static String window(String html, int firstMatch) {
        if (html.length() <= WINDOW * 2) {
            return html;
        }
        int from = Math.max(0, firstMatch - WINDOW / 4);
        int start = from;
        // Back to the start of a word, but not far: a text without spaces is cut between two characters instead
        // (outside an entity and a surrogate pair), so that the window still holds the match.
        while (start > 0 && from - start < WINDOW / 4 && !Character.isWhitespace(html.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && !Character.isWhitespace(html.charAt(start - 1))) {
            start = from;
            int amp = html.lastIndexOf('&', start - 1);
            if (amp >= 0 && html.indexOf(';', amp) >= start) {
                start = amp;
            }
            if (Character.isLowSurrogate(html.charAt(start))) {
                start--;
            }
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
        if (end < html.length() && Character.isLowSurrogate(html.charAt(end))) {
            end--;
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
