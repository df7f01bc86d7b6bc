package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SloppyMath;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.text.SwedishText;
import se.creativenorrbotten.directory.member.dto.MemberSummary;

/**
 * Runs one query against one searcher. The design, for speed at 100,000 members:
 * <ol>
 * <li>Per segment, a bit set of the documents the text and the non-facet filters allow (the base), and
 * one of each facet filter, from postings.</li>
 * <li>Disjunctive counts: a facet without a selection is counted over the documents that pass every
 * filter; a facet with one over those that pass every filter but its own. All unselected facets are
 * counted in one pass over plain arrays ({@link SegmentData}); counts over the whole public index are
 * computed once per searcher.</li>
 * <li>Only the requested page is sorted (Lucene's top-N over the final set; listing by name stops early
 * as the index is kept in name order), and only its items are decoded and highlighted.</li>
 * </ol>
 */
final class MemberSearch {

    private final SearchIndex index;
    private final IndexSearcher searcher;
    private final Taxonomy taxonomy;
    private final List<LeafReaderContext> leaves;
    private final SegmentData[] data;
    private final FixedBitSet[] publicDocs;
    private final Ranker ranker;
    private final int[] publicCount;
    private volatile Map<Facet, int[]> globalCounts;

    /** Facet counts and total of a filter combination and words: they do not depend on sort or page. */
    private record Counted(long total, Map<Facet, int[]> counts) {
    }

    /**
     * Counts of the filter combinations asked for most often (Caffeine's W-TinyLFU admission, as the word cache):
     * one-off combinations pass through as young garbage instead of pushing out the common ones.
     */
    private final com.github.benmanes.caffeine.cache.Cache<MemberQuery, Counted> counted;
    private final Map<String, int[]> ranks = new java.util.concurrent.ConcurrentHashMap<>();
    private final int countedCapacity;
    private final Clock clock;

    MemberSearch(SearchIndex index, IndexSearcher searcher, Taxonomy taxonomy, int facetCacheSize, Clock clock) throws IOException {
        this.clock = clock;
        this.countedCapacity = facetCacheSize;
        this.counted = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(Math.max(0, facetCacheSize))
                .executor(Runnable::run).build();
        this.index = index;
        this.searcher = searcher;
        this.taxonomy = taxonomy;
        this.leaves = searcher.getIndexReader().leaves();
        this.data = new SegmentData[leaves.size()];
        this.publicDocs = new FixedBitSet[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            LeafReader reader = leaf.reader();
            data[leaf.ord] = index.segment(reader);
            publicDocs[leaf.ord] = Bitsets.live(data[leaf.ord].term(reader, Fields.STATUS, Fields.PUBLISHED), reader);
        }
        publicCount = new int[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            publicCount[leaf.ord] = publicDocs[leaf.ord].cardinality();
        }
        LeafReader[] readers = leaves.stream().map(LeafReaderContext::reader).toArray(LeafReader[]::new);
        this.ranker = new Ranker(readers, data);
    }

    /**
     * When the next feature in this searcher ends (epoch ms; {@code Long.MAX_VALUE}: none is ahead of
     * {@code now}): the one moment a result changes without a write (the featured filter, flag and boost).
     */
    long nextFeatureEnd(long now) {
        long next = Long.MAX_VALUE;
        for (SegmentData segment : data) {
            next = Math.min(next, segment.nextFeatureEnd(now));
        }
        return next;
    }

