package se.creativenorrbotten.directory.search;

import se.creativenorrbotten.directory.common.json.Coded;

/** The orders a caller can ask for. Every order ends with the member id, so paging is stable. */
public enum SearchSort implements Coded {
    RELEVANCE("relevance"), NAME("name"), NAME_DESCENDING("-name"), NEWEST("newest"), UPDATED("updated"),
    DISTANCE("distance");

    private final String code;

    SearchSort(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
