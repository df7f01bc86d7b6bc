package se.creativenorrbotten.directory.search;

import java.util.Locale;
import java.util.Map;

import se.creativenorrbotten.directory.member.MemberType;

/** Swedish display names of facet values that have no table of their own. */
final class Labels {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("sv", "svenska"), Map.entry("en", "engelska"), Map.entry("fi", "finska"),
            Map.entry("fit", "meänkieli"), Map.entry("se", "nordsamiska"), Map.entry("smj", "lulesamiska"),
            Map.entry("sje", "pitesamiska"), Map.entry("sju", "umesamiska"), Map.entry("sma", "sydsamiska"),
            Map.entry("smn", "enaresamiska"), Map.entry("sms", "skoltsamiska"), Map.entry("swl", "svenskt teckenspråk"),
            Map.entry("rmu", "svensk romani"), Map.entry("rmf", "finsk romani (kalé)"));

    private Labels() {
    }

    static String type(MemberType type) {
        return switch (type) {
            case AGENCY -> "Byrå";
            case STUDENT -> "Student";
            case FREELANCER -> "Frilansare";
        };
    }

    static String language(String code) {
        String known = LANGUAGES.get(code);
        if (known != null) {
            return known;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(SWEDISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
