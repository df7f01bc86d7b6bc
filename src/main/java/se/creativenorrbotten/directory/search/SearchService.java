package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.http.PublicCaching;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.dto.MemberSummary;

/** Member search and suggestions for the API: validates what the caller asks, then runs it on the index. */
@ApplicationScoped
public class SearchService {

    /** The deepest result a caller can page to (page × size), as in the search engines. */
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_SUGGESTIONS = 10;
    private static final int MAX_SKILL_SUGGESTIONS = 5;
    /** A search that arrives while the index opens, or while others hold every turn, waits this long before a 503. */
    private static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(10);

    private final IndexFollower follower;
    private final SearchMetrics metrics;
    private final int facetCacheSize;
    private final java.time.Period staleAfter;
    private final Clock clock;
    private final SearchGate gate;
    private volatile MemberSearch current;
    private volatile TaxonomyHash taxonomyHash;
    /** The release: a new one may answer the same query differently, so it is part of every tag. */
    private final String release = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class).orElse("");

    private record TaxonomyHash(Taxonomy taxonomy, String hash) {
    }

    public SearchService(IndexFollower follower, SearchMetrics metrics, se.creativenorrbotten.directory.DirectoryConfig config,
            Clock clock) {
        this.follower = follower;
        this.metrics = metrics;
        this.clock = clock;
        this.facetCacheSize = config.search().facetCacheSize();
        this.staleAfter = config.curation().staleAfter();
        this.gate = new SearchGate(config.search().concurrency().orElse(Runtime.getRuntime().availableProcessors()), MAX_WAIT);
    }

    /** The validated query (400 with every bad parameter). */
    public MemberQuery query(SearchRequest request) {
        Instant staleBefore = java.time.ZonedDateTime.now(clock.withZone(MemberService.ZONE)).minus(staleAfter).toInstant();
        return parse(request, follower.taxonomy(), staleBefore);
    }

    /** A search whose facet labels are in {@code language}. */
    public MemberPage search(MemberQuery query, DisplayLanguage language) {
        long started = System.nanoTime();
        SearchResult result = inTurn(search -> search.search(query, language));
        metrics.search().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new MemberPage(result.items(), query.page().page(), query.page().size(), result.total(), result.facets());
    }

    /**
     * The ETag of a search's answer, known without searching: from what the index holds ({@link IndexFollower#contents}),
     * the taxonomy (labels), when the next feature ends (the only change without a write), the release, the label
     * language and the whole normalised query (page, size, sort and facet size included). So it changes exactly when
     * the answer can, and is the same on every instance with the same data. Weak: equal tags promise the same result,
     * not the same bytes.
     */
    public jakarta.ws.rs.core.EntityTag tag(MemberQuery query, DisplayLanguage language) {
        long contents = follower.contents();
        Taxonomy taxonomy = follower.taxonomy();
        long now = clock.millis();
        long nextFeatureEnd = withSearch(search -> search.nextFeatureEnd(now));
        return tag("search", contents, taxonomy, nextFeatureEnd + "|" + language.code() + "|" + query.canonical());
    }

    /** The ETag of the suggestions for {@code q}: from what the index holds, the taxonomy and the query words. */
    public jakarta.ws.rs.core.EntityTag suggestTag(String q, DisplayLanguage language) {
        List<Analysis.Token> tokens = suggestTokens(q);
        long contents = follower.contents();
        Taxonomy taxonomy = follower.taxonomy();
        withSearch(search -> null); // ready, or 503 as the suggestions would be
        return tag("suggest", contents, taxonomy, language.code() + "|" + tokens);
    }

    private jakarta.ws.rs.core.EntityTag tag(String kind, long contents, Taxonomy taxonomy, String query) {
        TaxonomyHash known = taxonomyHash;
        if (known == null || known.taxonomy() != taxonomy) {
            known = new TaxonomyHash(taxonomy, taxonomy == null ? "" : PublicCaching.hash(taxonomy.canonical()));
            taxonomyHash = known;
        }
        String description = kind + "|" + release + "|" + Long.toHexString(contents) + "|" + known.hash() + "|" + query;
        // s-… for a search, c-… for completions: which one a tag belongs to shows in logs and caches.
        return new jakarta.ws.rs.core.EntityTag((kind.equals("search") ? "s-" : "c-") + PublicCaching.hash(description), true);
    }

    private static List<Analysis.Token> suggestTokens(String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw ProblemException.invalid("q", "must be 1 to 100 characters");
        }
        return Analysis.tokens(q);
    }

    /** Completions; a skill that matches is named in {@code language} when that name matches, else in the other one. */
    public SuggestionList suggest(String q, DisplayLanguage language) {
        List<Analysis.Token> tokens = suggestTokens(q);
        if (tokens.isEmpty()) {
            return new SuggestionList(List.of());
        }
        List<WordMatch.Word> words = WordMatch.words(tokens, WordMatch.NAME_ONLY);
        long started = System.nanoTime();
        SuggestionList suggestions = inTurn(search -> {
            List<Suggestion> items = new ArrayList<>(skillSuggestions(words, search.taxonomy(), language));
            for (MemberSummary member : search.names(words, MAX_SUGGESTIONS - items.size())) {
                items.add(new Suggestion(member.name(), "member", member.slug()));
            }
            return new SuggestionList(items);
        });
        metrics.suggest().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return suggestions;
    }

    /** The skills with a name that has every query word, by the same rules that find members. */
    private static List<Suggestion> skillSuggestions(List<WordMatch.Word> words, Taxonomy taxonomy,
            DisplayLanguage language) {
        List<Suggestion> skills = new ArrayList<>();
        boolean en = language == DisplayLanguage.EN;
        taxonomy.skills().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(skill -> {
            String preferred = skill.getValue()[en ? 1 : 0];
            String other = skill.getValue()[en ? 0 : 1];
            if (Highlighter.matchesAll(words, preferred)) {
                skills.add(new Suggestion(preferred, "skill", skill.getKey()));
            } else if (Highlighter.matchesAll(words, other)) {
                skills.add(new Suggestion(other, "skill", skill.getKey()));
            }
        });
        skills.sort(Comparator.comparing(Suggestion::text, se.creativenorrbotten.directory.common.text.SwedishText.COLLATOR));
        return skills.subList(0, Math.min(MAX_SKILL_SUGGESTIONS, skills.size()));
    }

    private interface SearchCall<T> {
        T run(MemberSearch search) throws IOException;
    }

    /**
     * {@link #withSearch} in turn with the other searches ({@link SearchGate}). The turn is taken once the index is
     * ready, so that searches waiting for the start do not hold the turns the others wait for.
     */
    private <T> T inTurn(SearchCall<T> call) {
        awaitIndex();
        return gate.run(() -> withSearch(call));
    }

    private void awaitIndex() {
        if (!follower.isReady()) {
            follower.awaitReady(MAX_WAIT);
        }
    }

    /** Runs a search on the current searcher, reusing its per-searcher state while the index is unchanged. */
    private <T> T withSearch(SearchCall<T> call) {
        awaitIndex();
        SearchIndex index = follower.index();
        if (!follower.isReady() || index == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Search is starting up; try again in a few seconds.");
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                MemberSearch search = current;
                if (search == null || search.searcher() != searcher || search.taxonomy() != follower.taxonomy()) {
                    search = new MemberSearch(index, searcher, follower.taxonomy(), facetCacheSize, clock);
                    current = search;
                }
                return call.run(search);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the parameters; every bad one is reported at once. */
    static MemberQuery parse(SearchRequest r, Taxonomy taxonomy, Instant staleBefore) {
        List<FieldError> errors = new ArrayList<>();
        MemberQuery.Builder query = MemberQuery.builder();
        String text = r.q() == null || r.q().isBlank() ? null : r.q().strip();
        if (text != null && text.length() > MemberQuery.MAX_TEXT_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MemberQuery.MAX_TEXT_LENGTH + " characters"));
        }
        query.text(text);
        for (Facet facet : Facet.values()) {
            List<String> sent = facet.sent.apply(r);
            atMost(facet.parameter, sent, facet.maxValues, errors);
            Set<String> accepted = new LinkedHashSet<>();
            for (String value : sent) {
                String unknown = facet.vocabulary.unknown(value, taxonomy);
                if (unknown == null) {
                    accepted.add(value);
                } else {
                    errors.add(new FieldError(facet.parameter, unknown));
                }
            }
            query.filter(facet, accepted);
        }
        atMost("status", r.status(), MemberQuery.MAX_STATUSES, errors);
        query.serves(single("serves", r.serves(), taxonomy.municipalities().keySet(), "municipality code", errors));
        query.near(single("near", r.near(), taxonomy.municipalities().keySet(), "municipality code", errors));
        query.available(bool("available", r.available(), errors));
        query.featured(bool("featured", r.featured(), errors));
        if (Boolean.TRUE.equals(bool("stale", r.stale(), errors))) {
            query.updatedBefore(staleBefore);
        }
        Set<MemberStatus> statuses = EnumSet.noneOf(MemberStatus.class);
        for (String code : r.status()) {
            if (Coded.isCode(MemberStatus.class, code)) {
                statuses.add(Coded.fromCode(MemberStatus.class, code));
            } else {
                errors.add(new FieldError("status", "unknown status '" + code + "'; must be one of: "
                        + Coded.allowed(MemberStatus.class)));
            }
        }
        query.statuses(statuses);
        if (r.skillMatch() != null) {
            if (r.skillMatch().equals("all") || r.skillMatch().equals("any")) {
                query.skillsAll(r.skillMatch().equals("all"));
            } else {
                errors.add(new FieldError("skillMatch", "must be any or all"));
            }
        }
        SearchSort sort = text == null ? SearchSort.NAME : SearchSort.RELEVANCE;
        if (r.sort() != null) {
            if (Coded.isCode(SearchSort.class, r.sort())) {
                sort = Coded.fromCode(SearchSort.class, r.sort());
            } else {
                errors.add(new FieldError("sort", "unknown sort '" + r.sort() + "'; must be one of: " + Coded.allowed(SearchSort.class)));
            }
        }
        if (sort == SearchSort.DISTANCE && r.near() == null) {
            errors.add(new FieldError("near", "sort=distance needs near=<municipality code> to measure from"));
        }
        query.sort(sort);
        if (r.facetSize() != null) {
            int facetSize;
            try {
                facetSize = Integer.parseInt(r.facetSize());
            } catch (NumberFormatException notANumber) {
                facetSize = -1;
            }
            if (facetSize < 1 || facetSize > MemberQuery.MAX_FACET_SIZE) {
                errors.add(new FieldError("facetSize", "must be an integer from 1 to " + MemberQuery.MAX_FACET_SIZE));
            }
            query.facetSize(facetSize);
        }
        try {
            PageRequest page = PageRequest.parse(r.page(), r.size());
            if ((long) page.page() * page.size() > MAX_WINDOW) {
                errors.add(new FieldError("page", "page × size must not exceed " + MAX_WINDOW + "; narrow the search instead"));
            }
            query.page(page);
        } catch (ProblemException invalidPaging) {
            errors.addAll(invalidPaging.toProblem().errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return query.build();
    }

    /** A repeatable parameter sent more often than its maxItems. */
    private static void atMost(String parameter, List<String> values, int max, List<FieldError> errors) {
        if (values.size() > max) {
            errors.add(new FieldError(parameter, "at most " + max + " values; " + values.size() + " were sent"));
        }
    }

    private static Boolean bool(String parameter, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new FieldError(parameter, "must be true or false"));
        return null;
    }

    private static String single(String parameter, String value, Set<String> known, String label, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!known.contains(value)) {
            errors.add(new FieldError(parameter, "unknown " + label + " '" + value + "'"));
            return null;
        }
        return value;
    }
}
