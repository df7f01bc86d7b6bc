package se.creativenorrbotten.directory.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.common.text.Names;

/**
 * Brings members from before a rule up to it, at every start (it finds nothing to do once done): the key of
 * each name's look-alike skeleton (which only Java computes), and a new slug for a member whose slug has the
 * form of a member id (which {@code GET /members/{idOrSlug}} reads as an id, so the slug could lead to
 * another member).
 */
@ApplicationScoped
public class MemberUpgrade {

    private static final Logger LOG = Logger.getLogger(MemberUpgrade.class);
    private static final int BATCH = 500;

    private final MemberRepository members;
    private final MemberService service;
    private final Event<MemberWritten> written;

    public MemberUpgrade(MemberRepository members, MemberService service, Event<MemberWritten> written) {
        this.members = members;
        this.service = service;
        this.written = written;
    }

    void onStart(@Observes StartupEvent start) {
        upgrade();
    }

    /**
     * Fills in missing skeleton keys and replaces slugs that look like ids; answers how many members it changed.
     * A transaction per batch, so that a large directory is not upgraded in one.
     */
    public int upgrade() {
        int changed = 0;
        int keyed;
        do {
            keyed = QuarkusTransaction.requiringNew().call(this::keyNameSkeletons);
            changed += keyed;
        } while (keyed == BATCH);
        return changed + QuarkusTransaction.requiringNew().call(this::replaceIdLikeSlugs);
    }

    private int keyNameSkeletons() {
        List<Object[]> unkeyed = members.getEntityManager()
                .createQuery("select m.id, m.name from Member m where m.nameSkeleton is null", Object[].class)
                .setMaxResults(BATCH).getResultList();
        for (Object[] row : unkeyed) {
            // A bulk update: the key is no change of the member, so its version stays.
            members.update("nameSkeleton = ?1 where id = ?2", Names.skeletonKey((String) row[1]), row[0]);
        }
        return unkeyed.size();
    }

    private int replaceIdLikeSlugs() {
        List<UUID> idLike = members.getEntityManager()
                .createQuery("select m.id, m.slug from Member m where length(m.slug) = 36", Object[].class)
                .getResultList().stream()
                .filter(row -> MemberService.looksLikeId((String) row[1]))
                .map(row -> (UUID) row[0]).toList();
        for (UUID id : idLike) {
            Member member = members.findById(id);
            long changeSeq = members.nextChangeSeq();
            String slug = service.freeSlug(MemberService.FALLBACK_SLUG + " " + member.getSlug(), 1);
            LOG.infof("Member %s had the slug %s, which reads as a member id; its slug is now %s.", id, member.getSlug(), slug);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            LocalDate today = now.atZone(MemberService.ZONE).toLocalDate();
            MemberMapper.PublicContent seen = MemberMapper.publicContent(member, today);
            member.setSlug(slug);
            if (!seen.equals(MemberMapper.publicContent(member, today))) {
                member.publicChanged(now);
            }
            member.touch(now, changeSeq);
            members.flush();
            written.fire(MemberWritten.of(id));
        }
        return idLike.size();
    }
}
