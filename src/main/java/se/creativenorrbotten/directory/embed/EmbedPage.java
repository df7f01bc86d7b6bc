package se.creativenorrbotten.directory.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.search.MemberQuery;
import se.creativenorrbotten.directory.taxonomy.SkillInput;

/**
 * The settings of the page {@code /embed/search} (made for an iframe), validated from its query parameters, and the
 * page itself: a whole HTML document holding one {@code <cn-member-search>} with those settings as attributes. Every
 * value is checked against a strict pattern before it reaches the page, and escaped as an attribute value besides;
 * an invalid value is refused (400 problem+json naming the parameter, never echoing the value) rather than dropped,
 * so that a partner sees the mistake while setting the frame up.
 */
record EmbedPage(String lang, List<String> municipality, List<String> skill, List<String> type, Integer pageSize,
        String profileUrl) {

    static final int MAX_PROFILE_URL = 500;
    private static final Pattern MUNICIPALITY = Pattern.compile("^25[0-9]{2}$");
    private static final Pattern SKILL = Pattern.compile(SkillInput.SLUG_PATTERN);
    private static final Set<String> TYPES = Set.of(MemberType.AGENCY.code(), MemberType.FREELANCER.code(),
            MemberType.STUDENT.code());

    EmbedPage {
        municipality = List.copyOf(municipality);
        skill = List.copyOf(skill);
        type = List.copyOf(type);
    }

    /**
     * Validates the parameters; every bad one is reported at once. A filter may be repeated or comma-separated
     * ({@code municipality=2581,2580}).
     */
    static EmbedPage parse(String lang, List<String> municipality, List<String> skill, List<String> type, String pageSize,
            String profileUrl) {
        List<FieldError> errors = new ArrayList<>();
        String language = lang == null || lang.isBlank() ? "sv" : lang.strip().toLowerCase(Locale.ROOT);
        if (!language.equals("sv") && !language.equals("en")) {
            errors.add(new FieldError("lang", "must be sv or en"));
        }
        List<String> municipalities = values("municipality", municipality, MUNICIPALITY, MemberQuery.MAX_MUNICIPALITIES,
                "must be SCB municipality codes of Norrbotten (25xx), such as 2581", errors);
        List<String> skills = values("skill", skill, SKILL, MemberQuery.MAX_SKILLS,
                "must be skill slugs (lower-case ASCII words joined by '-'), such as ux-design", errors);
        List<String> types = new ArrayList<>();
        for (String value : split(type)) {
            if (TYPES.contains(value)) {
                types.add(value);
            } else {
                errors.add(new FieldError("type", "must be agency, freelancer or student"));
                break;
            }
        }
        Integer size = null;
        if (pageSize != null && !pageSize.isBlank()) {
            try {
                size = Integer.valueOf(pageSize.strip());
            } catch (NumberFormatException notANumber) {
                size = -1;
            }
            if (size < 1 || size > 100) {
                errors.add(new FieldError("page-size", "must be an integer from 1 to 100"));
            }
        }
        String profile = null;
        if (profileUrl != null && !profileUrl.isBlank()) {
            profile = profileUrl.strip();
            if (!isProfileTemplate(profile)) {
                errors.add(new FieldError("profile-url", "must be an http or https URL of at most " + MAX_PROFILE_URL
                        + " characters, with {slug} where the member's slug goes, such as https://example.se/medlemmar/{slug}"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EmbedPage(language, municipalities, skills, types, size, profile);
    }

    private static List<String> split(List<String> parameters) {
        List<String> values = new ArrayList<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String value : parameter.split(",", -1)) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
    }

    private static List<String> values(String name, List<String> parameters, Pattern pattern, int max, String rule,
            List<FieldError> errors) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : split(parameters)) {
            if (value.length() > 60 || !pattern.matcher(value).matches()) {
                errors.add(new FieldError(name, rule));
                return List.of();
            }
            values.add(value);
        }
        if (values.size() > max) {
            errors.add(new FieldError(name, "at most " + max + " values"));
            return List.of();
        }
        return List.copyOf(values);
    }

    /** An absolute http(s) URL with a host, {@code {slug}} in it, no white space or control characters. */
    static boolean isProfileTemplate(String value) {
        if (value.length() > MAX_PROFILE_URL || !value.contains("{slug}")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
                return false;
            }
        }
        try {
            URI uri = new URI(value.replace("{slug}", "slug"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** The page. The script is loaded from beside the page (relative URL), so a path prefix of a proxy works too. */
    String html() {
        boolean en = lang.equals("en");
        StringBuilder page = new StringBuilder(1024);
        page.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n")
                .append("<title>").append(en ? "Member search" : "Sök medlemmar").append(" – Creative Norrbotten</title>\n")
                .append("<link rel=\"stylesheet\" href=\"embed.css\">\n")
                .append("<script type=\"module\" src=\"member-search.js\"></script>\n</head>\n<body>\n<main>\n")
                .append("<cn-member-search");
        attribute(page, "lang", lang);
        if (!municipality.isEmpty()) {
            attribute(page, "municipality", String.join(",", municipality));
        }
        if (!skill.isEmpty()) {
            attribute(page, "skill", String.join(",", skill));
        }
        if (!type.isEmpty()) {
            attribute(page, "type", String.join(",", type));
        }
        if (pageSize != null) {
            attribute(page, "page-size", pageSize.toString());
        }
        if (profileUrl != null) {
            attribute(page, "profile-url", profileUrl);
        }
        return page.append("></cn-member-search>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void attribute(StringBuilder page, String name, String value) {
        page.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    /** Escapes text for an HTML attribute value in double quotes (and for text content). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
