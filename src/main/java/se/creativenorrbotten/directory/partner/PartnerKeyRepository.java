package se.creativenorrbotten.directory.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PartnerKeyRepository implements PanacheRepositoryBase<PartnerKey, UUID> {

    /** One page of keys, by name (then id, for a stable order). */
    public List<PartnerKey> page(int offset, int size) {
        return findAll(Sort.by("name").and("id")).range(offset, offset + size - 1).list();
    }

    /** The key, its row locked until the transaction ends: two racing patches apply one after the other. */
    public PartnerKey lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Moves last_used_at forward (never back: another instance may have written a later time). */
    public int markUsed(UUID id, Instant at) {
        return getEntityManager()
                .createQuery("update PartnerKey k set k.lastUsedAt = :at where k.id = :id"
                        + " and (k.lastUsedAt is null or k.lastUsedAt < :at)")
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }
}
