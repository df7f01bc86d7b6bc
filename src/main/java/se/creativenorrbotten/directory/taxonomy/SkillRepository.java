package se.creativenorrbotten.directory.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    public List<Skill> listByBranchAndSlug() {
        return listAll(Sort.by("branch").and("slug"));
    }

    /** How many members carry each skill. */
    public Map<String, Long> memberCounts() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select s, count(m) from Member m join m.skills s group by s", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    public long memberCount(String slug) {
        return getEntityManager()
                .createQuery("select count(m) from Member m join m.skills s where s = :slug", Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
    }
}
