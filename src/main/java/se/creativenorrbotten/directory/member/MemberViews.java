package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mapstruct.BeanMapping;
import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

import se.creativenorrbotten.directory.common.text.Folding;
import se.creativenorrbotten.directory.common.text.Names;
import se.creativenorrbotten.directory.member.dto.ConsentView;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.member.dto.SocialLinkDto;

/**
 * The member's shape, copied property by property by name: the code is generated at build time, so a property of a
 * view or of the write body with no source fails the build instead of staying empty. Only what differs from a plain
 * copy is written here: the renamed municipality, the public view's rules, and the cleaning of written text.
 * Collections are given to the entity's setters whole ({@link CollectionMappingStrategy#TARGET_IMMUTABLE}), which
 * keep the entity's own list and leave it alone when nothing changed. {@link MemberMapper} is the façade the rest of
 * the package calls.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, typeConversionPolicy = ReportingPolicy.ERROR,
        collectionMappingStrategy = CollectionMappingStrategy.TARGET_IMMUTABLE)
interface MemberViews {

    MemberViews MAP = Mappers.getMapper(MemberViews.class);

    @Mapping(target = "municipality", source = "member.municipalityCode")
    @Mapping(target = "featuredUntil", source = "member.featuredUntil", qualifiedByName = "lastFeaturedDay")
    MemberView view(Member member, List<ConsentView> consents);

    /**
     * The public view with the given date, version and featuring (see {@link MemberMapper#toPublic}): contact details
     * only with the member's consent, the organisation number only for agencies.
     */
    @Mapping(target = "municipality", source = "member.municipalityCode")
    @Mapping(target = "email", source = "member", qualifiedByName = "consentedEmail")
    @Mapping(target = "phone", source = "member", qualifiedByName = "consentedPhone")
    @Mapping(target = "organisationNumber", source = "member", qualifiedByName = "agencyOrganisationNumber")
    @Mapping(target = "updatedAt", source = "updatedAt")
    @Mapping(target = "version", source = "version")
    PublicMemberView publicView(Member member, Instant updatedAt, long version, boolean featured);

    /** The member as a write body. */
    @Mapping(target = "municipality", source = "municipalityCode")
    MemberInput input(Member member);

    /** The write body as it will be stored: see {@link MemberMapper#normalized}. */
    @Mapping(target = "name", qualifiedByName = "name")
    @Mapping(target = "headline", qualifiedByName = "text")
    @Mapping(target = "description", qualifiedByName = "text")
    @Mapping(target = "website", qualifiedByName = "text")
    @Mapping(target = "logoUrl", qualifiedByName = "text")
    @Mapping(target = "email", qualifiedByName = "text")
    @Mapping(target = "phone", qualifiedByName = "text")
    @Mapping(target = "school", qualifiedByName = "text")
    @Mapping(target = "notes", qualifiedByName = "text")
    MemberInput normalized(MemberInput input);

    /**
     * Copies a write body, {@link #normalized} first, onto the entity; a property of the body with no place on the
     * entity fails the build too.
     */
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.ERROR)
    @Mapping(target = "municipalityCode", source = "municipality")
    @Mapping(target = "contactPublic", qualifiedByName = "flag")
    @Mapping(target = "availableForWork", qualifiedByName = "flag")
    void store(MemberInput normalized, @MappingTarget Member member);

    default SocialLink socialLink(SocialLinkDto link) {
        return new SocialLink(link.network(), link.url());
    }

    /**
     * Every list is copied, nulls and all (a write body is normalised before it is validated); an absent list stays
     * absent, and the entity's setters store it as empty.
     */
    default <T> List<T> list(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An absent flag of the write body is false. */
    @Named("flag")
    default boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    @Named("lastFeaturedDay")
    default LocalDate lastFeaturedDay(Instant end) {
        return MemberMapper.lastFeaturedDay(end);
    }

    @Named("consentedEmail")
    default String consentedEmail(Member member) {
        return member.isContactPublic() ? member.getEmail() : null;
    }

    @Named("consentedPhone")
    default String consentedPhone(Member member) {
        return member.isContactPublic() ? member.getPhone() : null;
    }

    @Named("agencyOrganisationNumber")
    default String agencyOrganisationNumber(Member member) {
        return member.getType() == MemberType.AGENCY ? member.getOrganisationNumber() : null;
    }

    /** The name also without invisible characters and with one kind of space ({@link Names#normalize}). */
    @Named("name")
    default String name(String value) {
        return Names.normalize(value);
    }

    /** Text trimmed and NFC-normalised, empty text as absent. */
    @Named("text")
    default String text(String value) {
        String cleaned = Folding.clean(value);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
