package se.creativenorrbotten.directory.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.search.MemberQuery;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    private static final String CHANGE_SEQUENCE = "member_change_seq";

    public Optional<Member> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The slugs in use that equal {@code base} or extend it with a suffix ({@code base-2}, …). */
    public List<String> slugsStartingWith(String base) {
        return getEntityManager()
                .createQuery("select m.slug from Member m where m.slug = :base or m.slug like :prefix", String.class)
                .setParameter("base", base)
                .setParameter("prefix", base + "-%")
                .getResultList();
    }

    /** One page of the members matching the query's filters, by name (ties by id, so pages are stable). */
    public PanacheQuery<Member> filtered(MemberQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!query.types().isEmpty()) {
            where.append(" and type in :types");
            params.put("types", query.types());
        }
        if (!query.municipalities().isEmpty()) {
            where.append(" and municipalityCode in :municipalities");
            params.put("municipalities", query.municipalities());
        }
        if (!query.skills().isEmpty()) {
            where.append(" and id in (select s.id from Member s join s.skills k where k in :skills)");
            params.put("skills", query.skills());
        }
        return find(where.toString(), Sort.by("name").and("id"), params)
                .page(query.page().page() - 1, query.page().size());
    }

    /** The next position in the directory-wide change sequence. */
    public long nextChangeSeq() {
        SessionFactoryImplementor factory = getEntityManager().unwrap(Session.class).getSessionFactory()
                .unwrap(SessionFactoryImplementor.class);
        String sql = factory.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(CHANGE_SEQUENCE);
        return ((Number) getEntityManager().createNativeQuery(sql).getSingleResult()).longValue();
    }
}
