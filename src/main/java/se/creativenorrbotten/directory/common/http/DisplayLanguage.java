package se.creativenorrbotten.directory.common.http;

import java.util.Locale;

/**
 * The language of the labels an answer carries (facet values, suggestions, member types), chosen from the
 * request's {@code Accept-Language}: Swedish unless the caller prefers English. The one place that reads the
 * header, so that the labels, the {@code Vary} header and the cache keys (ETags) agree.
 */
public enum DisplayLanguage {
    SV("sv"),
    EN("en");

    /** A header longer than this is read only this far: a hostile caller cannot make the parse cost more. */
    private static final int MAX_READ = 512;

    private final String code;

    DisplayLanguage(String code) {
        this.code = code;
    }

    /** The BCP 47 code: {@code sv} or {@code en}. */
    public String code() {
        return code;
    }

    /**
     * The language to answer in: of Swedish and English, the one with the higher quality ({@code q}) in the header;
     * on a tie the one listed first; Swedish when the header is missing, malformed or names neither. A range such as
     * {@code en-GB} counts as {@code en}; {@code *} and {@code q=0} never select English.
     */
    public static DisplayLanguage of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SV;
        }
        String header = acceptLanguage.length() > MAX_READ ? acceptLanguage.substring(0, MAX_READ) : acceptLanguage;
        DisplayLanguage best = SV;
        double bestQuality = 0;
        for (String range : header.split(",")) {
            String[] parts = range.split(";", -1);
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            int dash = tag.indexOf('-');
            String primary = dash < 0 ? tag : tag.substring(0, dash);
            DisplayLanguage language = "en".equals(primary) ? EN : "sv".equals(primary) ? SV : null;
            if (language == null) {
                continue;
            }
            double quality = quality(parts);
            if (quality > bestQuality) {
                best = language;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
