package se.creativenorrbotten.directory.member;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.creativenorrbotten.directory.common.text.Names;

/**
 * What the rows of an import's chunk need to know of the directory, read in a few queries when the chunk's
 * transaction starts ({@link MemberService#importChunk}) instead of several per row: the taxonomy's codes, which of
 * the slugs the rows would take are taken, and the members whose names look like the rows' names (by skeleton key, see
 * {@link Names}). The rows the chunk writes are added as they are written, so a later row sees an earlier one; a slug
 * or name that was not read for the chunk is looked up in the database. Valid in its transaction only: a write made beside it by another
 * transaction is still caught by the slug's unique index, and the chunk is then written again row by row.
 */
public final class ImportChunk {

    /** The municipalities' codes and the skills' slugs a row may name. */
    record Codes(Set<String> municipalities, Set<String> skills) {
    }

    /** A member's name as the look-alike rule needs it. */
    record Named(UUID id, String name, String slug, MemberStatus status) {
        static Named of(Member member) {
            return new Named(member.getId(), member.getName(), member.getSlug(), member.getStatus());
        }
    }

    private final MemberRepository members;
    private final Codes codes;
    private final Set<String> readSlugs;
    private final Set<String> taken;
    private final Set<String> readKeys;
    private final Map<String, Map<UUID, Named>> bySkeleton = new HashMap<>();
    private final Map<UUID, String> skeletonOf = new HashMap<>();

    ImportChunk(MemberRepository members, Codes codes, Collection<String> readSlugs, Collection<String> taken,
            Collection<String> readKeys, List<Named> named) {
        this.members = members;
        this.codes = codes;
        this.readSlugs = new HashSet<>(readSlugs);
        this.taken = new HashSet<>(taken);
        this.readKeys = new HashSet<>(readKeys);
        named.forEach(this::put);
    }

    boolean knownMunicipality(String code) {
        return code != null && codes.municipalities().contains(code);
    }

    boolean knownSkill(String slug) {
        return slug != null && codes.skills().contains(slug);
    }

    /** True when a member has the slug, in the directory or among the chunk's rows. */
    boolean slugTaken(String slug) {
        return taken.contains(slug) || !readSlugs.contains(slug) && members.findBySlug(slug).isPresent();
    }

    /**
     * A member other than {@code self} whose name has the name's skeleton but is not the name: a look-alike, the first
     * made of them (as the database's {@link MemberRepository#lookAlike}).
     */
    Optional<Named> lookAlike(String name, UUID self) {
        String key = Names.skeletonKey(name);
        if (!readKeys.contains(key)) {
            return members.lookAlike(key, name, self).map(Named::of);
        }
        return bySkeleton.getOrDefault(key, Map.of()).values().stream()
                .filter(other -> !other.id().equals(self) && !other.name().equals(name))
                .findFirst();
    }

    /** Notes a member the chunk has written: its slug is taken, and its name (instead of any earlier one) is known. */
    void written(Member member) {
        taken.add(member.getSlug());
        String before = skeletonOf.get(member.getId());
        if (before != null) {
            bySkeleton.get(before).remove(member.getId());
        }
        put(Named.of(member));
    }

    private void put(Named named) {
        String key = Names.skeletonKey(named.name());
        skeletonOf.put(named.id(), key);
        bySkeleton.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(named.id(), named);
    }
}
