package se.creativenorrbotten.directory.search;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import se.creativenorrbotten.directory.common.json.Coded;

/** The orders a caller can ask for. Every order ends with the member id, so paging is stable. */
public enum SearchSort implements Coded {
    RELEVANCE("relevance"), NAME("name"), NAME_DESCENDING("-name"), NEWEST("newest"), UPDATED("updated"),
    DISTANCE("distance");

    private static final SortField NAME_ASC = new SortField(Fields.NAME_SORT, SortField.Type.STRING);
    private static final SortField ID = new SortField(Fields.ID, SortField.Type.STRING);

    private final String code;

    SearchSort(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    Sort lucene(double nearLatitude, double nearLongitude) {
        return switch (this) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, NAME_ASC, ID);
            case NAME -> Fields.INDEX_SORT;
            case NAME_DESCENDING -> new Sort(new SortField(Fields.NAME_SORT, SortField.Type.STRING, true), ID);
            case NEWEST -> new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, true), ID);
            case UPDATED -> new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true), ID);
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, nearLatitude, nearLongitude),
                    NAME_ASC, ID);
        };
    }
}
