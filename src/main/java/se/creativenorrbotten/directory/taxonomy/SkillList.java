package se.creativenorrbotten.directory.taxonomy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SkillList", description = "The whole skill taxonomy.")
public record SkillList(@Schema(maxItems = 1000) List<SkillView> items) {
}
