package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.creativenorrbotten.directory.common.json.Coded;

import se.creativenorrbotten.directory.common.text.Folding;
import se.creativenorrbotten.directory.common.text.Names;
import se.creativenorrbotten.directory.member.dto.ConsentView;
import se.creativenorrbotten.directory.member.dto.HistoryEntryView;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.member.dto.SocialLinkDto;

/** The one place where members are translated between the entity and the API's records. */
final class MemberMapper {

    private MemberMapper() {
    }

    static MemberView toView(Member m, List<ConsentView> consents) {
        return new MemberView(m.getId(), m.getSlug(), m.getName(), m.getType(), m.getHeadline(), m.getDescription(),
                m.getMunicipalityCode(), List.copyOf(m.getServiceArea()), List.copyOf(m.getSkills()),
                List.copyOf(m.getLanguages()), List.copyOf(m.getSeeks()), List.copyOf(m.getOffers()), m.getWebsite(),
                m.getLogoUrl(), List.copyOf(m.getPortfolioLinks()),
                socialLinks(m), m.getEmail(), m.getPhone(), m.isContactPublic(), m.getOrganisationNumber(), m.getSchool(),
                m.getGraduationYear(), m.getFoundedYear(), m.isAvailableForWork(), m.getCreatedAt(), m.getUpdatedAt(),
                m.getVersion(), m.getStatus(), m.getStatusReason(), lastFeaturedDay(m.getFeaturedUntil()), m.getNotes(),
                List.copyOf(consents));
    }

    static ConsentView toView(MemberConsent c) {
        return new ConsentView(c.getKind(), c.isGiven(), c.getAt(), c.getSource(), c.getActor());
    }

    static HistoryEntryView toView(HistoryEntry e, ObjectMapper json) {
        return new HistoryEntryView(e.getId(), e.getAt(), e.getActor(), Coded.fromCode(HistoryAction.class, e.getAction()),
                e.getField(), jsonValue(e.getOldValue(), json), jsonValue(e.getNewValue(), json), e.getReason());
    }

