package se.creativenorrbotten.directory.member.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.creativenorrbotten.directory.common.text.MultiLine;
import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/**
 * A member as curators write it (POST and PUT; PATCH merges into it). The read-only properties of
 * {@code Member} (view, id, slug, createdAt, updatedAt, version, …) may be sent back as they were received and
 * are ignored; any other unknown property is refused.
 */
@Schema(name = "MemberInput", description = "A member as curators write it. PUT replaces the whole member: an optional"
        + " property left out is cleared. The read-only properties of Member (view, id, slug, createdAt, updatedAt, version,"
        + " status, statusReason, featuredUntil, consents) may be sent back as received and are ignored: status and featuring"
        + " change only through their own operations. Any other unknown property is refused with 400.")
@JsonIgnoreProperties(value = {"view", "id", "slug", "createdAt", "updatedAt", "version", "status", "statusReason",
        "featuredUntil", "consents"})
public record MemberInput(
        @Schema(required = true, description = "The member's name as shown in the directory; the slug is made from it.",
                examples = "Åsa Öberg Design", minLength = 2, maxLength = 120)
        @NotBlank(message = "must not be blank") @Size(min = 2, max = 120, message = TEXT_LENGTH)
        String name,

        @Schema(required = true) @NotNull
        MemberType type,

        @Schema(description = "One line about the member.", examples = "UX and service design for the public sector in Luleå",
                maxLength = 160)
        @Size(max = 160, message = TEXT_LENGTH)
        String headline,

        @Schema(description = "What the member does, plain text.", maxLength = 5000,
                examples = "A small studio working with UX, service design and web development.")
        @Size(max = 5000, message = TEXT_LENGTH) @MultiLine
        String description,

        @Schema(required = true, description = "SCB code of the base municipality.", examples = "2580",
                pattern = MUNICIPALITY_PATTERN, minLength = 4, maxLength = 4)
        @NotNull @Pattern(regexp = MUNICIPALITY_PATTERN, message = MUNICIPALITY_MESSAGE)
        String municipality,

        @Schema(description = "SCB codes of the municipalities the member serves, without duplicates.", maxItems = 14,
                examples = "[\"2580\", \"2581\", \"2582\"]")
        @Size(max = 14, message = LIST_LENGTH)
        List<@NotNull @Pattern(regexp = MUNICIPALITY_PATTERN, message = MUNICIPALITY_MESSAGE) String> serviceArea,

        @Schema(required = true, description = "Slugs of the member's skills (see /api/v1/skills), 1 to 20, without duplicates;"
                + " the first is the main one.", minItems = 1, maxItems = 20, examples = "[\"ux-design\", \"web-development\"]")
        @NotNull @Size(min = 1, max = 20, message = LIST_LENGTH)
        List<@NotNull @Pattern(regexp = SLUG_PATTERN, message = SLUG_MESSAGE) String> skills,

        @Schema(description = "ISO 639 codes of the languages the member works in: ISO 639-1 where it exists (sv, en, fi, se),"
                + " else ISO 639-3 (fit Meänkieli, smj Lule Sami, sje, sju, sma, smn, sms, swl, rmu, rmf).", maxItems = 20,
                examples = "[\"sv\", \"en\", \"fi\"]")
        @Size(max = 20, message = LIST_LENGTH)
        List<@NotNull @Pattern(regexp = LANGUAGE_PATTERN, message = LANGUAGE_MESSAGE) String> languages,

        @Schema(description = "What the member seeks, each opportunity at most once (a repeat is refused); answers list"
                + " them in the order of Opportunity's values. A student seeks an internship; freelancers seek assignments,"
                + " and collaboration to take on larger jobs together.", maxItems = 5,
                examples = "[\"collaboration\"]")
        @Size(max = 5, message = LIST_LENGTH)
        List<@NotNull Opportunity> seeks,

        @Schema(description = "What the member offers, each opportunity at most once (a repeat is refused); answers list"
                + " them in the order of Opportunity's values. An agency offers internships; an experienced member offers"
                + " mentoring.", maxItems = 5,
                examples = "[\"assignments\", \"internship\"]")
        @Size(max = 5, message = LIST_LENGTH)
        List<@NotNull Opportunity> offers,

        @Schema(description = "The member's web site.", examples = "https://asaoberg.example", format = "uri",
                maxLength = WebUrl.MAX_LENGTH, pattern = WebUrl.PATTERN)
        @WebUrl
        String website,

        @Schema(description = "URL of the member's logo or portrait image.", examples = "https://asaoberg.example/logo.png",
                format = "uri", maxLength = WebUrl.MAX_LENGTH, pattern = WebUrl.PATTERN)
        @WebUrl
        String logoUrl,

        @Schema(description = "Up to 10 links to work samples (http or https).", maxItems = 10,
                examples = "[\"https://asaoberg.example/work/kulturhuset\"]")
        @Size(max = 10, message = LIST_LENGTH)
        List<@NotNull @WebUrl String> portfolioLinks,

        @Schema(description = "Up to 10 links to social networks.", maxItems = 10)
        @Size(max = 10, message = LIST_LENGTH)
        List<@NotNull @Valid SocialLinkDto> socialLinks,

        @Schema(description = "Contact e-mail. Personal data: public only with contactPublic.", examples = "hej@asaoberg.example.com",
                format = "email", maxLength = 254, pattern = EMAIL_PATTERN)
        @Size(max = 254, message = TEXT_LENGTH) @Pattern(regexp = EMAIL_PATTERN, message = "must be an e-mail address such as name@example.se")
        String email,

        @Schema(description = "Contact phone number. Personal data: public only with contactPublic.", examples = "+46 70-174 06 42",
                maxLength = 32, pattern = PHONE_PATTERN)
        @Size(max = 32, message = TEXT_LENGTH) @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number of digits, spaces, '-', '(' and ')',"
                + " optionally starting with '+'")
        String phone,

        @Schema(description = "The member's consent to show email and phone publicly. Default false.", examples = "true")
        Boolean contactPublic,

        @Schema(description = "Agencies only: the Swedish organisation number NNNNNN-NNNN with a valid check digit."
                + " A personal identity number (third and fourth digits below 20) is refused.",
                examples = "556036-0793", pattern = ORGANISATION_NUMBER_PATTERN, minLength = 11, maxLength = 11)
        @Pattern(regexp = ORGANISATION_NUMBER_PATTERN, message = "must be written NNNNNN-NNNN")
        String organisationNumber,

        @Schema(description = "Students only: the school.", examples = "Luleå tekniska universitet, Piteå", maxLength = 120)
        @Size(max = 120, message = TEXT_LENGTH)
        String school,

        @Schema(description = "Students only: the expected year of graduation.", examples = "2027", minimum = "1950",
                maximum = "2100", format = "int32")
        @Min(value = 1950, message = "must be at least {value}") @Max(value = 2100, message = "must be at most {value}")
        Integer graduationYear,

        @Schema(description = "Agencies and freelancers: the year the business started.", examples = "2014", minimum = "1800",
                maximum = "2100", format = "int32")
        @Min(value = 1800, message = "must be at least {value}") @Max(value = 2100, message = "must be at most {value}")
        Integer foundedYear,

        @Schema(description = "Open for new assignments. Default false.", examples = "true")
        Boolean availableForWork,

        @Schema(description = "Curators' internal notes. Never shown to the public, and not accepted in an application.",
                examples = "Met at the media week 2026; wants to be contacted about game jams.", maxLength = MAX_NOTES)
        @Size(max = MAX_NOTES, message = TEXT_LENGTH) @MultiLine
        String notes) {

    public static final int MAX_NOTES = 2000;
    /**
     * The contract's schema of a merge patch of a member: every property of this record, none required, and
     * those that may be left out nullable (null clears them). The OpenAPI filter derives it from this record.
     */
    public static final String PATCH_SCHEMA = "MemberPatch";

    public static final String TEXT_LENGTH = "must be {min} to {max} characters long";
    public static final String LIST_LENGTH = "must have {min} to {max} items";
    public static final String MUNICIPALITY_PATTERN = "^[0-9]{4}$";
    public static final String MUNICIPALITY_MESSAGE = "must be a four-digit SCB municipality code such as 2580";
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String SLUG_MESSAGE = "must be a skill slug such as ux-design";
    public static final String LANGUAGE_PATTERN = "^[a-z]{2,3}$";
    public static final String LANGUAGE_MESSAGE = "must be an ISO 639 language code such as sv, en or smj";
    public static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    public static final String PHONE_PATTERN = "^\\+?[0-9][0-9 ()-]{4,30}$";
    public static final String ORGANISATION_NUMBER_PATTERN = "^[0-9]{6}-[0-9]{4}$";
}
