package se.creativenorrbotten.directory.search;

import java.util.List;
import java.util.Set;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * What a caller asks of the member list. Values of one filter are OR-ed, different filters AND-ed.
 * Free text, sorting and facets join this record when search arrives.
 */
public record MemberQuery(Set<MemberType> types, Set<String> skills, Set<String> municipalities, PageRequest page) {

    public MemberQuery {
        types = Set.copyOf(types);
        skills = Set.copyOf(skills);
        municipalities = Set.copyOf(municipalities);
    }

    public static MemberQuery of(List<MemberType> types, List<String> skills, List<String> municipalities, PageRequest page) {
        return new MemberQuery(Set.copyOf(types), Set.copyOf(skills), Set.copyOf(municipalities), page);
    }
}
