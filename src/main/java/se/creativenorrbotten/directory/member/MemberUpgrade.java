package se.creativenorrbotten.directory.member;

import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.creativenorrbotten.directory.common.text.Names;

/**
 * Brings members from before a rule up to it, at every start: the key of each name's look-alike skeleton (which
 * only Java computes), and a new slug for a member whose slug has the form of a member id (which
 * {@code GET /members/{idOrSlug}} reads as an id, so the slug could lead to another member). Both rules came
 * with the skeleton column, and since then every member is stored with its key and a slug of another form: only
 * a member without a key can need either. So once done, a start costs one look-up of the index on the key.
 */
@ApplicationScoped
public class MemberUpgrade {

    private static final Logger LOG = Logger.getLogger(MemberUpgrade.class);
    private static final int BATCH = 500;

    private final MemberRepository members;
    private final MemberService service;

    public MemberUpgrade(MemberRepository members, MemberService service) {
        this.members = members;
        this.service = service;
    }

    void onStart(@Observes StartupEvent start) {
        upgrade();
    }

    /** What a batch did: the members it looked at, and the changes it made (keys filled in plus slugs replaced). */
    private record Batch(int members, int changes) {
    }

    /**
     * Fills in missing skeleton keys and replaces slugs that look like ids; answers how many changes it made.
     * A transaction per batch, so that a large directory is not upgraded in one.
     */
    public int upgrade() {
        int changes = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::upgradeBatch);
            changes += batch.changes();
        } while (batch.members() == BATCH);
        return changes;
    }

    private Batch upgradeBatch() {
        List<Object[]> unkeyed = members.getEntityManager()
                .createQuery("select m.id, m.name, m.slug from Member m where m.nameSkeleton is null", Object[].class)
                .setMaxResults(BATCH).getResultList();
        int changes = 0;
        for (Object[] row : unkeyed) {
            UUID id = (UUID) row[0];
            // A bulk update: the key is no change of the member, so its version stays.
            members.update("nameSkeleton = ?1 where id = ?2", Names.skeletonKey((String) row[1]), id);
            changes++;
            String slug = (String) row[2];
            if (MemberService.looksLikeId(slug)) {
                LOG.infof("Member %s had the slug %s, which reads as a member id; its slug is now %s.", id, slug,
                        service.replaceIdLikeSlug(id));
                changes++;
            }
        }
        return new Batch(unkeyed.size(), changes);
    }
}
