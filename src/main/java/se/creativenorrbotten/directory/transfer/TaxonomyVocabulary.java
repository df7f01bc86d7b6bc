package se.creativenorrbotten.directory.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.taxonomy.Municipality;
import se.creativenorrbotten.directory.taxonomy.MunicipalityRepository;
import se.creativenorrbotten.directory.taxonomy.Skill;
import se.creativenorrbotten.directory.taxonomy.SkillRepository;

/** The {@link Vocabulary} of the taxonomy as it is now: read once per import (a few hundred rows). */
@ApplicationScoped
public class TaxonomyVocabulary {

    private final SkillRepository skills;
    private final MunicipalityRepository municipalities;

    public TaxonomyVocabulary(SkillRepository skills, MunicipalityRepository municipalities) {
        this.skills = skills;
        this.municipalities = municipalities;
    }

    public Vocabulary current() {
        Vocabulary.Builder vocabulary = Vocabulary.builder();
        for (Skill skill : skills.listByBranchAndSlug()) {
            vocabulary.skill(skill.getSlug(), skill.getNameSv(), skill.getNameEn());
        }
        for (Municipality municipality : municipalities.listAll()) {
            vocabulary.municipality(municipality.getCode(), municipality.getName());
        }
        return vocabulary.build();
    }
}
