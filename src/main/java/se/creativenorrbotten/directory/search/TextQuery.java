package se.creativenorrbotten.directory.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Free text as Lucene clauses. Every word must match (AND). A word matches a field exactly (å ä ö as
 * typed), as a prefix ("foto" → "fotograf"), folded ("lulea" → "Luleå"), or with one typo when it has
 * five letters or more ("fotgraf"; not in the first letter). Each way has a fixed score, the best one counts per word, and the
 * words' scores add up:
 * <ul>
 * <li>field: name 8, headline 4, skill and municipality names 2, description 1 — halving, so that a
 * weaker kind of match in a stronger field still wins;</li>
 * <li>kind: exact word 1.0, exact prefix 0.9 (for words typed with diacritics), folded word 0.8, folded
 * prefix 0.7, typo 0.6.</li>
 * </ul>
 * So an exact match ranks above a folded one, a folded one above a typo, and a name above a headline
 * above a description.
 */
final class TextQuery {

    static final int MIN_TYPO_LENGTH = 5;
    static final int MIN_PREFIX_LENGTH = 2;
    /** The first letter of a word is taken as typed (as most typos are later in a word): much faster matching. */
    static final int TYPO_PREFIX = 1;
    private static final int MAX_TYPO_EXPANSIONS = 50;

    private static final String[] FIELDS = {Fields.NAME, Fields.HEADLINE, Fields.TAGS, Fields.DESCRIPTION};
    private static final float[] FIELD_WEIGHTS = {8f, 4f, 2f, 1f};

    static final float EXACT = 1.0f;
    static final float EXACT_PREFIX = 0.9f;
    static final float FOLDED = 0.8f;
    static final float FOLDED_PREFIX = 0.7f;
    static final float TYPO = 0.6f;

    private TextQuery() {
    }

    /** The query for these words; no words (only punctuation, say) match nothing. */
    static Query build(List<Analysis.Token> tokens) {
        return build(tokens, FIELDS.length);
    }

    /** The query over member names only, for suggestions. */
    static Query names(List<Analysis.Token> tokens) {
        return build(tokens, 1);
    }

    private static Query build(List<Analysis.Token> tokens, int fields) {
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Analysis.Token token : tokens) {
            all.add(word(token, fields), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static Query word(Analysis.Token token, int fields) {
        List<Query> ways = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            String exactField = FIELDS[f] + Analysis.EXACT;
            String foldedField = FIELDS[f] + Analysis.FOLDED;
            float weight = FIELD_WEIGHTS[f];
            ways.add(scored(new TermQuery(new Term(exactField, token.exact())), weight * EXACT));
            if (token.exact().length() >= MIN_PREFIX_LENGTH && !token.exact().equals(token.folded())) {
                // Without diacritics in the word, the folded prefix finds the same and more.
                ways.add(scored(new PrefixQuery(new Term(exactField, token.exact())), weight * EXACT_PREFIX));
            }
            ways.add(scored(new TermQuery(new Term(foldedField, token.folded())), weight * FOLDED));
            if (token.folded().length() >= MIN_PREFIX_LENGTH) {
                ways.add(scored(new PrefixQuery(new Term(foldedField, token.folded())), weight * FOLDED_PREFIX));
            }
            if (token.folded().codePointCount(0, token.folded().length()) >= MIN_TYPO_LENGTH) {
                ways.add(scored(new FuzzyQuery(new Term(foldedField, token.folded()), 1, TYPO_PREFIX, MAX_TYPO_EXPANSIONS, true,
                        MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE), weight * TYPO));
            }
        }
        return new DisjunctionMaxQuery(ways, 0f);
    }

    private static Query scored(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }
}
