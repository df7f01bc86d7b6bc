package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.lucene.analysis.icu.ICUCollationDocValuesField;
import org.apache.lucene.collation.CollationDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import se.creativenorrbotten.directory.common.text.SwedishText;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * The engine's hand-written parts against Lucene's own counterparts, over the same in-memory index of
 * synthetic members: the time per operation (median of rounds, after a warm-up) and whether both give the
 * same result. Run by {@code bench/lucene-parts.sh}; a main class, not a test (surefire runs *Test only).
 * It lives in the search package to call the package-private engine classes themselves, not copies.
 */
final class LucenePartsBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 11);
    private static final long ROUND_NANOS = Long.getLong("bench.roundMillis", 30) * 1_000_000;

    /** Keeps results alive, so the JIT cannot drop the work. */
    private static long sink;

    private record Row(String part, double hand, double lucene, String same) {
    }

    private static final List<Row> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Data data = new Data(new Random(seed));
        List<MemberDocument> documents = data.members(members);

        long start = System.nanoTime();
        try (SearchIndex index = new SearchIndex(null, 256)) {
            // In two threads, as a rebuild indexes.
            List<MemberDocument> half = documents.subList(0, documents.size() / 2);
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    for (MemberDocument member : half) {
                        index.add(member, data.taxonomy);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (MemberDocument member : documents.subList(half.size(), documents.size())) {
                index.add(member, data.taxonomy);
            }
            other.join();
            index.refresh();
            IndexSearcher managed = index.acquire();
            try {
                IndexReader reader = managed.getIndexReader();
                System.out.printf(Locale.ROOT, "%,d members, %d segments, indexed in %.1f s%n", members, reader.leaves().size(),
                        (System.nanoTime() - start) / 1e9);
                sortKeys(documents);
                Engine engine = new Engine(index, reader);
                facets(engine);
                ranking(engine);
                words(engine);
            } finally {
                index.release(managed);
            }
        }
        print();
    }

    // --- a. Swedish name order ---------------------------------------------------------------------------

    private static void sortKeys(List<MemberDocument> documents) throws Exception {
        String[] names = documents.stream().map(MemberDocument::name).toArray(String[]::new);
        System.out.printf(Locale.ROOT, "%,d distinct names%n", Arrays.stream(names).distinct().count());
        Collator jdk = formerCollator();
        ThreadLocal<Collator> jdks = ThreadLocal.withInitial(LucenePartsBench::formerCollator);
        // The hand-written key the index had until issue 10 (Fields.sortKey), kept here to measure the decision.
        Function<String, BytesRef> hand = name -> new BytesRef(jdks.get().getCollationKey(name).toByteArray());
        Function<String, BytesRef> lucene = name -> {
            CollationDocValuesField field = new CollationDocValuesField(Fields.NAME_SORT, jdk);
            field.setStringValue(name);
            return field.binaryValue();
        };
        Function<String, BytesRef> icuKey = name -> {
            ICUCollationDocValuesField field = new ICUCollationDocValuesField(Fields.NAME_SORT, SwedishText.COLLATION);
            field.setStringValue(name);
            return field.binaryValue();
        };

        // Order: the hand-checked Swedish list, and the whole directory's order compared with ours.
        List<String> expected = List.of("anna", "Anna", "Édith", "Erik", "Eva", "Vera", "Viktor", "Wilma", "Ünal", "Yngve",
                "Zeta", "Åsa", "Ängla", "Ærla", "Äska", "Øberg", "Ödla", "Östen");
        String handOrder = order(expected, hand).equals(expected) ? "yes" : "NO: " + order(expected, hand);
        String jdkOrder = sameOrder(names, hand, lucene);
        String icuOrder = sameOrder(names, hand, icuKey);
        String icuSwedish = order(expected, icuKey).equals(expected) ? "yes" : "NO: " + order(expected, icuKey);
        System.out.println("Swedish order of " + expected + ": JDK (former) " + handOrder + ", ICU " + icuSwedish);

        measure("a. name sort key, per name: CollationDocValuesField (JDK sv + v/w rule)", jdkOrder,
                () -> keys(names, hand), () -> keys(names, lucene), names.length);
        measure("a. name sort key, per name: ICUCollationDocValuesField (ICU sv) [adopted]", icuOrder + "; Swedish list " + icuSwedish,
                () -> keys(names, hand), () -> keys(names, icuKey), names.length);
        BytesRef[] ours = Arrays.stream(names).map(hand).toArray(BytesRef[]::new);
        BytesRef[] icus = Arrays.stream(names).map(icuKey).toArray(BytesRef[]::new);
        System.out.printf(Locale.ROOT, "key bytes per name: JDK %.1f, ICU %.1f%n", Arrays.stream(ours).mapToInt(k -> k.length).average().orElse(0),
                Arrays.stream(icus).mapToInt(k -> k.length).average().orElse(0));
        measure("a. sorting 100k keys (as index sort and ordinal map do): ICU keys", "(order above)",
                () -> sortCopy(ours), () -> sortCopy(icus), 1);
    }

    /** The JDK's Swedish rules with v and w apart, as SwedishText had them until issue 10. */
    private static Collator formerCollator() {
        try {
            java.text.RuleBasedCollator swedish = (java.text.RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag("sv-SE"));
            java.text.RuleBasedCollator modern = new java.text.RuleBasedCollator(swedish.getRules() + "& V < w, W");
            modern.setStrength(Collator.TERTIARY);
            return modern;
        } catch (java.text.ParseException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static long keys(String[] names, Function<String, BytesRef> key) {
        long total = 0;
        for (String name : names) {
            total += key.apply(name).length;
        }
        return total;
    }

    private static long sortCopy(BytesRef[] keys) {
        BytesRef[] copy = keys.clone();
        Arrays.sort(copy);
        return copy[0].length;
    }

    private static List<String> order(List<String> names, Function<String, BytesRef> key) {
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.shuffle(sorted, new Random(7));
        sorted.sort((a, b) -> key.apply(a).compareTo(key.apply(b)));
        return sorted;
    }

    /** Whether both keys put every name in the same place ("yes", or the first place where they differ). */
    private static String sameOrder(String[] names, Function<String, BytesRef> ours, Function<String, BytesRef> theirs) {
        Integer[] byOurs = byKey(names, ours);
        Integer[] byTheirs = byKey(names, theirs);
        for (int i = 0; i < names.length; i++) {
            if (!names[byOurs[i]].equals(names[byTheirs[i]])) {
                return "NO, first difference " + names[byOurs[i]] + " / " + names[byTheirs[i]];
            }
        }
        return "yes";
    }

    private static Integer[] byKey(String[] names, Function<String, BytesRef> key) {
        BytesRef[] keys = Arrays.stream(names).map(key).map(BytesRef::deepCopyOf).toArray(BytesRef[]::new);
        Integer[] order = new Integer[names.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = keys[a].compareTo(keys[b]);
            return c != 0 ? c : names[a].compareTo(names[b]);
        });
        return order;
    }

    // --- b. facet counting -------------------------------------------------------------------------------

    private static void facets(Engine engine) throws Exception {
        Map<Facet, StringDocValuesReaderState> states = new java.util.EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            states.put(facet, new StringDocValuesReaderState(engine.reader, facet.field));
        }
        for (Map.Entry<String, FixedBitSet[]> set : engine.hitSets().entrySet()) {
            FixedBitSet[] hits = set.getValue();
            FacetsCollector collected = engine.collected(hits);
            String same = sameCounts(engine, hits, states, collected);
            measure("b. count 4 facets over " + set.getKey() + ": StringValueFacetCounts", same,
                    () -> engine.count(hits).get(Facet.SKILL)[0], () -> luceneCount(states, collected), 1);
        }
    }

    private static long luceneCount(Map<Facet, StringDocValuesReaderState> states, FacetsCollector hits) throws IOException {
        long total = 0;
        for (StringDocValuesReaderState state : states.values()) {
            total += System.identityHashCode(new StringValueFacetCounts(state, hits));
        }
        return total;
    }

    private static String sameCounts(Engine engine, FixedBitSet[] hits, Map<Facet, StringDocValuesReaderState> states,
            FacetsCollector collected) throws IOException {
        Map<Facet, int[]> ours = engine.count(hits);
        for (Facet facet : Facet.values()) {
            Map<String, Integer> theirs = new HashMap<>();
            FacetResult result = new StringValueFacetCounts(states.get(facet), collected).getAllChildren(facet.field);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    theirs.put(value.label, value.value.intValue());
                }
            }
            Ords ords = engine.index.registry().ords(facet);
            Map<String, Integer> mine = new HashMap<>();
            int[] counts = ours.get(facet);
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    mine.put(ords.value(ord), counts[ord]);
                }
            }
            if (!mine.equals(theirs)) {
                return "NO (" + facet + ")";
            }
        }
        return "yes";
    }

    // --- c. ranking --------------------------------------------------------------------------------------

    private static void ranking(Engine engine) throws Exception {
        for (Map.Entry<String, FixedBitSet[]> set : engine.hitSets().entrySet()) {
            FixedBitSet[] hits = set.getValue();
            for (int wanted : new int[] {20, 1000}) {
                String same = engine.nameTop(hits, wanted).equals(engine.luceneNameTop(hits, wanted)) ? "yes" : "NO";
                measure("c. name order, first " + wanted + " of " + set.getKey() + ": TopFieldCollector (early stop)", same,
                        () -> engine.nameTop(hits, wanted).size(), () -> engine.luceneNameTop(hits, wanted).size(), 1);
            }
        }
        for (String text : List.of("design lulea", "foto")) {
            FixedBitSet[] hits = engine.publicDocs();
            WordMatch[][] words = engine.match(text, hits);
            long total = Arrays.stream(hits).mapToLong(FixedBitSet::cardinality).sum();
            for (int wanted : new int[] {20, 1000}) {
                String same = engine.scoreTop(hits, words, wanted).equals(engine.luceneScoreTop(hits, words, wanted)) ? "yes" : "NO";
                measure(String.format(Locale.ROOT, "c. relevance, first %d of '%s' (%,d hits): TopFieldCollector (score, name, id)", wanted, text,
                        total), same, () -> engine.scoreTop(hits, words, wanted).size(),
                        () -> engine.luceneScoreTop(hits, words, wanted).size(), 1);
            }
        }
    }

    // --- d. word matching --------------------------------------------------------------------------------

    private static void words(Engine engine) throws Exception {
        for (String text : List.of("lulea", "wikström", "fo", "fotgraf", "illustratör")) {
            Analysis.Token token = Analysis.tokens(text).get(0);
            WordMatch.Word word = new WordMatch.Word(token, WordMatch.ALL_FIELDS);
            Query query = wordQuery(token);
            WordScores ours = engine.wordMatch(word);
            WordScores theirs = engine.luceneWordMatch(query);
            String same = ours.equals(theirs) ? "yes" : "NO";
            measure(String.format(Locale.ROOT, "d. match '%s' (%,d docs), no cache: DisMax of Term/Prefix/FuzzyQuery", text,
                    ours.matches()), same, () -> engine.wordMatch(word).matches(), () -> engine.luceneWordMatch(query).matches(), 1);
        }
    }

    /** Lucene's own way to ask WordMatch's question: the best of the constant-scored kinds, per field. */
    private static Query wordQuery(Analysis.Token token) {
        List<Query> kinds = new ArrayList<>();
        boolean diacritics = !token.exact().equals(token.folded());
        boolean prefixes = token.folded().length() >= WordMatch.MIN_PREFIX_LENGTH;
        boolean typos = token.folded().codePointCount(0, token.folded().length()) >= WordMatch.MIN_TYPO_LENGTH;
        for (int f = 0; f < WordMatch.ALL_FIELDS; f++) {
            int weight = WordMatch.FIELD_WEIGHTS[f];
            Term exact = new Term(WordMatch.FIELDS[f] + Analysis.EXACT, token.exact());
            Term folded = new Term(WordMatch.FIELDS[f] + Analysis.FOLDED, token.folded());
            kinds.add(scored(new TermQuery(exact), weight * WordMatch.EXACT));
            if (diacritics && token.exact().length() >= WordMatch.MIN_PREFIX_LENGTH) {
                kinds.add(scored(new PrefixQuery(exact), weight * WordMatch.EXACT_PREFIX));
            }
            kinds.add(scored(new TermQuery(folded), weight * WordMatch.FOLDED));
            if (prefixes) {
                kinds.add(scored(new PrefixQuery(folded), weight * WordMatch.FOLDED_PREFIX));
            }
            if (typos) {
                kinds.add(scored(new FuzzyQuery(folded, 1, WordMatch.TYPO_PREFIX, FuzzyQuery.defaultMaxExpansions, true,
                        MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE), weight * WordMatch.TYPO));
            }
        }
        return new DisjunctionMaxQuery(kinds, 0f);
    }

    private static Query scored(Query query, int score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    /** Per segment, each document's best score: what both ways of matching a word produce. */
    record WordScores(List<byte[]> scores, long matches) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof WordScores that) || that.scores.size() != scores.size()) {
                return false;
            }
            for (int i = 0; i < scores.size(); i++) {
                if (!Arrays.equals(scores.get(i), that.scores.get(i))) {
                    return false;
                }
            }
            return matches == that.matches;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(matches);
        }
    }

    // --- the engine's parts and Lucene's, over one index -------------------------------------------------

    /** The search's per-searcher state, built as MemberSearch builds it, and the same questions asked both ways. */
    private static final class Engine {
        final SearchIndex index;
        final IndexReader reader;
        final List<LeafReaderContext> leaves;
        final SegmentData[] data;
        final Ranker ranker;
        final IndexSearcher lucene;

        Engine(SearchIndex index, IndexReader reader) throws IOException {
            this.index = index;
            this.reader = reader;
            this.leaves = reader.leaves();
            this.data = new SegmentData[leaves.size()];
            LeafReader[] readers = new LeafReader[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                data[leaf.ord] = index.segment(leaf.reader());
                readers[leaf.ord] = leaf.reader();
            }
            this.ranker = new Ranker(readers, data);
            this.lucene = new IndexSearcher(reader);
            lucene.setQueryCache(null); // like the hand-written side here: every call computes
        }

        FixedBitSet[] publicDocs() throws IOException {
            return terms(Fields.STATUS, Fields.PUBLISHED);
        }

        FixedBitSet[] terms(String field, String value) throws IOException {
            FixedBitSet[] sets = new FixedBitSet[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                sets[leaf.ord] = data[leaf.ord].term(leaf.reader(), field, value).clone();
            }
            return sets;
        }

        /** A broad, a middle and a narrow set of hits, as filters give them. */
        Map<String, FixedBitSet[]> hitSets() throws IOException {
            Map<String, FixedBitSet[]> sets = new java.util.LinkedHashMap<>();
            for (String[] filter : List.of(new String[] {Fields.STATUS, Fields.PUBLISHED}, new String[] {Fields.AVAILABLE, "true"},
                    new String[] {Fields.SKILL, "ux"})) {
                FixedBitSet[] set = terms(filter[0], filter[1]);
                sets.put(String.format(Locale.ROOT, "%,d hits", Arrays.stream(set).mapToLong(FixedBitSet::cardinality).sum()), set);
            }
            return sets;
        }

        Map<Facet, int[]> count(FixedBitSet[] hits) {
            Map<Facet, int[]> counts = new java.util.EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                counts.put(facet, new int[index.registry().ords(facet).size()]);
            }
            for (LeafReaderContext leaf : leaves) {
                Facet.count(data[leaf.ord], hits[leaf.ord], Set.of(Facet.values()), counts);
            }
            return counts;
        }

        /** The hits as a facet collector would have gathered them (the sets exist already, as in the engine). */
        FacetsCollector collected(FixedBitSet[] hits) {
            List<FacetsCollector.MatchingDocs> matching = new ArrayList<>();
            for (LeafReaderContext leaf : leaves) {
                int cardinality = hits[leaf.ord].cardinality();
                matching.add(new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(hits[leaf.ord], cardinality), cardinality, null));
            }
            return new FacetsCollector() {
                @Override
                public List<MatchingDocs> getMatchingDocs() {
                    return matching;
                }
            };
        }

        List<String> nameTop(FixedBitSet[] hits, int wanted) {
            return ranker.top(SearchSort.NAME, hits, wanted, null, null, null).stream()
                    .map(hit -> hit.leaf() + ":" + hit.doc()).toList();
        }

        List<String> luceneNameTop(FixedBitSet[] hits, int wanted) throws IOException {
            TopFieldCollector collector = TopFieldCollector.create(Fields.INDEX_SORT, wanted, wanted);
            return collect(collector, hits, null);
        }

        /** Our ties (name, then id), where Lucene's TopScoreDocCollector would break them by document across segments. */
        private static final org.apache.lucene.search.Sort BY_SCORE = new org.apache.lucene.search.Sort(
                org.apache.lucene.search.SortField.FIELD_SCORE, Fields.INDEX_SORT.getSort()[0], Fields.INDEX_SORT.getSort()[1]);

        List<String> scoreTop(FixedBitSet[] hits, WordMatch[][] words, int wanted) {
            return ranker.top(SearchSort.RELEVANCE, hits, wanted, words, null, null).stream()
                    .map(hit -> hit.leaf() + ":" + hit.doc()).toList();
        }

        List<String> luceneScoreTop(FixedBitSet[] hits, WordMatch[][] words, int wanted) throws IOException {
            return collect(TopFieldCollector.create(BY_SCORE, wanted, wanted), hits, words);
        }

        /** Feeds the hits, with the engine's own scores, to a Lucene top-N collector, as IndexSearcher would. */
        private List<String> collect(TopDocsCollector<?> collector, FixedBitSet[] hits, WordMatch[][] words) throws IOException {
            for (LeafReaderContext leaf : leaves) {
                LeafCollector into = collector.getLeafCollector(leaf);
                WordMatch[] matches = words == null ? null : words[leaf.ord];
                Score score = new Score(matches);
                into.setScorer(score);
                FixedBitSet bits = hits[leaf.ord];
                try {
                    for (int doc = Bitsets.nextSetBit(bits, 0); doc != DocIdSetIterator.NO_MORE_DOCS;
                            doc = Bitsets.nextSetBit(bits, doc + 1)) {
                        score.doc = doc;
                        into.collect(doc);
                    }
                } catch (CollectionTerminatedException enough) {
                    // the rest of this segment cannot compete (index sort): on to the next one
                }
            }
            List<String> top = new ArrayList<>();
            for (ScoreDoc hit : collector.topDocs().scoreDocs) {
                int leaf = org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, leaves);
                top.add(leaf + ":" + (hit.doc - leaves.get(leaf).docBase));
            }
            return top;
        }

        WordMatch[][] match(String text, FixedBitSet[] base) throws IOException {
            List<Analysis.Token> tokens = Analysis.tokens(text);
            WordMatch[][] words = new WordMatch[leaves.size()][];
            for (LeafReaderContext leaf : leaves) {
                words[leaf.ord] = new WordMatch[tokens.size()];
                for (int i = 0; i < tokens.size(); i++) {
                    WordMatch.Word word = new WordMatch.Word(tokens.get(i), WordMatch.ALL_FIELDS);
                    byte[] score = new byte[leaf.reader().maxDoc()];
                    words[leaf.ord][i] = WordMatch.compute(leaf.reader(), word, score, new FixedBitSet(score.length));
                    base[leaf.ord].and(words[leaf.ord][i].matches);
                }
            }
            return words;
        }

        /** Per-segment arrays reused across calls and zeroed first, as WordCache's scratch arrays are. */
        private final Map<String, byte[]> scratchScores = new HashMap<>();
        private final Map<String, FixedBitSet> scratchBits = new HashMap<>();

        private byte[] scores(String side, LeafReaderContext leaf) {
            byte[] score = scratchScores.computeIfAbsent(side + leaf.ord, k -> new byte[leaf.reader().maxDoc()]);
            Arrays.fill(score, (byte) 0);
            return score;
        }

        private FixedBitSet bits(String side, LeafReaderContext leaf) {
            FixedBitSet bits = scratchBits.computeIfAbsent(side + leaf.ord, k -> new FixedBitSet(leaf.reader().maxDoc()));
            bits.clear();
            return bits;
        }

        WordScores wordMatch(WordMatch.Word word) throws IOException {
            List<byte[]> scores = new ArrayList<>();
            long matches = 0;
            for (LeafReaderContext leaf : leaves) {
                WordMatch match = WordMatch.compute(leaf.reader(), word, scores("ours", leaf), bits("ours", leaf));
                scores.add(match.score);
                matches += match.matches.cardinality();
            }
            return new WordScores(scores, matches);
        }

        WordScores luceneWordMatch(Query query) throws IOException {
            List<byte[]> scores = new ArrayList<>();
            for (LeafReaderContext leaf : leaves) {
                scores.add(scores("lucene", leaf));
                bits("lucene", leaf);
            }
            long[] matches = new long[1];
            lucene.search(query, new SimpleCollector() {
                private Scorable scorer;
                private byte[] into;
                private FixedBitSet bits;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    into = scores.get(context.ord);
                    bits = scratchBits.get("lucene" + context.ord);
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    into[doc] = (byte) scorer.score();
                    bits.set(doc);
                    matches[0]++;
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            });
            return new WordScores(scores, matches[0]);
        }
    }

    /** The engine's score of the current document (0 for name order, which needs none). */
    private static final class Score extends Scorable {
        private final WordMatch[] words;
        int doc;

        Score(WordMatch[] words) {
            this.words = words;
        }

        @Override
        public float score() {
            if (words == null) {
                return 0;
            }
            int score = 0;
            for (WordMatch word : words) {
                score += word.score[doc];
            }
            return score;
        }

        @Override
        public int docID() {
            return doc;
        }
    }

    // --- the harness -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Task {
        long run() throws Exception;
    }

    /**
     * Warms both sides up, then runs them in alternating rounds (so that noise from the shared machine hits
     * both alike) and keeps each side's median time per operation.
     */
    private static void measure(String part, String same, Task hand, Task lucene, int perRun) throws Exception {
        int iterations = Math.max(calibrate(hand), calibrate(lucene));
        double[] ours = new double[ROUNDS];
        double[] theirs = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ours[round] = timed(hand, iterations);
            theirs[round] = timed(lucene, iterations);
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        rows.add(new Row(part, ours[ROUNDS / 2] / perRun, theirs[ROUNDS / 2] / perRun, same));
        System.out.println("measured: " + part);
    }

    /** Runs the task for about a round's time twice over (the warm-up), and returns how many runs fill a round. */
    private static int calibrate(Task task) throws Exception {
        int runs = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2 * ROUND_NANOS || runs < 3) {
            sink += task.run();
            runs++;
        }
        return Math.max(1, runs / 2);
    }

    /** Nanoseconds per run. */
    private static double timed(Task task, int iterations) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += task.run();
        }
        return (System.nanoTime() - start) / (double) iterations;
    }

    private static void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-90s | %12s | %12s | %6s | %s |%n", "part: Lucene's counterpart", "hand-written",
                "Lucene", "ratio", "same result");
        System.out.printf(Locale.ROOT, "|%s|%s:|%s:|%s:|%s|%n", "-".repeat(92), "-".repeat(13), "-".repeat(13), "-".repeat(7),
                "-".repeat(13));
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %-90s | %12s | %12s | %6.2f | %s |%n", row.part(), time(row.hand()),
                    time(row.lucene()), row.lucene() / row.hand(), row.same());
        }
        System.out.println("(median time per operation over " + ROUNDS + " rounds; ratio = Lucene / hand-written, above 1: ours is faster)");
        System.out.println("checksum " + sink);
    }

    private static String time(double nanos) {
        if (nanos >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos >= 1_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", nanos);
    }

    // --- synthetic data ----------------------------------------------------------------------------------

    /** Members with Swedish names, skills and places; the same seed gives the same directory. */
    private static final class Data {
        private static final String[] FIRST = {"Anna", "anna", "Åsa", "Örjan", "Östen", "Ärla", "Ängla", "Erik", "Édith", "Eva",
            "Vera", "Viktor", "Wilma", "William", "Yngve", "Zeta", "Zlatan", "Ulla", "Maja", "Lars", "Sofie", "Jöns", "Björn",
            "Märta", "Åke", "Elin", "Nils", "Saga", "Tove", "Oskar"};
        /** Surnames are a stem and an ending (Wik + ström), or one of the others: few names repeat, as in life. */
        private static final String[] STEM = {"Lind", "Berg", "Å", "Ö", "Sjö", "Väst", "Norr", "Ek", "Wik", "Vik", "Hägg", "Björk",
            "Gran", "Al", "Ås", "Sand", "Holm", "Lund", "Dahl", "Fors", "Öst", "Zetter", "Ny", "Eng", "Pål", "Ahl", "Wester", "Ved",
            "Älv", "Ull"};
        private static final String[] ENDING = {"ström", "berg", "lund", "qvist", "gren", "man", "dahl", "holm", "sten", "borg",
            "fors", "ling", "mark", "by", "ssön"};
        private static final String[] OTHER = {"Niemi", "Labba", "Kuoljok", "Waara", "Vaara", "Müller", "Øberg", "Éclair",
            "Sørensen", "Ærlig", "Andersson", "Svensson", "Pålsson", "Ünal", "Zetterlund"};
        private static final String[] FIRM = {"Design", "Foto", "Film", "Ljud", "Studio", "Ateljé", "Form", "Text", "Webb"};
        private static final String[] WORDS = {"design", "grafisk", "fotograf", "foto", "film", "illustratör", "illustration",
            "webb", "hemsida", "varumärke", "ljud", "musik", "keramik", "slöjd", "träslöjd", "duodji", "animation", "text",
            "copy", "konst", "måleri", "smide", "broderi", "podcast", "3d", "spel", "utställning", "scenografi", "kostym",
            "dans", "teater", "Luleå", "Kiruna", "Jokkmokk", "Övertorneå", "norrsken", "snö", "älv", "fjäll", "sameslöjd"};
        private static final String[][] MUNICIPALITIES = {{"2505", "Arvidsjaur"}, {"2506", "Arjeplog"}, {"2510", "Jokkmokk"},
            {"2513", "Överkalix"}, {"2514", "Kalix"}, {"2518", "Övertorneå"}, {"2521", "Pajala"}, {"2523", "Gällivare"},
            {"2560", "Älvsbyn"}, {"2580", "Luleå"}, {"2581", "Piteå"}, {"2582", "Boden"}, {"2583", "Haparanda"},
            {"2584", "Kiruna"}};
        private static final String[][] SKILLS = {{"grafisk-design", "Grafisk design", "Graphic design"},
            {"fotografi", "Fotografi", "Photography"}, {"film", "Film", "Film"}, {"illustration", "Illustration", "Illustration"},
            {"webbutveckling", "Webbutveckling", "Web development"}, {"ljuddesign", "Ljuddesign", "Sound design"},
            {"musik", "Musik", "Music"}, {"keramik", "Keramik", "Ceramics"}, {"slojd", "Slöjd", "Handicraft"},
            {"duodji", "Duodji", "Duodji"}, {"animation", "Animation", "Animation"}, {"copywriting", "Copywriting", "Copywriting"},
            {"maleri", "Måleri", "Painting"}, {"smide", "Smide", "Blacksmithing"}, {"spelutveckling", "Spelutveckling",
                "Game development"}, {"scenografi", "Scenografi", "Set design"}, {"dans", "Dans", "Dance"},
            {"teater", "Teater", "Theatre"}, {"podd", "Poddproduktion", "Podcast production"}, {"ux", "UX-design", "UX design"}};
        private static final String[] LANGUAGES = {"sv", "en", "fi", "se", "smj", "fit", "de"};
        private static final String[] OPPORTUNITIES = {"assignments", "employment", "internship", "collaboration", "mentoring"};

        final Random random;
        final Taxonomy taxonomy;

        Data(Random random) {
            this.random = random;
            Map<String, String[]> skills = new HashMap<>();
            for (String[] skill : SKILLS) {
                skills.put(skill[0], new String[] {skill[1], skill[2]});
            }
            Map<String, String[]> municipalities = new HashMap<>();
            for (int i = 0; i < MUNICIPALITIES.length; i++) {
                municipalities.put(MUNICIPALITIES[i][0], new String[] {MUNICIPALITIES[i][1], Double.toString(65 + i * 0.3),
                    Double.toString(18 + i * 0.6)});
            }
            taxonomy = new Taxonomy(skills, municipalities, municipalities.keySet().stream().sorted().toList());
        }

        List<MemberDocument> members(int count) {
            List<MemberDocument> members = new ArrayList<>(count);
            Instant epoch = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < count; i++) {
                MemberType type = MemberType.values()[random.nextInt(3)];
                String name = type == MemberType.AGENCY ? surname() + " " + pick(FIRM) + " AB"
                        : pick(FIRST) + (random.nextInt(3) == 0 ? " " + pick(FIRST) : "") + " " + surname()
                                + (random.nextInt(4) == 0 ? " " + surname() : "");
                String municipality = MUNICIPALITIES[skewed(MUNICIPALITIES.length)][0];
                List<String> skills = distinct(1 + random.nextInt(4), () -> SKILLS[skewed(SKILLS.length)][0]);
                List<String> languages = distinct(1 + random.nextInt(3), () -> LANGUAGES[skewed(LANGUAGES.length)]);
                Instant created = epoch.plusSeconds(random.nextInt(60_000_000));
                members.add(MemberDocument.builder().id(new UUID(random.nextLong(), random.nextLong())).slug("member-" + i)
                        .name(name).type(type).headline(words(3 + random.nextInt(5))).description(words(20 + random.nextInt(40)))
                        .municipality(municipality).serviceArea(List.of(municipality)).skills(skills).languages(languages)
                        .seeks(distinct(random.nextInt(3), () -> OPPORTUNITIES[skewed(OPPORTUNITIES.length)]))
                        .offers(distinct(random.nextInt(2), () -> OPPORTUNITIES[skewed(OPPORTUNITIES.length)])).availableForWork(random.nextBoolean()).createdAt(created)
                        .updatedAt(created.plusSeconds(random.nextInt(1_000_000))).changeSeq(i).status(MemberStatus.PUBLISHED)
                        .build());
            }
            return members;
        }

        private String surname() {
            return random.nextInt(8) == 0 ? pick(OTHER) : pick(STEM) + pick(ENDING);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        /** Earlier values are more common, as real places and skills are. */
        private int skewed(int size) {
            double r = random.nextDouble();
            return (int) (size * r * r);
        }

        private String words(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(i == 0 ? "" : " ").append(WORDS[skewed(WORDS.length)]);
            }
            return text.toString();
        }

        private List<String> distinct(int count, java.util.function.Supplier<String> value) {
            java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>();
            for (int i = 0; i < count * 3 && values.size() < count; i++) {
                values.add(value.get());
            }
            return List.copyOf(values);
        }
    }
}
