package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * How text becomes terms. Every text field is indexed twice: "exact" (lower-cased, å ä ö kept) and
 * "folded" (lower-cased, diacritics removed: Luleå → lulea), so a query typed either way matches and an
 * exact match can rank above a folded one. Queries and shown texts (for highlighting) are analysed here
 * too, with the same analyzers, so a word is the same word to the index, the query and the highlighter.
 */
final class Analysis {

    static final String EXACT = "_exact";
    static final String FOLDED = "_folded";

    static final Analyzer EXACT_ANALYZER = analyzer(false);
    static final Analyzer FOLDED_ANALYZER = analyzer(true);

    /** Fields ending in _folded are folded; everything else is analysed exactly. */
    static final Analyzer INDEX_ANALYZER = new PerFieldAnalyzerWrapper(EXACT_ANALYZER, Map.of(
            Fields.NAME + FOLDED, FOLDED_ANALYZER, Fields.HEADLINE + FOLDED, FOLDED_ANALYZER,
            Fields.TAGS + FOLDED, FOLDED_ANALYZER, Fields.DESCRIPTION + FOLDED, FOLDED_ANALYZER));

    /** One word of a query, as typed (lower-cased) and folded. */
    record Token(String exact, String folded) {
    }

    private Analysis() {
    }

    /** Receives the words of a text one by one; the terms are valid only during the call. */
    interface Words {
        /** A word at characters {@code start} to {@code end} of the text, with its exact and its folded term. */
        void word(int start, int end, BytesRef exact, BytesRef folded);
    }

    /** The words of a query; characters that are syntax elsewhere (% _ * ? " : …) are separators here. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        words(Normalizer.normalize(text, Normalizer.Form.NFC),
                (start, end, exact, folded) -> tokens.add(new Token(exact.utf8ToString(), folded.utf8ToString())));
        return tokens;
    }

    /**
     * The words of a text as the index holds them (every text field is analysed alike), with their places
     * in the text. The exact analysis runs, and each term is folded as the folded analysis folds it: by
     * the folding filter's own function, its one step more. One pass, and nothing kept per word, as every
     * list item's texts are analysed to highlight them. Unlike a query, the text is not normalised first:
     * neither is it when indexed.
     */
    static void words(String text, Words words) {
        char[] folded = new char[64];
        BytesRefBuilder foldedTerm = new BytesRefBuilder();
        try (TokenStream stream = EXACT_ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TermToBytesRefAttribute termBytes = stream.addAttribute(TermToBytesRefAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                BytesRef exact = termBytes.getBytesRef();
                BytesRef foldedBytes = exact;
                if (!ascii(term)) {
                    folded = ArrayUtil.grow(folded, term.length() * 4);
                    int length = ASCIIFoldingFilter.foldToASCII(term.buffer(), 0, folded, 0, term.length());
                    foldedTerm.copyChars(folded, 0, length);
                    foldedBytes = foldedTerm.get();
                }
                words.word(offset.startOffset(), offset.endOffset(), exact, foldedBytes);
            }
            stream.end();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** ASCII is folded already (the filter skips it too). */
    private static boolean ascii(CharTermAttribute term) {
        char[] chars = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (chars[i] >= '\u0080') {
                return false;
            }
        }
        return true;
    }

    /**
     * How many characters of {@code text}, from {@code start}, make the first {@code termLength} characters
     * of their term (at least): where a prefix of a word ends in the text it came from. Both filters work
     * a character at a time, lower-casing keeps the count and folding may spell one out in several (æ → ae).
     */
    static int textLength(String text, int start, int termLength, boolean folded) {
        char[] in = new char[2];
        char[] out = new char[8];
        int at = start;
        int made = 0;
        while (made < termLength && at < text.length()) {
            int codePoint = text.codePointAt(at);
            int chars = Character.toChars(Character.toLowerCase(codePoint), in, 0);
            made += folded ? ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, chars) : chars;
            at += Character.charCount(codePoint);
        }
        return at - start;
    }

    private static Analyzer analyzer(boolean fold) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                if (fold) {
                    stream = new ASCIIFoldingFilter(stream);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
