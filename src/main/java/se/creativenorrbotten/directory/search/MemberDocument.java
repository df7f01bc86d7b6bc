package se.creativenorrbotten.directory.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * What the search index holds of a member, read from the database (the single source of truth). {@code updatedAt}
 * is when the public view last changed: what list items show, the updated sort and the stale listing use.
 */
public record MemberDocument(UUID id, String slug, String name, MemberType type, String headline, String description,
        String municipality, List<String> serviceArea, List<String> skills, List<String> languages, String website,
        String logoUrl, boolean availableForWork, Instant createdAt, Instant updatedAt, long changeSeq, MemberStatus status,
        Instant featuredUntil) {
}
