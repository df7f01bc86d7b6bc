package se.creativenorrbotten.directory.search;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.MemberStatus;

/**
 * What a caller asks of the member list, validated: the one description of a query that filtering, counting, caching
 * and the ETag all read. Values of one filter are OR-ed (AND-ed for skills with {@code skillsAll}), different filters
 * AND-ed. Built with {@link #builder()}, by name.
 *
 * @param text free text, or null
 * @param filters the selected values of each keyword filter ({@link Facet}); a filter without values is absent
 * @param serves a municipality code the member is based in or serves, or null
 * @param available true or false to filter on availability, or null for both
 * @param near the municipality code distances are measured from (sort distance), or null
 * @param statuses the statuses to list (curators); empty: the published members, as the public sees them
 * @param featured true or false to filter on being featured now, or null for both
 * @param updatedBefore only members last updated before this moment (stale listings), or null
 */
public record MemberQuery(String text, Map<Facet, Set<String>> filters, boolean skillsAll, String serves, Boolean available,
        SearchSort sort, String near, PageRequest page, int facetSize, Set<MemberStatus> statuses, Boolean featured,
        Instant updatedBefore) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int DEFAULT_FACET_SIZE = 20;
    public static final int MAX_FACET_SIZE = 100;
    /** The most values each repeatable filter takes: enforced by the search and published as the contract's maxItems. */
    public static final int MAX_TYPES = 3;
    public static final int MAX_SKILLS = 20;
    public static final int MAX_MUNICIPALITIES = 14;
    public static final int MAX_LANGUAGES = 20;
    public static final int MAX_OPPORTUNITIES = 5;
    public static final int MAX_STATUSES = 4;

    public MemberQuery {
        EnumMap<Facet, Set<String>> selected = new EnumMap<>(Facet.class);
        filters.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                selected.put(facet, Set.copyOf(values));
            }
        });
        filters = java.util.Collections.unmodifiableMap(selected);
        statuses = Set.copyOf(statuses);
    }

    /** The selected values of one keyword filter (empty: not filtered on it). */
    Set<String> selected(Facet facet) {
        return filters.getOrDefault(facet, Set.of());
    }

    private static final java.lang.reflect.RecordComponent[] COMPONENTS = MemberQuery.class.getRecordComponents();

    /**
     * The query as text: equal for equal queries, different for unequal ones, and the same in every process (sets
     * in sorted order; texts with their length, so no text can imitate the parts that follow it). Built from every
     * component of the record, so a filter added later is part of it without code here. The search's ETag is
     * made from it (SearchService.tag).
     */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (java.lang.reflect.RecordComponent component : COMPONENTS) {
            Object value;
            try {
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String text = String.valueOf(sorted(value));
            out.append(component.getName()).append('=').append(text.length()).append(':').append(text).append(';');
        }
        return out.toString();
    }

    private static Object sorted(Object value) {
        if (value instanceof Set<?> set) {
            return set.stream().map(String::valueOf).sorted().toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> byName = new TreeMap<>();
            map.forEach((key, values) -> byName.put(String.valueOf(key), sorted(values)));
            return byName;
        }
        return value;
    }

    /**
     * This query less what only presents its result (sort, page, facet size): two queries with equal
     * {@code counted()} values have the same total and facet counts, and any difference in the text or a
     * filter makes them unequal. Caches of counts are keyed by this value, never by a hand-built key.
     */
    public MemberQuery counted() {
        return toBuilder().sort(null).page(null).facetSize(0).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.filters.putAll(filters);
        b.skillsAll = skillsAll;
        b.serves = serves;
        b.available = available;
        b.sort = sort;
        b.near = near;
        b.page = page;
        b.facetSize = facetSize;
        b.statuses = statuses;
        b.featured = featured;
        b.updatedBefore = updatedBefore;
        return b;
    }

    /** Builds a query by name; unset parts are absent (no text, no filters, the published members). */
    public static final class Builder {
        private String text;
        private final Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        private boolean skillsAll;
        private String serves;
        private Boolean available;
        private SearchSort sort = SearchSort.NAME;
        private String near;
        private PageRequest page = new PageRequest(1, 20);
        private int facetSize = DEFAULT_FACET_SIZE;
        private Set<MemberStatus> statuses = Set.of();
        private Boolean featured;
        private Instant updatedBefore;

        private Builder() {
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        Builder filter(Facet facet, Set<String> values) {
            filters.put(facet, values);
            return this;
        }

        public Builder skillsAll(boolean value) {
            skillsAll = value;
            return this;
        }

        public Builder serves(String value) {
            serves = value;
            return this;
        }

        public Builder available(Boolean value) {
            available = value;
            return this;
        }

        public Builder sort(SearchSort value) {
            sort = value;
            return this;
        }

        public Builder near(String value) {
            near = value;
            return this;
        }

        public Builder page(PageRequest value) {
            page = value;
            return this;
        }

        public Builder facetSize(int value) {
            facetSize = value;
            return this;
        }

        public Builder statuses(Set<MemberStatus> value) {
            statuses = value;
            return this;
        }

        public Builder featured(Boolean value) {
            featured = value;
            return this;
        }

        public Builder updatedBefore(Instant value) {
            updatedBefore = value;
            return this;
        }

        public MemberQuery build() {
            return new MemberQuery(text, filters, skillsAll, serves, available, sort, near, page, facetSize, statuses, featured,
                    updatedBefore);
        }
    }
}
