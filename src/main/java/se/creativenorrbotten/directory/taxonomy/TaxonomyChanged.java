package se.creativenorrbotten.directory.taxonomy;

import java.util.List;
import java.util.UUID;

/**
 * The skill taxonomy changed (a skill added, renamed or removed); fired inside the writing transaction.
 * {@code members} are those whose searchable text changed with it (the carriers of a renamed skill).
 */
public record TaxonomyChanged(String skillSlug, List<UUID> members) {

    public TaxonomyChanged {
        members = List.copyOf(members);
    }

    public static TaxonomyChanged of(String skillSlug) {
        return new TaxonomyChanged(skillSlug, List.of());
    }
}
