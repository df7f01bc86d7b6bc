package se.creativenorrbotten.directory.search;

import java.time.Instant;
import java.util.Set;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * What a caller asks of the member list, validated. Values of one filter are OR-ed (AND-ed for skills
 * with {@code skillsAll}), different filters AND-ed.
 *
 * @param text free text, or null
 * @param serves a municipality code the member is based in or serves, or null
 * @param available true or false to filter on availability, or null for both
 * @param near the municipality code distances are measured from (sort distance), or null
 * @param statuses the statuses to list (curators); empty: the published members, as the public sees them
 * @param featured true or false to filter on being featured now, or null for both
 * @param updatedBefore only members last updated before this moment (stale listings), or null
 */
public record MemberQuery(String text, Set<MemberType> types, Set<String> skills, boolean skillsAll,
        Set<String> municipalities, Set<String> languages, String serves, Boolean available, SearchSort sort, String near,
        PageRequest page, int facetSize, Set<MemberStatus> statuses, Boolean featured, Instant updatedBefore) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int DEFAULT_FACET_SIZE = 20;
    public static final int MAX_FACET_SIZE = 100;
    /** The most values each repeatable filter takes: enforced by the search and published as the contract's maxItems. */
    public static final int MAX_TYPES = 3;
    public static final int MAX_SKILLS = 20;
    public static final int MAX_MUNICIPALITIES = 14;
    public static final int MAX_LANGUAGES = 20;
    public static final int MAX_STATUSES = 4;

    public MemberQuery {
        types = Set.copyOf(types);
        skills = Set.copyOf(skills);
        municipalities = Set.copyOf(municipalities);
        languages = Set.copyOf(languages);
        statuses = Set.copyOf(statuses);
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
            if (value instanceof Set<?> set) {
                value = set.stream().map(String::valueOf).sorted().toList();
            }
            String text = String.valueOf(value);
            out.append(component.getName()).append('=').append(text.length()).append(':').append(text).append(';');
        }
        return out.toString();
    }

    /**
     * This query less what only presents its result (sort, page, facet size): two queries with equal
     * {@code counted()} values have the same total and facet counts, and any difference in the text or a
     * filter makes them unequal. Caches of counts are keyed by this value, never by a hand-built key.
     */
    public MemberQuery counted() {
        return new MemberQuery(text, types, skills, skillsAll, municipalities, languages, serves, available, null, near,
                null, 0, statuses, featured, updatedBefore);
    }
}
