package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * A search index in memory over a handful of members, queried with the engine's own parts: no database, no
 * container. Members are described with {@link Member} and queries with {@link Query}; each turns into the
 * engine's type in one place ({@link Member#document()}, {@link Query#query()}), so a change to those types'
 * constructors is a one-line change here.
 */
final class SearchFixture implements AutoCloseable {

    /** The fixed moment every search runs at (featuring is decided against it). */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Five municipalities and a few skills; skill and municipality names are searchable text (the tags field). */
    static final Taxonomy TAXONOMY = taxonomy();

    final SearchIndex index;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Ids from a seeded generator: the same in every run, and not in the order members are added. */
    private final Random ids = new Random(20261);
    /** The members the index holds now (added, not deleted), for brute-force expectations. */
    private final Map<UUID, Member> live = new LinkedHashMap<>();
    private IndexSearcher searcher;
    private MemberSearch search;

    private static final long WORD_CACHE_BYTES = 1 << 20;

    SearchFixture() throws IOException {
        this(null, WORD_CACHE_BYTES);
    }

    /** An index persisted in this folder (committed with {@code index.commit}). */
    SearchFixture(java.nio.file.Path folder) throws IOException {
        this(folder, WORD_CACHE_BYTES);
    }

    /** With a word cache of this many bytes (what a kept match holds: {@link WordMatch#denseBytes}, {@link WordMatch#sparseBytes}). */
    SearchFixture(long wordCacheBytes) throws IOException {
        this(null, wordCacheBytes);
    }

    private SearchFixture(java.nio.file.Path folder, long wordCacheBytes) throws IOException {
        index = new SearchIndex(folder, wordCacheBytes);
    }

    private static Taxonomy taxonomy() {
        Map<String, String[]> skills = new LinkedHashMap<>();
        skills.put("foto", new String[] {"Fotografi", "Photography"});
        skills.put("ljud", new String[] {"Ljuddesign", "Sound design"});
        skills.put("zorblax", new String[] {"Zorblaxande", "Zorblaxing"});
        skills.put("annat", new String[] {"Övrigt", "Other"});
        Map<String, String[]> municipalities = new LinkedHashMap<>();
        municipalities.put("2580", new String[] {"Luleå", "65.5848", "22.1547"});
        municipalities.put("2581", new String[] {"Piteå", "65.3172", "21.4794"});
        municipalities.put("2582", new String[] {"Boden", "65.8252", "21.6886"});
        municipalities.put("2584", new String[] {"Kiruna", "67.8557", "20.2255"});
        municipalities.put("2518", new String[] {"Övertorneå", "66.3897", "23.6553"});
        return new Taxonomy(skills, municipalities, municipalities.keySet().stream().sorted().toList());
    }

    /** A published, available freelancer in Kiruna with the skill "annat" (Övrigt, Other) and Swedish, named {@code name}. */
    Member member(String name) {
        return new Member(new UUID(ids.nextLong(), ids.nextLong()), name);
    }

    /** Puts the members into the index (visible after the next {@link #flush()}). */
    SearchFixture add(Member... members) throws IOException {
        for (Member member : members) {
            index.put(member.document(), TAXONOMY);
            live.put(member.id, member);
        }
        return this;
    }

    SearchFixture delete(Member member) throws IOException {
        index.delete(member.id);
        live.remove(member.id);
        return this;
    }

    /** Makes the changes so far visible; what was added since the last flush becomes a segment of its own. */
    SearchFixture flush() throws IOException {
        index.refresh();
        return this;
    }

    /** The members the index holds now. */
    Collection<Member> members() {
        return live.values();
    }

    /** The search over the latest flushed state, reused while nothing changed (as the service does). */
    MemberSearch search() throws IOException {
        IndexSearcher latest = index.acquire();
        if (latest == searcher) {
            index.release(latest);
            return search;
        }
        if (searcher != null) {
            index.release(searcher);
        }
        searcher = latest;
        search = new MemberSearch(index, searcher, TAXONOMY, 16, clock);
        return search;
    }