    private static JsonNode jsonValue(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history value is not JSON", e);
        }
    }

    /** The first moment a member featured through {@code lastDay} (Swedish time) is no longer featured. */
    static Instant featuredEnd(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(MemberService.ZONE).toInstant();
    }

    /** The last day (Swedish time) a member whose feature ends at {@code end} is featured; null for none. */
    static LocalDate lastFeaturedDay(Instant end) {
        return end == null ? null : end.atZone(MemberService.ZONE).toLocalDate().minusDays(1);
    }

    /**
     * The public view: contact details only with the member's consent. Its version and date are those of the
     * public view, which change only when what it shows changes (see {@link #publicContent}).
     */
    static PublicMemberView toPublic(Member m, LocalDate today) {
        LocalDate lastFeatured = lastFeaturedDay(m.getFeaturedUntil());
        return publicView(m, m.getPublicUpdatedAt(), m.getPublicVersion(), lastFeatured != null && !lastFeatured.isBefore(today));
    }

    private static PublicMemberView publicView(Member m, Instant updatedAt, long version, boolean featured) {
        boolean consented = m.isContactPublic();
        return new PublicMemberView(m.getId(), m.getSlug(), m.getName(), m.getType(), m.getHeadline(), m.getDescription(),
                m.getMunicipalityCode(), List.copyOf(m.getServiceArea()), List.copyOf(m.getSkills()),
                List.copyOf(m.getLanguages()), List.copyOf(m.getSeeks()), List.copyOf(m.getOffers()), m.getWebsite(),
                m.getLogoUrl(), List.copyOf(m.getPortfolioLinks()),
                socialLinks(m), consented ? m.getEmail() : null, consented ? m.getPhone() : null,
                m.getType() == MemberType.AGENCY ? m.getOrganisationNumber() : null,
                m.getSchool(), m.getGraduationYear(), m.getFoundedYear(), m.isAvailableForWork(), m.getCreatedAt(), updatedAt,
                version, featured);
    }

    /**
     * Everything the public can see of a member on {@code today}, apart from the public view's own version and
     * date: whether it is listed at all, the view's content, and through which day it is featured (a feature that
     * has ended shows nothing). A write whose content differs from the one before gives the public view a new
     * version and date; any other write (notes, a consent that shows nothing new, a rejected application) leaves
     * them alone.
     */
    record PublicContent(boolean published, PublicMemberView view, LocalDate featuredThrough) {
    }

    static PublicContent publicContent(Member m, LocalDate today) {
        LocalDate lastFeatured = lastFeaturedDay(m.getFeaturedUntil());
        return new PublicContent(m.getStatus() == MemberStatus.PUBLISHED, publicView(m, null, 0, false),
                lastFeatured == null || lastFeatured.isBefore(today) ? null : lastFeatured);
    }

    /** The member as a write body, so that a merge patch can be applied to it. */
    static MemberInput toInput(Member m) {
        return new MemberInput(m.getName(), m.getType(), m.getHeadline(), m.getDescription(), m.getMunicipalityCode(),
                List.copyOf(m.getServiceArea()), List.copyOf(m.getSkills()), List.copyOf(m.getLanguages()),
                List.copyOf(m.getSeeks()), List.copyOf(m.getOffers()), m.getWebsite(), m.getLogoUrl(),
                List.copyOf(m.getPortfolioLinks()), socialLinks(m), m.getEmail(), m.getPhone(),
                m.isContactPublic(), m.getOrganisationNumber(), m.getSchool(), m.getGraduationYear(), m.getFoundedYear(),
                m.isAvailableForWork(), m.getNotes());
    }

    /**
     * The input with its text trimmed and NFC-normalised and empty text as absent, as it will be stored; the
     * name also without invisible characters and with one kind of space ({@link Names#normalize}).
     */
    static MemberInput normalized(MemberInput in) {
        return new MemberInput(Names.normalize(in.name()), in.type(), text(in.headline()), text(in.description()),
                in.municipality(), in.serviceArea(), in.skills(), in.languages(), in.seeks(), in.offers(),
                text(in.website()), text(in.logoUrl()),
                in.portfolioLinks(), in.socialLinks(), text(in.email()), text(in.phone()), in.contactPublic(),
                in.organisationNumber(), text(in.school()), in.graduationYear(), in.foundedYear(), in.availableForWork(),
                text(in.notes()));
    }

    /** Copies a validated input onto the entity; text is trimmed and NFC-normalised, empty text becomes null. */
    static void apply(MemberInput in, Member m) {
        m.setName(Names.normalize(in.name()));
        m.setType(in.type());
        m.setHeadline(text(in.headline()));
        m.setDescription(text(in.description()));
        m.setMunicipalityCode(in.municipality());
        replace(m.getServiceArea(), in.serviceArea());
        replace(m.getSkills(), in.skills());
        replace(m.getLanguages(), in.languages());
        replace(m.getSeeks(), in.seeks());
        replace(m.getOffers(), in.offers());
        m.setWebsite(text(in.website()));
        m.setLogoUrl(text(in.logoUrl()));
        replace(m.getPortfolioLinks(), in.portfolioLinks());
        replace(m.getSocialLinks(), in.socialLinks() == null ? null
                : in.socialLinks().stream().map(link -> new SocialLink(link.network(), link.url())).toList());
        m.setEmail(text(in.email()));
        m.setPhone(text(in.phone()));
        m.setContactPublic(Boolean.TRUE.equals(in.contactPublic()));
        m.setOrganisationNumber(in.organisationNumber());
        m.setSchool(text(in.school()));
        m.setGraduationYear(in.graduationYear());
        m.setFoundedYear(in.foundedYear());
        m.setAvailableForWork(Boolean.TRUE.equals(in.availableForWork()));
        m.setNotes(text(in.notes()));
    }

    private static List<SocialLinkDto> socialLinks(Member m) {
        return m.getSocialLinks().stream().map(link -> new SocialLinkDto(link.getNetwork(), link.getUrl())).toList();
    }

    private static String text(String value) {
        String cleaned = Folding.clean(value);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    private static <T> void replace(List<T> target, List<T> values) {
        List<T> wanted = values == null ? List.of() : values;
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    /** Replaces a set's content, in its own order; touches it (and so its table) only when the content differs. */
    private static <T> void replace(SortedSet<T> target, List<T> values) {
        Set<T> wanted = values == null ? Set.of() : new HashSet<>(values);
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }
}
