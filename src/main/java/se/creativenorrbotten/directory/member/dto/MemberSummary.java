package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/** A member in a list: enough for a card; no personal contact data. Built by name ({@link #builder}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MemberSummary", description = "A member in a list or search result: enough to draw a card."
        + " Fetch the member for the full public view.")
public record MemberSummary(
        @Schema(format = "uuid", maxLength = 36) UUID id,
        @Schema(maxLength = 80, pattern = MemberInput.SLUG_PATTERN, examples = "asa-oberg-design") String slug,
        @Schema(maxLength = 120, examples = "Åsa Öberg Design") String name,
        MemberType type,
        @Schema(maxLength = 160) String headline,
        @Schema(maxLength = 4, pattern = MemberInput.MUNICIPALITY_PATTERN, examples = "2580") String municipality,
        @Schema(maxItems = 20) List<String> skills,
        @Schema(maxItems = 20) List<String> languages,
        @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = 5,
                description = "What the member seeks, in a fixed order.") List<String> seeks,
        @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = 5,
                description = "What the member offers, in a fixed order.") List<String> offers,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String website,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String logoUrl,
        boolean availableForWork,
        @Schema(maxLength = 40) Instant updatedAt,
        @Schema(description = "Present and true while a curator features the member.") Boolean featured,
        @Schema(description = "Only in curators' searches: the listing's status.") MemberStatus status,
        @Schema(description = "With a free-text query: the text that matched, safe to insert as HTML. Everything but the"
                + " <mark> tags around the matching parts is escaped.", maxLength = 2000,
                examples = "<mark>Foto</mark>grafi i Luleå")
        String highlight) {

    public static Builder builder() {
        return new Builder();
    }

    /** This item with the text that matched a query. */
    public MemberSummary withHighlight(String html) {
        return Builder.from(this).highlight(html).build();
    }

    /** Sets the components by name, so that two of one type cannot change places unnoticed. */
    public static final class Builder {
        private UUID id;
        private String slug;
        private String name;
        private MemberType type;
        private String headline;
        private String municipality;
        private List<String> skills;
        private List<String> languages;
        private List<String> seeks;
        private List<String> offers;
        private String website;
        private String logoUrl;
        private boolean availableForWork;
        private Instant updatedAt;
        private Boolean featured;
        private MemberStatus status;
        private String highlight;

        private Builder() {
        }

        private static Builder from(MemberSummary item) {
            Builder builder = new Builder();
            builder.id = item.id;
            builder.slug = item.slug;
            builder.name = item.name;
            builder.type = item.type;
            builder.headline = item.headline;
            builder.municipality = item.municipality;
            builder.skills = item.skills;
            builder.languages = item.languages;
            builder.seeks = item.seeks;
            builder.offers = item.offers;
            builder.website = item.website;
            builder.logoUrl = item.logoUrl;
            builder.availableForWork = item.availableForWork;
            builder.updatedAt = item.updatedAt;
            builder.featured = item.featured;
            builder.status = item.status;
            builder.highlight = item.highlight;
            return builder;
        }

        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(MemberType type) {
            this.type = type;
            return this;
        }

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder municipality(String municipality) {
            this.municipality = municipality;
            return this;
        }

        public Builder skills(List<String> skills) {
            this.skills = skills;
            return this;
        }

        public Builder languages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public Builder seeks(List<String> seeks) {
            this.seeks = seeks;
            return this;
        }

        public Builder offers(List<String> offers) {
            this.offers = offers;
            return this;
        }

        public Builder website(String website) {
            this.website = website;
            return this;
        }

        public Builder logoUrl(String logoUrl) {
            this.logoUrl = logoUrl;
            return this;
        }

        public Builder availableForWork(boolean availableForWork) {
            this.availableForWork = availableForWork;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder featured(Boolean featured) {
            this.featured = featured;
            return this;
        }

        public Builder status(MemberStatus status) {
            this.status = status;
            return this;
        }

        public Builder highlight(String highlight) {
            this.highlight = highlight;
            return this;
        }

        public MemberSummary build() {
            return new MemberSummary(id, slug, name, type, headline, municipality, skills, languages, seeks, offers, website, logoUrl,
                    availableForWork, updatedAt, featured, status, highlight);
        }
    }
}
