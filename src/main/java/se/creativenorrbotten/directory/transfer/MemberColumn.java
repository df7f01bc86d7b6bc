package se.creativenorrbotten.directory.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.SocialNetwork;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;

/**
 * The one list of the columns a member has in a spreadsheet, for import, export and the template alike. Each column
 * is a property of {@link MemberView} (its English header is the JSON property's name) with a Swedish header, and
 * says how its cell is read into the property of {@link MemberInput} and written back. Multi-valued columns hold
 * their values in one cell separated by {@value #SEPARATOR}; a social link is its network and URL separated by a
 * space ({@code instagram https://www.instagram.com/norrskenpixel}). Read-only columns are exported and ignored on
 * import, except that the slug names the member to update.
 */
public enum MemberColumn {
    ID("id", "id", Kind.READ_ONLY),
    SLUG("slug", "slug", Kind.READ_ONLY),
    STATUS("status", "status", Kind.READ_ONLY),
    NAME("name", "namn", Kind.TEXT),
    TYPE("type", "typ", Kind.MEMBER_TYPE),
    HEADLINE("headline", "rubrik", Kind.TEXT),
    DESCRIPTION("description", "beskrivning", Kind.TEXT),
    MUNICIPALITY("municipality", "kommun", Kind.MUNICIPALITY),
    SERVICE_AREA("serviceArea", "verksamhetsområde", Kind.MUNICIPALITIES),
    SKILLS("skills", "kompetenser", Kind.SKILLS),
    LANGUAGES("languages", "språk", Kind.LANGUAGES),
    SEEKS("seeks", "söker", Kind.OPPORTUNITIES),
    OFFERS("offers", "erbjuder", Kind.OPPORTUNITIES),
    WEBSITE("website", "webbplats", Kind.TEXT),
    LOGO_URL("logoUrl", "logotyp", Kind.TEXT),
    PORTFOLIO_LINKS("portfolioLinks", "portfolio", Kind.TEXTS),
    SOCIAL_LINKS("socialLinks", "sociala länkar", Kind.SOCIAL_LINKS),
    EMAIL("email", "e-post", Kind.TEXT),
    PHONE("phone", "telefon", Kind.TEXT),
    CONTACT_PUBLIC("contactPublic", "kontakt publik", Kind.FLAG),
    ORGANISATION_NUMBER("organisationNumber", "organisationsnummer", Kind.TEXT),
    SCHOOL("school", "skola", Kind.TEXT),
    GRADUATION_YEAR("graduationYear", "examensår", Kind.YEAR),
    FOUNDED_YEAR("foundedYear", "grundat år", Kind.YEAR),
    AVAILABLE_FOR_WORK("availableForWork", "tillgänglig", Kind.FLAG),
    NOTES("notes", "anteckningar", Kind.TEXT),
    STATUS_REASON("statusReason", "statusorsak", Kind.READ_ONLY),
    FEATURED_UNTIL("featuredUntil", "utvald till", Kind.READ_ONLY),
    CREATED_AT("createdAt", "skapad", Kind.READ_ONLY),
    UPDATED_AT("updatedAt", "ändrad", Kind.READ_ONLY),
    VERSION("version", "version", Kind.READ_ONLY);

    /** Between the values of a multi-valued cell. */
    public static final String SEPARATOR = "|";

    /** The longest cell read: longer ones are a problem of their row (the longest property, description, is 5,000). */
    public static final int MAX_CELL = 10_000;

    /** Yes and no as a cell may say them: the export writes true and false. */
    private static final List<String> YES = List.of("true", "ja", "yes", "1", "x");
    private static final List<String> NO = List.of("false", "nej", "no", "0");

    private final String english;
    private final String swedish;
    private final Kind kind;

    MemberColumn(String english, String swedish, Kind kind) {
        this.english = english;
        this.swedish = swedish;
        this.kind = kind;
    }

    /** The English header: the property's name in the API's JSON. */
    public String english() {
        return english;
    }

    public String swedish() {
        return swedish;
    }

    /** Whether an import reads it into the member (the others are exported only). */
    public boolean writable() {
        return kind != Kind.READ_ONLY;
    }

    public boolean multiValued() {
        return kind.multi;
    }

    /** The columns an import reads, in the template's order. */
    public static List<MemberColumn> writableColumns() {
        List<MemberColumn> columns = new ArrayList<>();
        for (MemberColumn column : values()) {
            if (column.writable()) {
                columns.add(column);
            }
        }
        return List.copyOf(columns);
    }

