package se.creativenorrbotten.directory.taxonomy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Languages a member can work in, as ISO 639 codes: ISO 639-1 where it exists (sv, en, fi, se, …),
 * otherwise ISO 639-3 for the languages of Norrbotten that have no two-letter code (fit for Meänkieli,
 * smj for Lule Sami, …).
 */
public final class Languages {

    /** The three-letter codes accepted beside every ISO 639-1 code, with their names. */
    private static final Map<String, String> ISO_639_3 = new LinkedHashMap<>();

    static {
        ISO_639_3.put("fit", "Meänkieli");
        ISO_639_3.put("smj", "Lule Sami");
        ISO_639_3.put("sje", "Pite Sami");
        ISO_639_3.put("sju", "Ume Sami");
        ISO_639_3.put("sma", "Southern Sami");
        ISO_639_3.put("smn", "Inari Sami");
        ISO_639_3.put("sms", "Skolt Sami");
        ISO_639_3.put("swl", "Swedish Sign Language");
        ISO_639_3.put("rmu", "Tavringer Romani");
        ISO_639_3.put("rmf", "Kalo Finnish Romani");
    }

    private static final Set<String> ISO_639_1 = Arrays.stream(java.util.Locale.getISOLanguages())
            .filter(code -> code.length() == 2)
            .collect(Collectors.toUnmodifiableSet());

    private Languages() {
    }

    public static boolean isKnown(String code) {
        return code != null && (ISO_639_1.contains(code) || ISO_639_3.containsKey(code));
    }
}
