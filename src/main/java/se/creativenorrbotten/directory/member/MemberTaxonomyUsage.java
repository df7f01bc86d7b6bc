package se.creativenorrbotten.directory.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.creativenorrbotten.directory.taxonomy.TaxonomyUsage;

/** The members' answer to the taxonomy's questions: who carries a skill, who lives in a municipality. */
@ApplicationScoped
public class MemberTaxonomyUsage implements TaxonomyUsage {

    private final MemberRepository members;

    public MemberTaxonomyUsage(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Map<String, Long> publishedPerSkill() {
        return counts("select s, count(m) from Member m join m.skills s where " + MemberRepository.PUBLISHED + " group by s");
    }

    @Override
    public long publishedWithSkill(String slug) {
        return skillCount(slug, " and " + MemberRepository.PUBLISHED);
    }

    @Override
    public long carriersOfSkill(String slug) {
        return skillCount(slug, "");
    }

    @Override
    public List<UUID> touchCarriersOf(String slug) {
        return members.touchCarriersOf(slug);
    }

    @Override
    public Map<String, Long> publishedPerMunicipality() {
        return counts("select m.municipalityCode, count(m) from Member m where " + MemberRepository.PUBLISHED
                + " group by m.municipalityCode");
    }

    @Override
    public long publishedIn(String code) {
        return entityManager()
                .createQuery("select count(m) from Member m where m.municipalityCode = :code and " + MemberRepository.PUBLISHED,
                        Long.class)
                .setParameter("code", code)
                .getSingleResult();
    }

    private Map<String, Long> counts(String query) {
        Map<String, Long> counts = new HashMap<>();
        entityManager().createQuery(query, Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private long skillCount(String slug, String condition) {
        return entityManager()
                .createQuery("select count(m) from Member m join m.skills s where s = :slug" + condition, Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
    }

    private EntityManager entityManager() {
        return members.getEntityManager();
    }
}
