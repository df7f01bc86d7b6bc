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

/**
 * How text becomes terms. Every text field is indexed twice: "exact" (lower-cased, å ä ö kept) and
 * "folded" (lower-cased, diacritics removed: Luleå → lulea), so a query typed either way matches and an
 * exact match can rank above a folded one.
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

    /** The words of a query; characters that are syntax elsewhere (% _ * ? " : …) are separators here. */
    static List<Token> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<String> exact = terms(EXACT_ANALYZER, normalized);
        List<String> folded = terms(FOLDED_ANALYZER, normalized);
        List<Token> tokens = new ArrayList<>(exact.size());
        for (int i = 0; i < exact.size() && i < folded.size(); i++) {
            tokens.add(new Token(exact.get(i), folded.get(i)));
        }
        return tokens;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
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
