package se.creativenorrbotten.directory.transfer;

import java.util.HashMap;
import java.util.Map;

import se.creativenorrbotten.directory.common.text.Folding;

/**
 * How a spreadsheet may name skills and municipalities: by slug or code, or by their Swedish (and, for skills,
 * English) name, in any case and with or without diacritics ("Lulea" is Luleå). A value it does not know is passed on
 * as written, so that the member's validation reports it in the API's own words.
 */
public final class Vocabulary {

    /** No names known: every value passes as written (slugs and codes only). */
    public static final Vocabulary CODES_ONLY = new Vocabulary(Map.of(), Map.of());

    private final Map<String, String> skills;
    private final Map<String, String> municipalities;

    private Vocabulary(Map<String, String> skills, Map<String, String> municipalities) {
        this.skills = skills;
        this.municipalities = municipalities;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String skill(String cell) {
        return skills.getOrDefault(Folding.fold(cell), cell);
    }

    public String municipality(String cell) {
        return municipalities.getOrDefault(Folding.fold(cell), cell);
    }

    public static final class Builder {
        private final Map<String, String> skills = new HashMap<>();
        private final Map<String, String> municipalities = new HashMap<>();

        private Builder() {
        }

        /** The first skill to claim a folded name keeps it. */
        public Builder skill(String slug, String... names) {
            skills.putIfAbsent(Folding.fold(slug), slug);
            for (String name : names) {
                skills.putIfAbsent(Folding.fold(name), slug);
            }
            return this;
        }

        public Builder municipality(String code, String name) {
            municipalities.putIfAbsent(code, code);
            municipalities.putIfAbsent(Folding.fold(name), code);
            return this;
        }

        public Vocabulary build() {
            return new Vocabulary(Map.copyOf(skills), Map.copyOf(municipalities));
        }
    }
}
