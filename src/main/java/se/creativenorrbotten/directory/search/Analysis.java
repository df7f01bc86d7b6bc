package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.io.StringReader;
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
import org.apache.lucene.util.BytesRef;

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

    /**
     * One word of a shown text: where it stands in the text (characters {@code start} to {@code end}) and
     * its terms as the exact and the folded field hold them.
     */
    record TextToken(int start, int end, BytesRef exact, BytesRef folded) {
    }

    /** The words of a query; characters that are syntax elsewhere (% _ * ? " : …) are separators here. */
    static List<Token> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Term> exact = terms(EXACT_ANALYZER, normalized);
        List<Term> folded = terms(FOLDED_ANALYZER, normalized);
        List<Token> tokens = new ArrayList<>(exact.size());
        for (int i = 0; i < exact.size() && i < folded.size(); i++) {
            tokens.add(new Token(exact.get(i).text(), folded.get(i).text()));
        }
        return tokens;
    }

    /**
     * The words of a text as the index holds them (every text field is analysed alike), with their places
     * in the text. Unlike a query, the text is not normalised first: neither is it when indexed.
     */
    static List<TextToken> textTokens(String text) {
        List<Term> exact = terms(EXACT_ANALYZER, text);
        List<Term> folded = terms(FOLDED_ANALYZER, text);
        List<TextToken> tokens = new ArrayList<>(exact.size());
        for (int i = 0; i < exact.size() && i < folded.size(); i++) {
            Term term = exact.get(i);
            BytesRef foldedTerm = new BytesRef(folded.get(i).text());
            tokens.add(new TextToken(term.start(), term.end(), new BytesRef(term.text()), foldedTerm));
        }
        return tokens;
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

    private record Term(int start, int end, String text) {
    }

    private static List<Term> terms(Analyzer analyzer, String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new Term(offset.startOffset(), offset.endOffset(), term.toString()));
            }
            stream.end();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return terms;
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
