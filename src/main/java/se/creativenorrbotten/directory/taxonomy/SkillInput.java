package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "SkillInput", description = "A skill as an admin writes it. The read-only memberCount may be sent back and is ignored.")
@JsonIgnoreProperties(value = {"memberCount"}, allowGetters = false)
public record SkillInput(
        @Schema(description = "Identifier; on create it is taken from nameEn when left out. On update it must be left out or equal the path's slug.",
                examples = "ux-design", pattern = SLUG_PATTERN, maxLength = 60)
        @Size(max = 60) @Pattern(regexp = SLUG_PATTERN, message = "must be lower-case ASCII words joined by '-', such as ux-design")
        String slug,
        @Schema(description = "Swedish name.", examples = "UX-design", maxLength = 80, minLength = 1, required = true)
        @NotBlank @Size(max = 80)
        String nameSv,
        @Schema(description = "English name.", examples = "UX design", maxLength = 80, minLength = 1, required = true)
        @NotBlank @Size(max = 80)
        String nameEn,
        @Schema(required = true)
        @NotNull
        Branch branch) {

    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
}
