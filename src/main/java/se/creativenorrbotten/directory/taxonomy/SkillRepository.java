package se.creativenorrbotten.directory.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.member.MemberRepository;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    public List<Skill> listByBranchAndSlug() {
        return listAll(Sort.by("branch").and("slug"));
    }

    /** How many published members carry each skill. */
    public Map<String, Long> memberCounts() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select s, count(m) from Member m join m.skills s where " + MemberRepository.PUBLISHED + " group by s", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** How many published members carry the skill. */
    public long memberCount(String slug) {
        return count(slug, " and " + MemberRepository.PUBLISHED);
    }

    /** How many members in any status carry the skill. */
    public long carrierCount(String slug) {
        return count(slug, "");
    }

    private long count(String slug, String condition) {
        return getEntityManager()
                .createQuery("select count(m) from Member m join m.skills s where s = :slug" + condition, Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
    }
}
