package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.annotations.SortNatural;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.creativenorrbotten.directory.common.text.Names;

/**
 * A member of the network: an agency, a student or a freelancer. Written only through
 * {@link MemberService}, so that every change passes one path (version, change sequence, and later
 * history and the search index). The setters of what a curator writes ({@code MemberInput}) are public only
 * because the generated {@link MemberViews} sees public accessors alone; no class outside this package
 * holds a member, and the status, slug, feature and bookkeeping stay package-private.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    /** {@link Names#skeletonKey} of the name: members whose names look alike share it. */
    @Column(name = "name_skeleton", length = 64)
    private String nameSkeleton;

    @Convert(converter = MemberType.DbConverter.class)
    @Column(nullable = false, length = 16)
    private MemberType type;

    @Column(length = 160)
    private String headline;

    @Column(length = 5000)
    private String description;

    @Column(name = "municipality_code", nullable = false, length = 4)
    private String municipalityCode;

    @ElementCollection
    @CollectionTable(name = "member_service_area", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "municipality_code", nullable = false, length = 4)
    private List<String> serviceArea = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "member_skill", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "skill_slug", nullable = false, length = 60)
    private List<String> skills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "member_language", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "language_code", nullable = false, length = 3)
    private List<String> languages = new ArrayList<>();

    /** What the member seeks and offers: sets, kept in the enum's order, which is their order in the API. */
    @ElementCollection
    @CollectionTable(name = "member_seeks", joinColumns = @JoinColumn(name = "member_id"))
    @Convert(converter = Opportunity.DbConverter.class)
    @Column(name = "opportunity", nullable = false, length = 16)
    @SortNatural
    private SortedSet<Opportunity> seeks = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "member_offers", joinColumns = @JoinColumn(name = "member_id"))
    @Convert(converter = Opportunity.DbConverter.class)
    @Column(name = "opportunity", nullable = false, length = 16)
    @SortNatural
    private SortedSet<Opportunity> offers = new TreeSet<>();

    @Column(length = 2048)
    private String website;

    @Column(name = "logo_url", length = 2048)
    private String logoUrl;

    @ElementCollection
    @CollectionTable(name = "member_portfolio_link", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false, length = 2048)
    private List<String> portfolioLinks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "member_social_link", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    private List<SocialLink> socialLinks = new ArrayList<>();

    @Column(length = 254)
    private String email;

    @Column(length = 32)
    private String phone;

    @Column(name = "contact_public", nullable = false)
    private boolean contactPublic;

    @Column(name = "organisation_number", length = 11)
    private String organisationNumber;

    @Column(length = 120)
    private String school;

    @Column(name = "graduation_year")
    private Integer graduationYear;

    @Column(name = "founded_year")
    private Integer foundedYear;

    @Column(name = "available_for_work", nullable = false)
    private boolean availableForWork;

    @Convert(converter = MemberStatus.DbConverter.class)
    @Column(nullable = false, length = 16)
    private MemberStatus status = MemberStatus.PENDING;

    /** The reason given with the latest status action (reject, archive), for curators. */
    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    /** Featured until this moment (exclusive), or null. */
    @Column(name = "featured_until")
    private Instant featuredUntil;

    /** Curators' internal notes; never public. */
    @Column(length = 2000)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private Long version;

    /** The version of the public view: counts only the changes the public can see. */
    @Column(name = "public_version", nullable = false)
    private long publicVersion;

    /** When the public view last changed. */
    @Column(name = "public_updated_at", nullable = false)
    private Instant publicUpdatedAt;

    /** Position of the latest change in the directory-wide change sequence. */
    @Column(name = "change_seq", nullable = false)
    private long changeSeq;

    protected Member() {
    }

    Member(UUID id, String slug, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.publicUpdatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameSkeleton = name == null ? null : Names.skeletonKey(name);
    }

    public String getNameSkeleton() {
        return nameSkeleton;
    }

    public MemberType getType() {
        return type;
    }

    public void setType(MemberType type) {
        this.type = type;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
        this.municipalityCode = municipalityCode;
    }

    public List<String> getServiceArea() {
        return serviceArea;
    }

    public void setServiceArea(List<String> serviceArea) {
        replace(this.serviceArea, serviceArea);
    }

    public List<String> getSkills() {
        return skills;
    }

    public void setSkills(List<String> skills) {
        replace(this.skills, skills);
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        replace(this.languages, languages);
    }

    public SortedSet<Opportunity> getSeeks() {
        return seeks;
    }

    public void setSeeks(Collection<Opportunity> seeks) {
        replace(this.seeks, seeks);
    }

    public SortedSet<Opportunity> getOffers() {
        return offers;
    }

    public void setOffers(Collection<Opportunity> offers) {
        replace(this.offers, offers);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    public List<String> getPortfolioLinks() {
        return portfolioLinks;
    }

    public void setPortfolioLinks(List<String> portfolioLinks) {
        replace(this.portfolioLinks, portfolioLinks);
    }

    public List<SocialLink> getSocialLinks() {
        return socialLinks;
    }

    public void setSocialLinks(List<SocialLink> socialLinks) {
        replace(this.socialLinks, socialLinks);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isContactPublic() {
        return contactPublic;
    }

    public void setContactPublic(boolean contactPublic) {
        this.contactPublic = contactPublic;
    }

    public String getOrganisationNumber() {
        return organisationNumber;
    }

    public void setOrganisationNumber(String organisationNumber) {
        this.organisationNumber = organisationNumber;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public Integer getGraduationYear() {
        return graduationYear;
    }

    public void setGraduationYear(Integer graduationYear) {
        this.graduationYear = graduationYear;
    }

    public Integer getFoundedYear() {
        return foundedYear;
    }

    public void setFoundedYear(Integer foundedYear) {
        this.foundedYear = foundedYear;
    }

    public boolean isAvailableForWork() {
        return availableForWork;
    }

    public void setAvailableForWork(boolean availableForWork) {
        this.availableForWork = availableForWork;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    /** Moves the listing to another status; the caller has checked that the move is allowed. */
    void setStatus(MemberStatus status, String reason) {
        this.status = status;
        this.statusReason = reason;
    }

    public Instant getFeaturedUntil() {
        return featuredUntil;
    }

    void setFeaturedUntil(Instant featuredUntil) {
        this.featuredUntil = featuredUntil;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public long getPublicVersion() {
        return publicVersion;
    }

    public Instant getPublicUpdatedAt() {
        return publicUpdatedAt;
    }

    /** Records that the public view changed at {@code at}: a new public version. */
    void publicChanged(Instant at) {
        this.publicVersion++;
        this.publicUpdatedAt = at;
    }

    /** Gives the member another slug (only to replace one that can be mistaken for a member id). */
    void setSlug(String slug) {
        this.slug = slug;
    }

    public long getChangeSeq() {
        return changeSeq;
    }

    /**
     * Puts {@code values} (none for null) into a collection the entity keeps: the same collection, so that
     * Hibernate tracks it, and untouched when nothing differs, so that an unchanged list writes no rows.
     */
    private static <T> void replace(List<T> target, List<T> values) {
        List<T> wanted = values == null ? List.of() : values;
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    /** As for a list; a set is the same whatever the order its values come in. */
    private static <T> void replace(java.util.Set<T> target, Collection<T> values) {
        java.util.Set<T> wanted = values == null ? java.util.Set.of() : new java.util.HashSet<>(values);
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    /** Records a change: when it happened and its place in the change sequence. */
    void touch(Instant at, long changeSeq) {
        this.updatedAt = at;
        this.changeSeq = changeSeq;
    }
}
