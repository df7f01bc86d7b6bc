package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Skill", description = "A skill of the taxonomy and how many members carry it.")
public record SkillView(
        @Schema(description = "The skill's identifier, used in member records and filters.", examples = "ux-design",
                pattern = SkillInput.SLUG_PATTERN, maxLength = 60)
        String slug,
        @Schema(description = "Swedish name.", examples = "UX-design", maxLength = 80)
        String nameSv,
        @Schema(description = "English name.", examples = "UX design", maxLength = 80)
        String nameEn,
        Branch branch,
        @Schema(description = "Members who carry the skill.", examples = "7", minimum = "0", maximum = "100000000", format = "int64")
        long memberCount) {

    static SkillView of(Skill skill, long memberCount) {
        return new SkillView(skill.getSlug(), skill.getNameSv(), skill.getNameEn(), skill.getBranch(), memberCount);
    }
}
