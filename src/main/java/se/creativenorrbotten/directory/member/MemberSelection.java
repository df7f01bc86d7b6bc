package se.creativenorrbotten.directory.member;

import java.util.Set;

/**
 * Which members a bulk read takes: values OR-ed within a property, the properties AND-ed; an empty set does not
 * filter. Skills and municipalities are slugs and codes.
 */
public record MemberSelection(Set<MemberStatus> statuses, Set<String> municipalities, Set<String> skills,
        Set<MemberType> types) {

    public static final MemberSelection ALL = new MemberSelection(Set.of(), Set.of(), Set.of(), Set.of());

    public MemberSelection {
        statuses = Set.copyOf(statuses);
        municipalities = Set.copyOf(municipalities);
        skills = Set.copyOf(skills);
        types = Set.copyOf(types);
    }
}
