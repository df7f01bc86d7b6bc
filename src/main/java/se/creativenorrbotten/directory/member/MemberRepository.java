package se.creativenorrbotten.directory.member;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    private static final String CHANGE_SEQUENCE = "member_change_seq";

    /** JPQL: the member {@code m} is one the public sees (the member counts of skills and municipalities). */
    public static final String PUBLISHED = "m.status = se.creativenorrbotten.directory.member.MemberStatus.PUBLISHED";

    private final ChangeLog changeLog;
    /** The dialect's statement for the sequence's next value, found once. */
    private volatile String nextChangeSeqSelect;

    public MemberRepository(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    public Optional<Member> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Up to {@code limit} members with the organisation number (it is not unique: an upsert must see a second one). */
    public List<Member> findByOrganisationNumber(String organisationNumber, int limit) {
        return find("organisationNumber", Sort.by("createdAt").and("id"), organisationNumber).range(0, limit - 1).list();
    }

    /**
     * A member, other than {@code self} (null: none), whose name has the skeleton key but is not the name
     * itself: a look-alike (see {@code Names}), the first created of them.
     */
    public Optional<Member> lookAlike(String skeletonKey, String name, UUID self) {
        return self == null
                ? find("nameSkeleton = ?1 and name <> ?2", Sort.by("createdAt").and("id"), skeletonKey, name)
                        .firstResultOptional()
                : find("nameSkeleton = ?1 and name <> ?2 and id <> ?3", Sort.by("createdAt").and("id"), skeletonKey, name,
                        self).firstResultOptional();
    }

    /** Which of the slugs members have. */
    public List<String> takenSlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of()
                : getEntityManager().createQuery("select m.slug from Member m where m.slug in :slugs", String.class)
                        .setParameter("slugs", slugs)
                        .getResultList();
    }

    /** The members whose names have one of the skeleton keys, as the look-alike rule needs them. */
    List<ImportChunk.Named> namedLike(Collection<String> skeletonKeys) {
        if (skeletonKeys.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("select m.id, m.name, m.slug, m.status from Member m where m.nameSkeleton in :keys"
                        + " order by m.createdAt, m.id", Object[].class)
                .setParameter("keys", skeletonKeys)
                .getResultStream()
                .map(row -> new ImportChunk.Named((UUID) row[0], (String) row[1], (String) row[2], (MemberStatus) row[3]))
                .toList();
    }

    /** Up to {@code size} members of the selection in id order, after {@code after} (null: from the first). */
    public List<Member> batch(MemberSelection selection, UUID after, int size) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (after != null) {
            where.append(" and m.id > :after");
        }
        if (!selection.statuses().isEmpty()) {
            where.append(" and m.status in :statuses");
        }
        if (!selection.types().isEmpty()) {
            where.append(" and m.type in :types");
        }
        if (!selection.municipalities().isEmpty()) {
            where.append(" and m.municipalityCode in :municipalities");
        }
        if (!selection.skills().isEmpty()) {
            where.append(" and m.id in (select c.id from Member c join c.skills s where s in :skills)");
        }
        var query = getEntityManager().createQuery("select m from Member m " + where + " order by m.id", Member.class)
                .setMaxResults(size);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (!selection.statuses().isEmpty()) {
            query.setParameter("statuses", selection.statuses());
        }
        if (!selection.types().isEmpty()) {
            query.setParameter("types", selection.types());
        }
        if (!selection.municipalities().isEmpty()) {
            query.setParameter("municipalities", selection.municipalities());
        }
        if (!selection.skills().isEmpty()) {
            query.setParameter("skills", selection.skills());
        }
        return query.getResultList();
    }

    /** The slugs in use that equal {@code base} or extend it with a suffix ({@code base-2}, …). */
    public List<String> slugsStartingWith(String base) {
        return getEntityManager()
                .createQuery("select m.slug from Member m where m.slug = :base or m.slug like :prefix", String.class)
                .setParameter("base", base)
                .setParameter("prefix", base + "-%")
                .getResultList();
    }

    /**
     * Gives every member who carries the skill a new place in the change sequence, without changing
     * the member: their searchable text (the skill's names) changed, and every instance must re-index them.
     */
    public List<UUID> touchCarriersOf(String skillSlug) {
        List<UUID> ids = getEntityManager()
                .createQuery("select m.id from Member m join m.skills s where s = :slug", UUID.class)
                .setParameter("slug", skillSlug)
                .getResultList();
        for (UUID id : ids) {
            getEntityManager().createNativeQuery("update member set change_seq = ?2 where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, nextChangeSeq())
                    .executeUpdate();
        }
        return ids;
    }

    /**
     * The next position in the directory-wide change sequence, announced to the change log (see ChangeLog#allocated).
     * Read on the session's connection by plain JDBC: a query through Hibernate would flush the session's pending
     * writes first, and its machinery cost an import's row thirty times what the database's work does.
     */
    public long nextChangeSeq() {
        long seq = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(nextChangeSeqSelect());
                    ResultSet next = select.executeQuery()) {
                next.next();
                return next.getLong(1);
            }
        });
        changeLog.allocated(seq);
        return seq;
    }

    private String nextChangeSeqSelect() {
        String select = nextChangeSeqSelect;
        if (select == null) {
            select = dialect().getSequenceSupport().getSequenceNextValString(CHANGE_SEQUENCE);
            nextChangeSeqSelect = select;
        }
        return select;
    }

    private org.hibernate.dialect.Dialect dialect() {
        return getEntityManager().unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
    }
}
