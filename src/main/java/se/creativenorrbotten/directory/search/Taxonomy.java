package se.creativenorrbotten.directory.search;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the reference data that search needs: skill names (searchable text and facet labels)
 * and the municipalities (names, town centres, the order of their facet).
 */
record Taxonomy(Map<String, String[]> skills, Map<String, String[]> municipalities, List<String> municipalityCodes) {

    static Taxonomy load(IndexSource source) throws SQLException {
        Map<String, String[]> municipalities = source.municipalities();
        return new Taxonomy(source.skillNames(), municipalities, municipalities.keySet().stream().sorted().toList());
    }

    String skillNameSv(String slug) {
        String[] names = skills.get(slug);
        return names == null ? slug : names[0];
    }

    String skillNameEn(String slug) {
        String[] names = skills.get(slug);
        return names == null ? slug : names[1];
    }

    String municipalityName(String code) {
        String[] values = municipalities.get(code);
        return values == null ? code : values[0];
    }

    double latitude(String code) {
        return Double.parseDouble(municipalities.get(code)[1]);
    }

    double longitude(String code) {
        return Double.parseDouble(municipalities.get(code)[2]);
    }

    /** Every name and place, in a stable order: equal taxonomies give equal texts, in every process. */
    String canonical() {
        StringBuilder out = new StringBuilder();
        for (Map<String, String[]> map : List.of(skills, municipalities)) {
            new java.util.TreeMap<>(map).forEach((key, values) -> out.append(key).append('=')
                    .append(java.util.Arrays.toString(values)).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    boolean sameAs(Taxonomy other) {
        return other != null && other.municipalities.keySet().equals(municipalities.keySet())
                && other.skills.size() == skills.size()
                && other.skills.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), skills.get(e.getKey())));
    }
}
