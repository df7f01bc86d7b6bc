package se.creativenorrbotten.directory.search;

import java.util.List;

import se.creativenorrbotten.directory.member.dto.MemberSummary;

/** One page of search hits, the number of all hits and the facet counts. */
public record SearchResult(List<MemberSummary> items, long total, Facets facets) {
}