    SearchResult search(MemberQuery query, DisplayLanguage language) throws IOException {
        List<WordMatch.Word> queryWords = query.text() == null ? List.of()
                : WordMatch.words(Analysis.tokens(query.text()), WordMatch.ALL_FIELDS);
        boolean text = query.text() != null;
        boolean publicScope = query.statuses().isEmpty();
        long now = clock.millis();

        FixedBitSet[] base = publicScope ? copy(publicDocs) : inStatus(query.statuses());
        if (query.serves() != null) {
            and(base, terms(Fields.SERVES, List.of(query.serves()), false));
        }
        if (query.available() != null) {
            and(base, terms(Fields.AVAILABLE, List.of(query.available().toString()), false));
        }
        SearchSort sort = query.sort() == SearchSort.RELEVANCE && !text ? SearchSort.NAME : query.sort();
        // Who is featured matters to the featured filter and to relevance (the boost) only.
        FixedBitSet[] featured = query.featured() != null || sort == SearchSort.RELEVANCE ? featuredAt(now) : null;
        if (query.featured() != null) {
            for (int leaf = 0; leaf < base.length; leaf++) {
                if (query.featured()) {
                    if (featured[leaf] == null) {
                        base[leaf].clear();
                    } else {
                        base[leaf].and(featured[leaf]);
                    }
                } else if (featured[leaf] != null) {
                    base[leaf].andNot(featured[leaf]);
                }
            }
        }
        if (query.updatedBefore() != null) {
            long before = query.updatedBefore().toEpochMilli();
            for (int leaf = 0; leaf < base.length; leaf++) {
                long[] updated = data[leaf].updated;
                FixedBitSet set = base[leaf];
                for (int doc = Bitsets.nextSetBit(set, 0); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = Bitsets.nextSetBit(set, doc + 1)) {
                    if (updated[doc] >= before) {
                        set.clear(doc);
                    }
                }
            }
        }
        WordMatch[][] words = text ? match(queryWords, base) : new WordMatch[leaves.size()][];
        // Counts over the whole public index (computed once per searcher) serve only unnarrowed public queries;
        // featuring and staleness change with the clock, so their counts are not cached.
        boolean timed = query.featured() != null || query.updatedBefore() != null;
        boolean narrowed = text || query.serves() != null || query.available() != null || timed || !publicScope;
        Map<Facet, FixedBitSet[]> selected = new EnumMap<>(Facet.class);
        for (Map.Entry<Facet, Set<String>> filter : query.filters().entrySet()) {
            Facet facet = filter.getKey();
            selected.put(facet, terms(facet.field, filter.getValue(), facet == Facet.SKILL && query.skillsAll()));
        }

        FixedBitSet[] hits = copy(base);
        selected.values().forEach(set -> and(hits, set));
        MemberQuery key = query.counted();
        boolean cacheable = countedCapacity > 0 && !timed;
        Counted known = cacheable ? counted.getIfPresent(key) : null;
        if (known == null) {
            known = count(base, hits, selected, narrowed, publicScope);
            if (cacheable) {
                counted.put(key, known);
            }
        }
        long total = known.total();
        Map<Facet, int[]> counts = known.counts();

        List<MemberSummary> items = List.of();
        if (total > 0) {
            int wanted = query.page().offset() + query.page().size();
            List<Ranker.Hit> top = ranker.top(sort, hits, wanted, words, municipalityRank(query.near()), featured);
            items = items(top, query.page().offset(), queryWords, !publicScope, now);
        }
        return new SearchResult(items, total, facets(query, counts, language));
    }

    /** The total and the disjunctive facet counts. */
    private Counted count(FixedBitSet[] base, FixedBitSet[] hits, Map<Facet, FixedBitSet[]> selected, boolean narrowed,
            boolean publicScope) {
        long total = 0;
        for (FixedBitSet set : hits) {
            total += set.cardinality();
        }
        Map<Facet, int[]> counts = newCounts();
        EnumSet<Facet> unselected = EnumSet.complementOf(selected.isEmpty() ? EnumSet.noneOf(Facet.class)
                : EnumSet.copyOf(selected.keySet()));
        if (!narrowed && selected.isEmpty()) {
            unselected.forEach(facet -> counts.put(facet, globalCounts().get(facet)));
        } else {
            countOver(hits, unselected, counts, publicScope);
        }
        for (Map.Entry<Facet, FixedBitSet[]> own : selected.entrySet()) {
            Facet facet = own.getKey();
            if (!narrowed && selected.size() == 1) {
                counts.put(facet, globalCounts().get(facet));
                continue;
            }
            FixedBitSet[] others = copy(base);
            selected.forEach((other, set) -> {
                if (other != facet) {
                    and(others, set);
                }
            });
            countOver(others, EnumSet.of(facet), counts, publicScope);
        }
        return new Counted(total, counts);
    }

    /**
     * How each query word matches each segment; narrows {@code base} to the documents every word matches
     * (no words: nothing).
     */
    private WordMatch[][] match(List<WordMatch.Word> compiled, FixedBitSet[] base) throws IOException {
        index.startRequest();
        WordMatch[][] words = new WordMatch[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            WordMatch[] matches = new WordMatch[compiled.size()];
            for (int i = 0; i < matches.length; i++) {
                matches[i] = index.word(leaf.reader(), compiled.get(i));
                base[leaf.ord].and(matches[i].matches);
            }
            words[leaf.ord] = matches;
            if (matches.length == 0) {
                base[leaf.ord].clear();
            }
        }
        return words;
    }

    /**
     * The public members whose names match every word best, for suggestions (no facets, no highlight);
     * the words are compiled for the name only ({@link WordMatch#NAME_ONLY}).
     */
    List<MemberSummary> names(List<WordMatch.Word> queryWords, int wanted) throws IOException {
        FixedBitSet[] hits = copy(publicDocs);
        WordMatch[][] words = match(queryWords, hits);
        long now = clock.millis();
        return items(ranker.top(SearchSort.RELEVANCE, hits, wanted, words, null, null), 0, List.of(), false, now);
    }

