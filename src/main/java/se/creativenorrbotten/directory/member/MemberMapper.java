package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.text.Names;
import se.creativenorrbotten.directory.member.dto.ConsentView;
import se.creativenorrbotten.directory.member.dto.HistoryEntryView;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;

/**
 * The one place where members are translated between the entity and the API's records: the property-by-property
 * copies are generated from {@link MemberViews}; what depends on the day, the history and the public content is here.
 */
final class MemberMapper {

    private MemberMapper() {
    }

    static MemberView toView(Member m, List<ConsentView> consents) {
        return MemberViews.MAP.view(m, consents);
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
        return MemberViews.MAP.publicView(m, m.getPublicUpdatedAt(), m.getPublicVersion(),
                lastFeatured != null && !lastFeatured.isBefore(today));
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
        return new PublicContent(m.getStatus() == MemberStatus.PUBLISHED, MemberViews.MAP.publicView(m, null, 0, false),
                lastFeatured == null || lastFeatured.isBefore(today) ? null : lastFeatured);
    }

    /** The member as a write body, so that a merge patch can be applied to it. */
    static MemberInput toInput(Member m) {
        return MemberViews.MAP.input(m);
    }

    /**
     * The input with its text trimmed and NFC-normalised and empty text as absent, as it will be stored; the
     * name also without invisible characters and with one kind of space ({@link Names#normalize}).
     */
    static MemberInput normalized(MemberInput in) {
        return MemberViews.MAP.normalized(in);
    }

    /** Copies a validated input onto the entity, {@link #normalized} as it is stored. */
    static void apply(MemberInput in, Member m) {
        MemberViews.MAP.store(normalized(in), m);
    }
}
