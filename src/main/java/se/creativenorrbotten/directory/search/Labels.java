package se.creativenorrbotten.directory.search;

import java.util.Locale;
import java.util.Map;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.member.MemberType;

/** Display names, in Swedish or English, of facet values that have no table of their own. */
final class Labels {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private static final Map<String, String> LANGUAGES_SV = Map.ofEntries(
            Map.entry("sv", "svenska"), Map.entry("en", "engelska"), Map.entry("fi", "finska"),
            Map.entry("fit", "meänkieli"), Map.entry("se", "nordsamiska"), Map.entry("smj", "lulesamiska"),
            Map.entry("sje", "pitesamiska"), Map.entry("sju", "umesamiska"), Map.entry("sma", "sydsamiska"),
            Map.entry("smn", "enaresamiska"), Map.entry("sms", "skoltsamiska"), Map.entry("swl", "svenskt teckenspråk"),
            Map.entry("rmu", "svensk romani"), Map.entry("rmf", "finsk romani (kalé)"));

    /** The national minority languages and the ones the JDK names differently from how Swedes' English does. */
    private static final Map<String, String> LANGUAGES_EN = Map.ofEntries(
            Map.entry("sv", "Swedish"), Map.entry("en", "English"), Map.entry("fi", "Finnish"),
            Map.entry("fit", "Meänkieli"), Map.entry("se", "Northern Sami"), Map.entry("smj", "Lule Sami"),
            Map.entry("sje", "Pite Sami"), Map.entry("sju", "Ume Sami"), Map.entry("sma", "Southern Sami"),
            Map.entry("smn", "Inari Sami"), Map.entry("sms", "Skolt Sami"), Map.entry("swl", "Swedish Sign Language"),
            Map.entry("rmu", "Swedish Romani"), Map.entry("rmf", "Finnish Romani (Kalo)"));

    private Labels() {
    }

    static String type(MemberType type, DisplayLanguage language) {
        boolean en = language == DisplayLanguage.EN;
        return switch (type) {
            case AGENCY -> en ? "Agency" : "Byrå";
            case STUDENT -> "Student";
            case FREELANCER -> en ? "Freelancer" : "Frilansare";
        };
    }

    static String language(String code, DisplayLanguage language) {
        boolean en = language == DisplayLanguage.EN;
        String known = (en ? LANGUAGES_EN : LANGUAGES_SV).get(code);
        if (known != null) {
            return known;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(en ? Locale.ENGLISH : SWEDISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