    SearchResult result(Query query) throws IOException {
        return search().search(query.query(), DisplayLanguage.SV);
    }

    /** The names of a result's items, in order. */
    List<String> names(Query query) throws IOException {
        return result(query).items().stream().map(item -> item.name()).toList();
    }

    int segments() throws IOException {
        return search().searcher().getIndexReader().leaves().size();
    }

    /** A published member the ranking placed, with its score. */
    record Scored(UUID id, String name, int score) {
    }

    /**
     * The first {@code wanted} published members matching every word of {@code text}, in the Ranker's order with the
     * Ranker's scores (the featured boost included): the same parts {@link MemberSearch} ranks with, opened up so that
     * a test can assert the scores themselves and not only an order that a tie could produce.
     */
    List<Scored> ranked(String text, int wanted) throws IOException {
        IndexSearcher current = search().searcher();
        List<LeafReaderContext> leaves = current.getIndexReader().leaves();
        LeafReader[] readers = new LeafReader[leaves.size()];
        SegmentData[] data = new SegmentData[leaves.size()];
        FixedBitSet[] hits = new FixedBitSet[leaves.size()];
        WordMatch[][] words = new WordMatch[leaves.size()][];
        FixedBitSet[] featured = new FixedBitSet[leaves.size()];
        List<WordMatch.Word> compiled = Analysis.tokens(text).stream()
                .map(token -> new WordMatch.Word(token, WordMatch.ALL_FIELDS)).toList();
        index.startRequest();
        for (LeafReaderContext leaf : leaves) {
            LeafReader reader = leaf.reader();
            readers[leaf.ord] = reader;
            data[leaf.ord] = index.segment(reader);
            hits[leaf.ord] = Bitsets.live(data[leaf.ord].term(reader, Fields.STATUS, Fields.PUBLISHED), reader);
            words[leaf.ord] = new WordMatch[compiled.size()];
            for (int i = 0; i < compiled.size(); i++) {
                words[leaf.ord][i] = index.word(reader, compiled.get(i));
                hits[leaf.ord].and(words[leaf.ord][i].matches);
            }
            featured[leaf.ord] = data[leaf.ord].featuredAt(NOW.toEpochMilli());
        }
        List<Scored> ranked = new ArrayList<>();
        for (Ranker.Hit hit : new Ranker(readers, data).top(SearchSort.RELEVANCE, hits, wanted, words, null, featured)) {
            UUID id = id(readers[hit.leaf()], hit.doc());
            ranked.add(new Scored(id, live.get(id).name, (int) -hit.key()));
        }
        return ranked;
    }

