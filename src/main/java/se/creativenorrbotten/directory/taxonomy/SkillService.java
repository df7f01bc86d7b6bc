package se.creativenorrbotten.directory.taxonomy;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.text.Folding;

@ApplicationScoped
public class SkillService {

    private static final int MAX_SLUG_LENGTH = 60;

    private final SkillRepository skills;
    private final TaxonomyUsage usage;
    private final Event<TaxonomyChanged> changed;

    public SkillService(SkillRepository skills, TaxonomyUsage usage, Event<TaxonomyChanged> changed) {
        this.skills = skills;
        this.usage = usage;
        this.changed = changed;
    }

    public SkillList list() {
        Map<String, Long> counts = usage.publishedPerSkill();
        return new SkillList(skills.listByBranchAndSlug().stream()
                .map(skill -> SkillView.of(skill, counts.getOrDefault(skill.getSlug(), 0L)))
                .toList());
    }

    public SkillView get(String slug) {
        Skill skill = find(slug);
        return SkillView.of(skill, usage.publishedWithSkill(slug));
    }

    @Transactional
    public SkillView create(SkillInput input) {
        String slug = input.slug() != null ? input.slug() : derivedSlug(input.nameEn());
        if (skills.findById(slug) != null) {
            throw ProblemException.conflict("A skill with slug '" + slug + "' exists already.");
        }
        Skill skill = new Skill(slug);
        apply(skill, input);
        skills.persist(skill);
        changed.fire(TaxonomyChanged.of(slug));
        return SkillView.of(skill, 0);
    }

    @Transactional
    public SkillView update(String slug, SkillInput input) {
        Skill skill = find(slug);
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.invalid("slug", "a skill's slug cannot change; leave it out or send '" + slug + "'");
        }
        apply(skill, input);
        skills.flush();
        changed.fire(new TaxonomyChanged(slug, usage.touchCarriersOf(slug)));
        return SkillView.of(skill, usage.publishedWithSkill(slug));
    }

    @Transactional
    public void delete(String slug) {
        Skill skill = find(slug);
        long carriers = usage.carriersOfSkill(slug);
        if (carriers > 0) {
            throw ProblemException.conflict("The skill '" + slug + "' is carried by " + carriers
                    + " member(s); remove it from them first.");
        }
        skills.delete(skill);
        changed.fire(TaxonomyChanged.of(slug));
    }

    private Skill find(String slug) {
        Skill skill = skills.findById(slug);
        if (skill == null) {
            throw ProblemException.notFound("There is no skill '" + slug + "'.");
        }
        return skill;
    }

    private static void apply(Skill skill, SkillInput input) {
        skill.setNameSv(Folding.clean(input.nameSv()));
        skill.setNameEn(Folding.clean(input.nameEn()));
        skill.setBranch(input.branch());
    }

    private static String derivedSlug(String nameEn) {
        String slug = Folding.slug(nameEn);
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw ProblemException.invalid("nameEn", "must contain a letter or digit to derive a slug from; or send a slug");
        }
        return slug;
    }
}
