package se.creativenorrbotten.directory.search;

import java.io.IOException;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * How well one query word matches each document of one segment: the best (field, kind) score per
 * document, as a small integer (0: no match). Computed straight from the postings, one array write per
 * posting, so a word costs what its matches cost and the words' results can be cached per segment.
 *
 * <p>Scores (the ranking rules of the issue, as integers): field weight name 8, headline 4, skill and
 * municipality names 2, description 1, times kind exact word 10, exact prefix 9 (words typed with
 * diacritics), folded word 8, folded prefix 7, one typo 6 (words of five letters or more, not in the
 * first letter). The field weights halve, so a weaker kind in a stronger field still ranks higher.
 */
final class WordMatch {

    static final String[] FIELDS = {Fields.NAME, Fields.HEADLINE, Fields.TAGS, Fields.DESCRIPTION};
    static final int[] FIELD_WEIGHTS = {8, 4, 2, 1};
    static final int EXACT = 10;
    static final int EXACT_PREFIX = 9;
    static final int FOLDED = 8;
    static final int FOLDED_PREFIX = 7;
    static final int TYPO = 6;
    static final int MIN_PREFIX_LENGTH = 2;
    static final int MIN_TYPO_LENGTH = 5;
    /** A typo is not looked for in the first letter (most typos are later; it makes matching far cheaper). */
    static final int TYPO_PREFIX = 1;

    /** Best score per document, 0 where the word does not match (may be longer than the segment). */
    final byte[] score;
    /** The documents the word matches. */
    final FixedBitSet matches;
    /** How many postings were read: what the word costs to compute again. */
    final long postings;

    private WordMatch(byte[] score, FixedBitSet matches, long postings) {
        this.score = score;
        this.matches = matches;
        this.postings = postings;
    }

    /** A copy that owns its arrays, to keep beyond the request (the computed one may use scratch arrays). */
    WordMatch keep() {
        return new WordMatch(score.clone(), matches.clone(), postings);
    }

    /** Every text field, or only the name (for suggestions). */
    static final int ALL_FIELDS = FIELDS.length;
    static final int NAME_ONLY = 1;

    /** A query word, with its typo automaton built once for every segment and field. */
    static final class Word {
        final Analysis.Token token;
        final int fields;
        final BytesRef exact;
        final BytesRef folded;
        final CompiledAutomaton typos;

        Word(Analysis.Token token, int fields) {
            this.token = token;
            this.fields = fields;
            this.exact = new BytesRef(token.exact());
            this.folded = new BytesRef(token.folded());
            this.typos = token.folded().codePointCount(0, token.folded().length()) >= MIN_TYPO_LENGTH
                    ? FuzzyQuery.getFuzzyAutomaton(token.folded(), 1, TYPO_PREFIX, true) : null;
        }

        String key() {
            return token.exact() + '\u0000' + token.folded() + '\u0000' + fields;
        }
    }

    /** Computes into the given zeroed arrays (score at least maxDoc long, matches exactly maxDoc bits). */
    static WordMatch compute(LeafReader reader, Word word, byte[] score, FixedBitSet matches) throws IOException {
        PostingsEnum[] reuse = new PostingsEnum[1];
        long[] postings = new long[1];
        boolean diacritics = !word.exact.bytesEquals(word.folded);
        for (int f = 0; f < word.fields; f++) {
            int weight = FIELD_WEIGHTS[f];
            Terms exactTerms = reader.terms(FIELDS[f] + Analysis.EXACT);
            if (exactTerms != null) {
                scan(exactTerms.iterator(), word.exact, diacritics, weight * EXACT, weight * EXACT_PREFIX, score, matches, reuse,
                        postings);
            }
            Terms foldedTerms = reader.terms(FIELDS[f] + Analysis.FOLDED);
            if (foldedTerms != null) {
                scan(foldedTerms.iterator(), word.folded, true, weight * FOLDED, weight * FOLDED_PREFIX, score, matches, reuse,
                        postings);
                if (word.typos != null) {
                    TermsEnum typos = word.typos.getTermsEnum(foldedTerms);
                    for (BytesRef term = typos.next(); term != null; term = typos.next()) {
                        post(typos, weight * TYPO, score, matches, reuse, postings);
                    }
                }
            }
        }
        return new WordMatch(score, matches, postings[0]);
    }

    /** The word itself, and with {@code prefixes} every longer term it begins. */
    private static void scan(TermsEnum terms, BytesRef word, boolean prefixes, int wordScore, int prefixScore, byte[] score,
            FixedBitSet matches, PostingsEnum[] reuse, long[] postings) throws IOException {
        if (!prefixes || word.length < MIN_PREFIX_LENGTH) {
            if (terms.seekExact(word)) {
                post(terms, wordScore, score, matches, reuse, postings);
            }
            return;
        }
        if (terms.seekCeil(word) == TermsEnum.SeekStatus.END) {
            return;
        }
        for (BytesRef term = terms.term(); term != null && StringHelper.startsWith(term, word); term = terms.next()) {
            post(terms, term.length == word.length ? wordScore : prefixScore, score, matches, reuse, postings);
        }
    }

    private static void post(TermsEnum terms, int value, byte[] score, FixedBitSet matches, PostingsEnum[] reuse,
            long[] count) throws IOException {
        PostingsEnum postings = terms.postings(reuse[0], PostingsEnum.NONE);
        reuse[0] = postings;
        byte b = (byte) value;
        long read = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (score[doc] < b) {
                score[doc] = b;
            }
            matches.set(doc);
            read++;
        }
        count[0] += read;
    }
}
