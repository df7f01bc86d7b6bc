package se.creativenorrbotten.directory.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * What the search index holds of a member, read from the database (the single source of truth). {@code updatedAt}
 * is when the public view last changed: what list items show, the updated sort and the stale listing use. Built by
 * name ({@link #builder}); {@code FieldsTest} checks that the builder and the card carry every component.
 */
public record MemberDocument(UUID id, String slug, String name, MemberType type, String headline, String description,
        String municipality, List<String> serviceArea, List<String> skills, List<String> languages, List<String> seeks,
        List<String> offers, String website,
        String logoUrl, boolean availableForWork, Instant createdAt, Instant updatedAt, long changeSeq, MemberStatus status,
        Instant featuredUntil) {

    public static Builder builder() {
        return new Builder();
    }

    /** Sets the components by name, so that two of one type cannot change places unnoticed. */
    public static final class Builder {
        private UUID id;
        private String slug;
        private String name;
        private MemberType type;
        private String headline;
        private String description;
        private String municipality;
        private List<String> serviceArea;
        private List<String> skills;
        private List<String> languages;
        private List<String> seeks;
        private List<String> offers;
        private String website;
        private String logoUrl;
        private boolean availableForWork;
        private Instant createdAt;
        private Instant updatedAt;
        private long changeSeq;
        private MemberStatus status;
        private Instant featuredUntil;

        private Builder() {
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

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder municipality(String municipality) {
            this.municipality = municipality;
            return this;
        }

        public Builder serviceArea(List<String> serviceArea) {
            this.serviceArea = serviceArea;
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

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder changeSeq(long changeSeq) {
            this.changeSeq = changeSeq;
            return this;
        }

        public Builder status(MemberStatus status) {
            this.status = status;
            return this;
        }

        public Builder featuredUntil(Instant featuredUntil) {
            this.featuredUntil = featuredUntil;
            return this;
        }

        public MemberDocument build() {
            return new MemberDocument(id, slug, name, type, headline, description, municipality, serviceArea, skills,
                    languages, seeks, offers, website, logoUrl, availableForWork, createdAt, updatedAt, changeSeq, status,
                    featuredUntil);
        }
    }
}
