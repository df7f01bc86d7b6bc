package se.creativenorrbotten.directory.taxonomy;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    /** Every skill's slug. */
    public List<String> slugs() {
        return getEntityManager().createQuery("select s.slug from Skill s", String.class).getResultList();
    }

    public List<Skill> listByBranchAndSlug() {
        return listAll(Sort.by("branch").and("slug"));
    }
}