    /** Each municipality's (global ord's) place by distance from {@code near}'s town centre. */
    private int[] municipalityRank(String near) {
        if (near == null) {
            return null;
        }
        return ranks.computeIfAbsent(near, this::rankFrom);
    }

    private int[] rankFrom(String near) {
        Ords ords = index.registry().ords(Facet.MUNICIPALITY);
        int[] rank = new int[ords.size()];
        double lat = taxonomy.latitude(near);
        double lon = taxonomy.longitude(near);
        Integer[] byDistance = new Integer[rank.length];
        double[] distance = new double[rank.length];
        for (int m = 0; m < rank.length; m++) {
            String code = ords.value(m);
            byDistance[m] = m;
            distance[m] = taxonomy.municipalities().containsKey(code)
                    ? SloppyMath.haversinMeters(lat, lon, taxonomy.latitude(code), taxonomy.longitude(code))
                    : Double.MAX_VALUE;
        }
        java.util.Arrays.sort(byDistance, (a, b) -> Double.compare(distance[a], distance[b]));
        for (int r = 0; r < byDistance.length; r++) {
            rank[byDistance[r]] = r;
        }
        return rank;
    }

    /** Counts over the whole public index, computed once per searcher. */
    private Map<Facet, int[]> globalCounts() {
        Map<Facet, int[]> counts = globalCounts;
        if (counts == null) {
            counts = newCounts();
            for (Facet facet : Facet.values()) {
                counts.put(facet, new int[index.registry().ords(facet).size()]);
            }
            for (LeafReaderContext leaf : leaves) {
                Facet.count(data[leaf.ord], publicDocs[leaf.ord], EnumSet.allOf(Facet.class), counts);
            }
            globalCounts = counts;
        }
        return counts;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The page's list items, read from the cards (in document order per segment) and highlighted. */
    private List<MemberSummary> items(List<Ranker.Hit> top, int offset, List<WordMatch.Word> queryWords, boolean withStatus,
            long now) throws IOException {
        List<Ranker.Hit> page = top.subList(Math.min(offset, top.size()), top.size());
        MemberSummary[] items = new MemberSummary[page.size()];
        Integer[] byDoc = new Integer[page.size()];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, (a, b) -> page.get(a).leaf() != page.get(b).leaf()
                ? Integer.compare(page.get(a).leaf(), page.get(b).leaf()) : Integer.compare(page.get(a).doc(), page.get(b).doc()));
        BinaryDocValues cards = null;
        int cardsLeaf = -1;
        for (int i : byDoc) {
            Ranker.Hit hit = page.get(i);
            if (hit.leaf() != cardsLeaf) {
                cards = DocValues.getBinary(leaves.get(hit.leaf()).reader(), Fields.CARD);
                cardsLeaf = hit.leaf();
            }
            cards.advanceExact(hit.doc());
            items[i] = item(Fields.summary(cards.binaryValue(), withStatus, now), hit, queryWords);
        }
        return List.of(items);
    }

    private MemberSummary item(MemberSummary card, Ranker.Hit hit, List<WordMatch.Word> queryWords) throws IOException {
        if (queryWords.isEmpty()) {
            return card;
        }
        List<String> texts = new ArrayList<>();
        texts.add(card.name());
        texts.add(card.headline());
        texts.addAll(Fields.tags(card.skills(), card.municipality(), taxonomy));
        Highlighter.Highlight best = Highlighter.highlight(queryWords, texts);
        if (!best.complete()) {
            // Only then is the description worth reading.
            String description = description(hit);
            Highlighter.Highlight inDescription = Highlighter.highlight(queryWords, Collections.singletonList(description));
            if (inDescription.matched() > best.matched()) {
                best = inDescription;
            }
        }
        return ListItems.MAP.withHighlight(card, best.html());
    }

    /** The member's description as the index keeps it (doc values, read in place), or null when it has none. */
    private String description(Ranker.Hit hit) throws IOException {
        BinaryDocValues descriptions = DocValues.getBinary(leaves.get(hit.leaf()).reader(), Fields.DESCRIPTION_TEXT);
        return descriptions.advanceExact(hit.doc()) ? descriptions.binaryValue().utf8ToString() : null;
    }

    /** Documents with any (or, with {@code all}, every) of the values, per segment. */
    private FixedBitSet[] terms(String field, Collection<String> values, boolean all) throws IOException {
        FixedBitSet[] sets = new FixedBitSet[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            SegmentData segment = data[leaf.ord];
            if (values.size() == 1) {
                sets[leaf.ord] = segment.term(leaf.reader(), field, values.iterator().next());
                continue;
            }
            FixedBitSet set = null;
            for (String value : values) {
                FixedBitSet one = segment.term(leaf.reader(), field, value);
                if (set == null) {
                    set = one.clone();
                } else if (all) {
                    set.and(one);
                } else {
                    set.or(one);
                }
            }
            sets[leaf.ord] = set;
        }
        return sets;
    }

