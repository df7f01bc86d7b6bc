package se.creativenorrbotten.directory.search;

import java.util.List;

/** The search parameters as the caller sent them, before validation. */
public record SearchRequest(String q, List<String> type, List<String> skill, String skillMatch, List<String> municipality,
        List<String> language, String serves, String available, String sort, String near, String page, String size,
        String facetSize, String featured, List<String> status, String stale) {
}
