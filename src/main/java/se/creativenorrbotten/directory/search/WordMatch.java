package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;
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
 *
 * <p>A word's {@link Rule}s are the one definition of what it matches: the index finds the terms they
 * accept, and the highlighter asks them about the words of a shown text.
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

    /**
     * What the cache keeps of this match, owning its arrays (the computed one may use scratch arrays, which may be
     * longer than this segment): its documents and their scores where that is smaller than the arrays, as it is for
     * all but the broadest words (a document costs 5 bytes instead of 1.125 bytes a document of the segment).
     */
    Kept keep() {
        int maxDoc = matches.length();
        int count = matches.cardinality();
        if (sparseBytes(count) >= denseBytes(maxDoc)) {
            return new Dense(new WordMatch(Arrays.copyOf(score, maxDoc), matches.clone(), postings));
        }
        int[] docs = new int[count];
        byte[] scores = new byte[count];
        int i = 0;
        for (int doc = Bitsets.nextSetBit(matches, 0); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = Bitsets.nextSetBit(matches, doc + 1)) {
            docs[i] = doc;
            scores[i++] = score[doc];
        }
        return new Sparse(docs, scores, postings);
    }

    private static final int SPARSE_BYTES_PER_MATCH = Integer.BYTES + 1;

    /** What a match of {@code count} documents holds kept as their numbers and scores, in bytes. */
    static long sparseBytes(int count) {
        return (long) count * SPARSE_BYTES_PER_MATCH;
    }

    /** What the arrays of a match of a segment of {@code maxDoc} documents hold, in bytes. */
    static long denseBytes(int maxDoc) {
        return maxDoc + (long) FixedBitSet.bits2words(maxDoc) * Long.BYTES;
    }

    /** A match as the cache keeps it. */
    sealed interface Kept {
        /** The match, written into a pair of the request's scratch arrays if it needs arrays. */
        WordMatch match(Scratch scratch, int maxDoc);

        /** What it holds, in bytes (the cache's weight). */
        long bytes();
    }

    /**
     * One request's scratch arrays: each call of {@code score} and then {@code matches} hands out a new pair, zeroed,
     * at least {@code maxDoc} long and exactly {@code maxDoc} bits.
     */
    interface Scratch {
        byte[] score(int maxDoc);

        FixedBitSet matches(int maxDoc);
    }

    /** A broad word's match, kept as computed. */
    record Dense(WordMatch match) implements Kept {
        @Override
        public WordMatch match(Scratch scratch, int maxDoc) {
            return match;
        }

        @Override
        public long bytes() {
            return denseBytes(match.matches.length());
        }
    }

    /** A word's documents in order, with their scores. */
    record Sparse(int[] docs, byte[] scores, long postings) implements Kept {
        @Override
        public WordMatch match(Scratch scratch, int maxDoc) {
            byte[] score = scratch.score(maxDoc);
            FixedBitSet matches = scratch.matches(maxDoc);
            for (int i = 0; i < docs.length; i++) {
                score[docs[i]] = scores[i];
                matches.set(docs[i]);
            }
            return new WordMatch(score, matches, postings);
        }

        @Override
        public long bytes() {
            return sparseBytes(docs.length);
        }
    }

    /** Every text field, or only the name (for suggestions). */
    static final int ALL_FIELDS = FIELDS.length;
    static final int NAME_ONLY = 1;

    /** How far a rule reaches from its word: the word itself, longer terms that begin with it, or one typo. */
    enum Reach { WORD, PREFIX, TYPO }

    /**
     * One way a query word matches a term of the exact or the folded analysis, and the kind of match it
     * is (a score above). The index finds the terms it accepts ({@link #find}); the highlighter asks it
     * about one term ({@link #accepts}): the same rule, read two ways, as Lucene's own compiled automata do.
     * A typo rule finds terms with Lucene's fuzzy automaton and answers about one term by comparing code
     * points ({@link Typo#accepts}); {@code WordMatchTest} holds the two to the same answers.
     */
    record Rule(boolean folded, int kind, Reach reach, BytesRef word, Typo typo) {

        /** Calls {@code found} positioned on each term of {@code terms} the rule accepts. */
        void find(Terms terms, Found found) throws IOException {
            if (reach == Reach.TYPO) {
                TermsEnum accepted = typo.automaton().getTermsEnum(terms);
                for (BytesRef term = accepted.next(); term != null; term = accepted.next()) {
                    found.at(accepted);
                }
                return;
            }
            TermsEnum all = terms.iterator();
            if (reach == Reach.WORD) {
                if (all.seekExact(word)) {
                    found.at(all);
                }
                return;
            }
            // Terms are sorted, so the ones that begin with the word follow it (or its place) in a row.
            if (all.seekCeil(word) == TermsEnum.SeekStatus.END) {
                return;
            }
            for (BytesRef term = all.term(); term != null && StringHelper.startsWith(term, word); term = all.next()) {
                if (term.length > word.length) {
                    found.at(all);
                }
            }
        }

        /** True when {@link #find} would find this term. */
        boolean accepts(BytesRef term) {
            return switch (reach) {
                case WORD -> word.bytesEquals(term);
                case PREFIX -> term.length > word.length && StringHelper.startsWith(term, word);
                case TYPO -> typo.accepts(term);
            };
        }
    }

    /**
     * At most one typo (one letter added, dropped, changed, or two neighbours swapped), never in the first letter.
     * The automaton that finds such terms in the index costs about 40 KB and a fraction of a millisecond to build,
     * so it is built only when a segment's terms are read (a word whose match is cached never needs it).
     */
    static final class Typo {
        private final String word;
        private final int[] points;
        /** The first {@link #TYPO_PREFIX} code points in UTF-8, which every accepted term begins with. */
        private final BytesRef prefix;
        private CompiledAutomaton automaton;

        Typo(String word) {
            this.word = word;
            this.points = word.codePoints().toArray();
            this.prefix = new BytesRef(word.substring(0, word.offsetByCodePoints(0, Math.min(TYPO_PREFIX, points.length))));
        }

        CompiledAutomaton automaton() {
            if (automaton == null) {
                automaton = FuzzyQuery.getFuzzyAutomaton(word, 1, TYPO_PREFIX, true);
            }
            return automaton;
        }

        /** What the automaton answers about {@code term}, without building it. */
        boolean accepts(BytesRef term) {
            if (!StringHelper.startsWith(term, prefix)) {
                return false; // most words of a text: no need to decode them
            }
            int[] other = new int[term.length];
            int length = UnicodeUtil.UTF8toUTF32(term, other);
            return withinOneTypo(points, points.length, other, length);
        }

        /** Whether {@code b} is {@code a} or one edit away from it past its first {@link #TYPO_PREFIX} code point. */
        static boolean withinOneTypo(int[] a, int aLength, int[] b, int bLength) {
            int difference = bLength - aLength;
            if (difference < -1 || difference > 1 || aLength < TYPO_PREFIX || bLength < TYPO_PREFIX) {
                return false;
            }
            int shorter = Math.min(aLength, bLength);
            int same = 0;
            while (same < shorter && a[same] == b[same]) {
                same++;
            }
            if (same < TYPO_PREFIX) {
                return false;
            }
            if (difference == 1) {
                return Arrays.equals(a, same, aLength, b, same + 1, bLength);
            }
            if (difference == -1) {
                return Arrays.equals(a, same + 1, aLength, b, same, bLength);
            }
            return same == aLength
                    || Arrays.equals(a, same + 1, aLength, b, same + 1, bLength)
                    || same + 1 < aLength && a[same] == b[same + 1] && a[same + 1] == b[same]
                            && Arrays.equals(a, same + 2, aLength, b, same + 2, bLength);
        }
    }

    interface Found {
        void at(TermsEnum term) throws IOException;
    }

    /** A query word, with its rules built once for every segment and field (and every text highlighted). */
    static final class Word {
        final Analysis.Token token;
        final int fields;
        /** Strongest kind first. */
        final List<Rule> rules;

        Word(Analysis.Token token, int fields) {
            this.token = token;
            this.fields = fields;
            BytesRef exact = new BytesRef(token.exact());
            BytesRef folded = new BytesRef(token.folded());
            List<Rule> rules = new ArrayList<>(5);
            rules.add(new Rule(false, EXACT, Reach.WORD, exact, null));
            // A word typed without diacritics is its own folded form: its prefixes are found (and score) as folded.
            if (!exact.bytesEquals(folded) && exact.length >= MIN_PREFIX_LENGTH) {
                rules.add(new Rule(false, EXACT_PREFIX, Reach.PREFIX, exact, null));
            }
            rules.add(new Rule(true, FOLDED, Reach.WORD, folded, null));
            if (folded.length >= MIN_PREFIX_LENGTH) {
                rules.add(new Rule(true, FOLDED_PREFIX, Reach.PREFIX, folded, null));
            }
            if (token.folded().codePointCount(0, token.folded().length()) >= MIN_TYPO_LENGTH) {
                rules.add(new Rule(true, TYPO, Reach.TYPO, folded, new Typo(token.folded())));
            }
            this.rules = List.copyOf(rules);
        }

        String key() {
            return token.exact() + '\u0000' + token.folded() + '\u0000' + fields;
        }

        /** The strongest rule that accepts one of a text word's terms, null when none does. */
        Rule strongest(BytesRef exact, BytesRef folded) {
            for (Rule rule : rules) {
                if (rule.accepts(rule.folded() ? folded : exact)) {
                    return rule;
                }
            }
            return null;
        }
    }

    /** The query's words, compiled. */
    static List<Word> words(List<Analysis.Token> tokens, int fields) {
        return tokens.stream().map(token -> new Word(token, fields)).toList();
    }

    /** Computes into the given zeroed arrays (score at least maxDoc long, matches exactly maxDoc bits). */
    static WordMatch compute(LeafReader reader, Word word, byte[] score, FixedBitSet matches) throws IOException {
        PostingsEnum[] reuse = new PostingsEnum[1];
        long[] postings = new long[1];
        for (int f = 0; f < word.fields; f++) {
            int weight = FIELD_WEIGHTS[f];
            Terms exact = reader.terms(FIELDS[f] + Analysis.EXACT);
            Terms folded = reader.terms(FIELDS[f] + Analysis.FOLDED);
            for (Rule rule : word.rules) {
                Terms terms = rule.folded() ? folded : exact;
                if (terms == null) {
                    continue;
                }
                int value = weight * rule.kind();
                rule.find(terms, at -> post(at, value, score, matches, reuse, postings));
            }
        }
        return new WordMatch(score, matches, postings[0]);
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