    /** The column a header names, in English or Swedish, in any case and with surrounding spaces; null for none. */
    public static MemberColumn byHeader(String header) {
        String wanted = header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (MemberColumn column : values()) {
            if (column.english.toLowerCase(Locale.ROOT).equals(wanted) || column.swedish.equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    /**
     * The cell as the property's JSON value, or null for an empty cell (the property is absent). A value whose form
     * is wrong (a year that is not a number) adds a problem and gives null; whether a value is allowed (a known
     * skill, a valid URL) is left to the member's validation.
     */
    JsonNode read(String cell, Vocabulary vocabulary, List<FieldError> problems) {
        String text = cell.strip();
        if (text.isEmpty() || !writable()) {
            return null;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (kind) {
            case TEXT:
                return json.textNode(text);
            case MEMBER_TYPE:
                return code(MemberType.class, text, problems);
            case MUNICIPALITY:
                return json.textNode(vocabulary.municipality(text));
            case YEAR:
                try {
                    return json.numberNode(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    problems.add(new FieldError(english, "must be a year such as 2014"));
                    return null;
                }
            case FLAG:
                String flag = text.toLowerCase(Locale.ROOT);
                if (YES.contains(flag)) {
                    return json.booleanNode(true);
                }
                if (NO.contains(flag)) {
                    return json.booleanNode(false);
                }
                problems.add(new FieldError(english, "must be true or false (ja or nej)"));
                return null;
            default:
                return readList(text, vocabulary, problems);
        }
    }

    private ArrayNode readList(String text, Vocabulary vocabulary, List<FieldError> problems) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String value : values(text)) {
            String field = english + "[" + list.size() + "]";
            JsonNode item = switch (kind) {
                case MUNICIPALITIES -> list.textNode(vocabulary.municipality(value));
                case SKILLS -> list.textNode(vocabulary.skill(value));
                case LANGUAGES -> list.textNode(value.toLowerCase(Locale.ROOT));
                case OPPORTUNITIES -> opportunity(value, field, problems);
                case SOCIAL_LINKS -> socialLink(value, field, problems);
                default -> list.textNode(value);
            };
            list.add(item == null ? list.nullNode() : item);
        }
        return list;
    }

    /** The values of a multi-valued cell, stripped, empty ones left out. */
    static List<String> values(String cell) {
        List<String> values = new ArrayList<>();
        for (String value : cell.split("\\|", -1)) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /** An opportunity by its code or its Swedish or English label ("praktik/lia", "internship"). */
    private static JsonNode opportunity(String value, String field, List<FieldError> problems) {
        for (Opportunity opportunity : Opportunity.values()) {
            for (DisplayLanguage language : DisplayLanguage.values()) {
                if (opportunity.code().equalsIgnoreCase(value) || opportunity.label(language).equalsIgnoreCase(value)) {
                    return JsonNodeFactory.instance.textNode(opportunity.code());
                }
            }
        }
        problems.add(new FieldError(field, "unknown opportunity '" + value + "'; must be one of: " + Coded.allowed(Opportunity.class)));
        return null;
    }

    private static JsonNode socialLink(String value, String field, List<FieldError> problems) {
        String[] parts = value.split("\\s+", 2);
        String network = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length < 2 || !Coded.isCode(SocialNetwork.class, network)) {
            problems.add(new FieldError(field, "must be a network and a URL separated by a space, such as"
                    + " 'instagram https://www.instagram.com/name'; networks: " + Coded.allowed(SocialNetwork.class)));
            return null;
        }
        ObjectNode link = JsonNodeFactory.instance.objectNode();
        link.put("network", network);
        link.put("url", parts[1].strip());
        return link;
    }

    private JsonNode code(Class<? extends Enum<?>> type, String value, List<FieldError> problems) {
        String code = value.toLowerCase(Locale.ROOT);
        for (Enum<?> constant : type.getEnumConstants()) {
            if (((Coded) constant).code().equals(code)) {
                return JsonNodeFactory.instance.textNode(code);
            }
        }
        problems.add(new FieldError(english, "unknown " + english + " '" + value + "'; must be one of: " + Coded.allowed(type)));
        return null;
    }

    /** The property's JSON value (from a {@link MemberView} as JSON) as a cell: lists joined, absent as empty. */
    String write(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> cells = new ArrayList<>();
            for (JsonNode item : value) {
                cells.add(item.isObject() ? item.path("network").asText() + " " + item.path("url").asText() : item.asText());
            }
            return String.join(SEPARATOR, cells);
        }
        return value.asText();
    }

    private enum Kind {
        READ_ONLY(false), TEXT(false), MEMBER_TYPE(false), MUNICIPALITY(false), YEAR(false), FLAG(false),
        MUNICIPALITIES(true), SKILLS(true), LANGUAGES(true), OPPORTUNITIES(true), TEXTS(true), SOCIAL_LINKS(true);

        private final boolean multi;

        Kind(boolean multi) {
            this.multi = multi;
        }
    }
}
