package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import se.creativenorrbotten.directory.common.text.SwedishText;
import se.creativenorrbotten.directory.member.MemberType;
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

    private static final Set<String> STORED = Set.of(Fields.CARD, Fields.DESCRIPTION_TEXT);
    private static final Set<String> CARD_ONLY = Set.of(Fields.CARD);

    private final SearchIndex index;
    private final IndexSearcher searcher;
    private final Taxonomy taxonomy;
    private final List<LeafReaderContext> leaves;
    private final SegmentData[] data;
    private final FixedBitSet[] publicDocs;
    private volatile Map<Facet, int[]> globalCounts;

    MemberSearch(SearchIndex index, IndexSearcher searcher, Taxonomy taxonomy) throws IOException {
        this.index = index;
        this.searcher = searcher;
        this.taxonomy = taxonomy;
        this.leaves = searcher.getIndexReader().leaves();
        this.data = new SegmentData[leaves.size()];
        this.publicDocs = new FixedBitSet[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            LeafReader reader = leaf.reader();
            data[leaf.ord] = index.segment(reader);
            FixedBitSet visible = data[leaf.ord].published.clone();
            Bits live = reader.getLiveDocs();
            if (live != null) {
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (!live.get(doc)) {
                        visible.clear(doc);
                    }
                }
            }
            publicDocs[leaf.ord] = visible;
        }
    }

    SearchResult search(MemberQuery query) throws IOException {
        List<Analysis.Token> tokens = query.text() == null ? List.of() : Analysis.tokens(query.text());
        Query text = query.text() == null ? null : searcher.rewrite(TextQuery.build(tokens));

        FixedBitSet[] base = copy(publicDocs);
        boolean narrowed = text != null;
        if (query.serves() != null) {
            and(base, terms(Fields.SERVES, List.of(query.serves()), false));
            narrowed = true;
        }
        if (query.available() != null) {
            and(base, terms(Fields.AVAILABLE, List.of(query.available().toString()), false));
            narrowed = true;
        }
        Map<Facet, FixedBitSet[]> selected = new EnumMap<>(Facet.class);
        if (!query.types().isEmpty()) {
            selected.put(Facet.TYPE, terms(Fields.TYPE, query.types().stream().map(MemberType::code).toList(), false));
        }
        if (!query.skills().isEmpty()) {
            selected.put(Facet.SKILL, terms(Fields.SKILL, query.skills(), query.skillsAll()));
        }
        if (!query.municipalities().isEmpty()) {
            selected.put(Facet.MUNICIPALITY, terms(Fields.MUNICIPALITY, query.municipalities(), false));
        }
        if (!query.languages().isEmpty()) {
            selected.put(Facet.LANGUAGE, terms(Fields.LANGUAGE, query.languages(), false));
        }

        FixedBitSet[] hits = copy(base);
        selected.values().forEach(set -> and(hits, set));
        TopFieldDocs top = null;
        if (text != null) {
            TextPass pass = new TextPass(hits, sortOf(query, text), query.page().offset() + query.page().size());
            searcher.search(text, pass);
            and(base, pass.matches);
            and(hits, pass.matches);
            top = pass.top.topDocs();
        }
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
            countOver(hits, unselected, counts);
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
            countOver(others, EnumSet.of(facet), counts);
        }

        List<MemberSummary> items = List.of();
        if (total > 0) {
            if (top == null) {
                int wanted = query.page().offset() + query.page().size();
                top = searcher.search(new DocSetQuery(hits), new TopFieldCollectorManager(sortOf(query, null), wanted, null, wanted));
            }
            items = items(top.scoreDocs, query.page().offset(), tokens);
        }
        return new SearchResult(items, total, facets(query, counts));
    }

    /**
     * One pass of the text query over the index: records every match (for the facet counts) and
     * collects the top of those that also pass the filters, with their scores.
     */
    private static final class TextPass implements Collector {
        private final FixedBitSet[] filter;
        final FixedBitSet[] matches;
        final TopFieldCollector top;

        TextPass(FixedBitSet[] filter, Sort sort, int wanted) {
            this.filter = filter;
            this.matches = new FixedBitSet[filter.length];
            for (int i = 0; i < filter.length; i++) {
                matches[i] = new FixedBitSet(filter[i].length());
            }
            this.top = new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE).newCollector();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector inner = top.getLeafCollector(context);
            FixedBitSet matched = matches[context.ord];
            FixedBitSet allowed = filter[context.ord];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    inner.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    matched.set(doc);
                    if (allowed.get(doc)) {
                        inner.collect(doc);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private Sort sortOf(MemberQuery query, Query text) {
        double lat = query.near() == null ? 0 : taxonomy.latitude(query.near());
        double lon = query.near() == null ? 0 : taxonomy.longitude(query.near());
        SearchSort sort = query.sort() == SearchSort.RELEVANCE && text == null ? SearchSort.NAME : query.sort();
        return sort.lucene(lat, lon);
    }

    /** Counts over the whole public index, computed once per searcher. */
    private Map<Facet, int[]> globalCounts() {
        Map<Facet, int[]> counts = globalCounts;
        if (counts == null) {
            counts = newCounts();
            countOver(publicDocs, EnumSet.allOf(Facet.class), counts);
            globalCounts = counts;
        }
        return counts;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** A filter to the members the public may see. */
    Query publicOnly() {
        return new DocSetQuery(publicDocs);
    }

    /** The list item stored with a document. */
    MemberSummary card(int doc) throws IOException {
        return Fields.summary(searcher.storedFields().document(doc, CARD_ONLY).getBinaryValue(Fields.CARD), null);
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    private List<MemberSummary> items(ScoreDoc[] docs, int offset, List<Analysis.Token> tokens) throws IOException {
        List<MemberSummary> items = new ArrayList<>(Math.max(0, docs.length - offset));
        StoredFields stored = searcher.storedFields();
        for (int i = offset; i < docs.length; i++) {
            items.add(item(stored, docs[i].doc, tokens));
        }
        return items;
    }

    private MemberSummary item(StoredFields stored, int doc, List<Analysis.Token> tokens) throws IOException {
        org.apache.lucene.document.Document fields = stored.document(doc, tokens.isEmpty() ? CARD_ONLY : STORED);
        MemberSummary card = Fields.summary(fields.getBinaryValue(Fields.CARD), null);
        if (tokens.isEmpty()) {
            return card;
        }
        List<String> texts = new ArrayList<>();
        texts.add(card.name());
        texts.add(card.headline());
        texts.addAll(Fields.tags(card.skills(), card.municipality(), taxonomy));
        texts.add(fields.get(Fields.DESCRIPTION_TEXT));
        String highlight = Highlighter.highlight(tokens, texts);
        return new MemberSummary(card.id(), card.slug(), card.name(), card.type(), card.headline(), card.municipality(),
                card.skills(), card.languages(), card.website(), card.logoUrl(), card.availableForWork(), card.updatedAt(),
                highlight);
    }

    /** Documents with any (or, with {@code all}, every) of the values, per segment. */
    private FixedBitSet[] terms(String field, Collection<String> values, boolean all) throws IOException {
        FixedBitSet[] sets = new FixedBitSet[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            LeafReader reader = leaf.reader();
            FixedBitSet set = new FixedBitSet(reader.maxDoc());
            boolean first = true;
            for (String value : values) {
                if (all) {
                    FixedBitSet one = SegmentData.postings(reader, new Term(field, value), new FixedBitSet(reader.maxDoc()));
                    if (first) {
                        set.or(one);
                    } else {
                        set.and(one);
                    }
                    first = false;
                } else {
                    SegmentData.postings(reader, new Term(field, value), set);
                }
            }
            sets[leaf.ord] = set;
        }
        return sets;
    }

    private void countOver(FixedBitSet[] docs, Set<Facet> which, Map<Facet, int[]> counts) {
        if (which.isEmpty()) {
            return;
        }
        Map<Facet, int[]> fresh = new EnumMap<>(Facet.class);
        which.forEach(facet -> fresh.put(facet, new int[index.registry().ords(facet).size()]));
        for (LeafReaderContext leaf : leaves) {
            Facet.count(data[leaf.ord], docs[leaf.ord], which, fresh);
        }
        counts.putAll(fresh);
    }

    private Map<Facet, int[]> newCounts() {
        return new EnumMap<>(Facet.class);
    }

    private Facets facets(MemberQuery query, Map<Facet, int[]> counts) {
        List<FacetValue> types = new ArrayList<>();
        for (MemberType type : MemberType.values()) {
            types.add(new FacetValue(type.code(), Labels.type(type), count(counts, Facet.TYPE, type.code())));
        }
        List<FacetValue> municipalities = new ArrayList<>();
        for (String code : taxonomy.municipalityCodes()) {
            municipalities.add(new FacetValue(code, taxonomy.municipalityName(code), count(counts, Facet.MUNICIPALITY, code)));
        }
        municipalities.sort(BY_COUNT);
        List<FacetValue> skills = top(counts, Facet.SKILL, query.skills(), query.facetSize(), taxonomy::skillNameSv);
        List<FacetValue> languages = top(counts, Facet.LANGUAGE, query.languages(), Integer.MAX_VALUE, Labels::language);
        return new Facets(types, skills, municipalities, languages);
    }

    private static final Comparator<FacetValue> BY_COUNT = Comparator.comparingLong(FacetValue::count).reversed()
            .thenComparing(FacetValue::label, SwedishText.COLLATOR).thenComparing(FacetValue::value);

    private List<FacetValue> top(Map<Facet, int[]> counts, Facet facet, Set<String> selected, int size,
            java.util.function.Function<String, String> label) {
        Ords ords = index.registry().ords(facet);
        int[] values = counts.get(facet);
        List<FacetValue> all = new ArrayList<>();
        for (int ord = 0; ord < values.length; ord++) {
            if (values[ord] > 0) {
                String value = ords.value(ord);
                all.add(new FacetValue(value, label.apply(value), values[ord]));
            }
        }
        all.sort(BY_COUNT);
        List<FacetValue> top = new ArrayList<>(all.subList(0, Math.min(size, all.size())));
        for (String value : selected) {
            if (top.stream().noneMatch(v -> v.value().equals(value))) {
                top.add(new FacetValue(value, label.apply(value), count(counts, facet, value)));
            }
        }
        top.sort(BY_COUNT);
        return top;
    }

    private long count(Map<Facet, int[]> counts, Facet facet, String value) {
        int ord = index.registry().ords(facet).find(value);
        int[] values = counts.get(facet);
        return ord < 0 || ord >= values.length ? 0 : values[ord];
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
