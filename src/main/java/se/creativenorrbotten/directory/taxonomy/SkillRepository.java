package se.creativenorrbotten.directory.taxonomy;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    public List<Skill> listByBranchAndSlug() {
        return listAll(Sort.by("branch").and("slug"));
    }
}