    private static UUID id(LeafReader reader, int doc) throws IOException {
        SortedDocValues ids = DocValues.getSorted(reader, Fields.ID);
        if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
        }
        return UUID.fromString(ids.lookupOrd(ids.ordValue()).utf8ToString());
    }

    @Override
    public void close() throws IOException {
        if (searcher != null) {
            index.release(searcher);
        }
        index.close();
    }

    /** A member as the index receives it; starts as {@link SearchFixture#member} describes. */
    static final class Member {
        final UUID id;
        String name;
        MemberType type = MemberType.FREELANCER;
        String headline;
        String description;
        String municipality = "2584";
        List<String> serviceArea = List.of();
        List<String> skills = List.of("annat");
        List<String> languages = List.of("sv");
        List<String> seeks = List.of();
        List<String> offers = List.of();
        boolean available = true;
        MemberStatus status = MemberStatus.PUBLISHED;
        Instant featuredUntil;

        private Member(UUID id, String name) {
            this.id = id;
            this.name = name;
        }

        Member headline(String headline) {
            this.headline = headline;
            return this;
        }

        Member description(String description) {
            this.description = description;
            return this;
        }

        Member type(MemberType type) {
            this.type = type;
            return this;
        }

        Member municipality(String municipality) {
            this.municipality = municipality;
            return this;
        }

        Member serviceArea(String... codes) {
            this.serviceArea = List.of(codes);
            return this;
        }

        Member skills(String... skills) {
            this.skills = List.of(skills);
            return this;
        }

        Member skills(List<String> skills) {
            this.skills = List.copyOf(skills);
            return this;
        }

        Member languages(String... languages) {
            this.languages = List.of(languages);
            return this;
        }

        Member seeks(String... codes) {
            this.seeks = List.of(codes);
            return this;
        }

        Member offers(String... codes) {
            this.offers = List.of(codes);
            return this;
        }

        Member available(boolean available) {
            this.available = available;
            return this;
        }

        Member status(MemberStatus status) {
            this.status = status;
            return this;
        }

        Member featuredUntil(Instant until) {
            this.featuredUntil = until;
            return this;
        }

        /** The one place a test member becomes the index's document. */
        MemberDocument document() {
            String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                    + id.toString().substring(0, 8);
            Instant created = NOW.minus(Duration.ofDays(30));
            return MemberDocument.builder().id(id).slug(slug).name(name).type(type).headline(headline).description(description)
                    .municipality(municipality).serviceArea(serviceArea).skills(skills).languages(languages).seeks(seeks)
                    .offers(offers).availableForWork(available).createdAt(created).updatedAt(created).changeSeq(1).status(status)
                    .featuredUntil(featuredUntil).build();
        }
    }

    /** A query as {@link MemberQuery} takes it; starts as the public listing's first page, sorted by relevance. */
    static final class Query {
        String text;
        Set<MemberType> types = Set.of();
        Set<String> skills = Set.of();
        boolean skillsAll;
        Set<String> municipalities = Set.of();
        Set<String> languages = Set.of();
        Set<String> seeks = Set.of();
        Set<String> offers = Set.of();
        String serves;
        Boolean available;
        SearchSort sort = SearchSort.RELEVANCE;
        int page = 1;
        int size = PageRequest.MAX_SIZE;
        int facetSize = 1000;
        Set<MemberStatus> statuses = Set.of();

        static Query all() {
            return new Query();
        }

        static Query text(String text) {
            Query query = new Query();
            query.text = text;
            return query;
        }

        Query types(MemberType... types) {
            this.types = Set.of(types);
            return this;
        }

        Query skills(String... skills) {
            this.skills = Set.of(skills);
            return this;
        }

        Query skillsAll() {
            this.skillsAll = true;
            return this;
        }

        Query municipalities(String... codes) {
            this.municipalities = Set.of(codes);
            return this;
        }

        Query languages(String... codes) {
            this.languages = Set.of(codes);
            return this;
        }

        Query seeks(String... codes) {
            this.seeks = Set.of(codes);
            return this;
        }

        Query offers(String... codes) {
            this.offers = Set.of(codes);
            return this;
        }

        Query serves(String code) {
            this.serves = code;
            return this;
        }

        Query available(Boolean available) {
            this.available = available;
            return this;
        }

        Query page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        Query statuses(MemberStatus... statuses) {
            this.statuses = Set.of(statuses);
            return this;
        }

        /** The one place a test query becomes the engine's. */
        MemberQuery query() {
            return MemberQuery.builder().text(text)
                    .filter(Facet.TYPE, types.stream().map(MemberType::code).collect(java.util.stream.Collectors.toSet()))
                    .filter(Facet.SKILL, skills).filter(Facet.MUNICIPALITY, municipalities).filter(Facet.LANGUAGE, languages)
                    .filter(Facet.SEEKS, seeks).filter(Facet.OFFERS, offers).skillsAll(skillsAll).serves(serves)
                    .available(available).sort(sort).page(new PageRequest(page, size)).facetSize(facetSize).statuses(statuses)
                    .build();
        }

        @Override
        public String toString() {
            return query().canonical();
        }
    }

    /** Every facet of a result as value → count, zero counts left out. */
    static Map<Facet, Map<String, Long>> counts(Facets facets) {
        Map<Facet, Map<String, Long>> counts = new java.util.EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, nonZero(facets.values(facet)));
        }
        return counts;
    }

    private static Map<String, Long> nonZero(List<FacetValue> values) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        values.stream().filter(value -> value.count() > 0).forEach(value -> counts.put(value.value(), value.count()));
        return counts;
    }
}