    /**
     * Counts the facets over a set of documents. When the set is most of the public index, it counts the
     * rest instead and subtracts from the whole index's counts: the cost follows the smaller side.
     */
    private void countOver(FixedBitSet[] docs, Set<Facet> which, Map<Facet, int[]> counts, boolean publicScope) {
        if (which.isEmpty()) {
            return;
        }
        long size = 0;
        long everything = 0;
        for (LeafReaderContext leaf : leaves) {
            size += docs[leaf.ord].cardinality();
            everything += publicCount[leaf.ord];
        }
        boolean complement = publicScope && size > everything / 2;
        Map<Facet, int[]> fresh = new EnumMap<>(Facet.class);
        which.forEach(facet -> fresh.put(facet, new int[index.registry().ords(facet).size()]));
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet set = docs[leaf.ord];
            if (complement) {
                set = publicDocs[leaf.ord].clone();
                set.andNot(docs[leaf.ord]);
            }
            Facet.count(data[leaf.ord], set, which, fresh);
        }
        if (complement) {
            Map<Facet, int[]> all = globalCounts();
            fresh.forEach((facet, rest) -> {
                int[] whole = all.get(facet);
                for (int ord = 0; ord < rest.length; ord++) {
                    rest[ord] = (ord < whole.length ? whole[ord] : 0) - rest[ord];
                }
            });
        }
        counts.putAll(fresh);
    }

    private Map<Facet, int[]> newCounts() {
        return new EnumMap<>(Facet.class);
    }

    /** The facets, each listed as its {@link Facet.Listing} says, with labels in the caller's language. */
    private Facets facets(MemberQuery query, Map<Facet, int[]> counts, DisplayLanguage language) {
        Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            facets.put(facet, facetValues(facet, query, counts, language));
        }
        return Facets.of(facets);
    }

    private static final Comparator<FacetValue> BY_COUNT = Comparator.comparingLong(FacetValue::count).reversed()
            .thenComparing(FacetValue::label, SwedishText.COLLATOR).thenComparing(FacetValue::value);

    private List<FacetValue> facetValues(Facet facet, MemberQuery query, Map<Facet, int[]> counts, DisplayLanguage language) {
        java.util.function.Function<String, FacetValue> value = v -> new FacetValue(v,
                facet.vocabulary.label(v, taxonomy, language), count(counts, facet, v));
        List<FacetValue> values = new ArrayList<>();
        switch (facet.listing) {
            case FIXED, ALL -> facet.vocabulary.listed(taxonomy).forEach(v -> values.add(value.apply(v)));
            case TOP, PRESENT -> {
                Ords ords = index.registry().ords(facet);
                int[] perOrd = counts.get(facet);
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        values.add(value.apply(ords.value(ord)));
                    }
                }
                values.sort(BY_COUNT);
                if (facet.listing == Facet.Listing.TOP && values.size() > query.facetSize()) {
                    values.subList(query.facetSize(), values.size()).clear();
                }
                for (String selected : query.selected(facet)) {
                    if (values.stream().noneMatch(v -> v.value().equals(selected))) {
                        values.add(value.apply(selected));
                    }
                }
            }
        }
        if (facet.listing != Facet.Listing.FIXED) {
            values.sort(BY_COUNT);
        }
        return values;
    }

    private long count(Map<Facet, int[]> counts, Facet facet, String value) {
        int ord = index.registry().ords(facet).find(value);
        int[] values = counts.get(facet);
        return ord < 0 || ord >= values.length ? 0 : values[ord];
    }

    /** The live documents in any of the statuses (curators' searches). */
    private FixedBitSet[] inStatus(Set<se.creativenorrbotten.directory.member.MemberStatus> statuses) throws IOException {
        FixedBitSet[] sets = terms(Fields.STATUS, statuses.stream().map(status -> status.code()).toList(), false);
        for (LeafReaderContext leaf : leaves) {
            sets[leaf.ord] = Bitsets.live(sets[leaf.ord], leaf.reader());
        }
        return sets;
    }

    /** Per segment, the documents featured at {@code now} (null where none is). */
    private FixedBitSet[] featuredAt(long now) {
        FixedBitSet[] featured = new FixedBitSet[leaves.size()];
        for (int leaf = 0; leaf < featured.length; leaf++) {
            featured[leaf] = data[leaf].featuredAt(now);
        }
        return featured;
    }

    private static FixedBitSet[] copy(FixedBitSet[] sets) {
        FixedBitSet[] copy = new FixedBitSet[sets.length];
        for (int i = 0; i < sets.length; i++) {
            copy[i] = sets[i].clone();
        }
        return copy;
    }

    private static void and(FixedBitSet[] into, FixedBitSet[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i].and(other[i]);
        }
    }
}
