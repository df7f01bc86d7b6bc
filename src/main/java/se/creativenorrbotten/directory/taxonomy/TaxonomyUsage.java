package se.creativenorrbotten.directory.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the taxonomy needs to know about the members that use it. The taxonomy owns the question, the member side
 * answers it, so the dependency points from member to taxonomy only (README, Development: the package map).
 */
public interface TaxonomyUsage {

    /** How many published members carry each skill, by slug; skills nobody carries are absent. */
    Map<String, Long> publishedPerSkill();

    /** How many published members carry the skill. */
    long publishedWithSkill(String slug);

    /** How many members in any status carry the skill. */
    long carriersOfSkill(String slug);

    /** Marks every carrier of the skill as changed (its searchable text changed with the skill) and returns their ids. */
    List<UUID> touchCarriersOf(String slug);

    /** How many published members have each municipality as their base, by code; unused codes are absent. */
    Map<String, Long> publishedPerMunicipality();

    /** How many published members have the municipality as their base. */
    long publishedIn(String code);
}
