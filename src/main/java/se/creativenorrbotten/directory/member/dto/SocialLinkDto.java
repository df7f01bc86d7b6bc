package se.creativenorrbotten.directory.member.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.SocialNetwork;

@Schema(name = "SocialLink", description = "A link to the member on a social network.")
public record SocialLinkDto(
        @Schema(required = true) @NotNull
        SocialNetwork network,
        @Schema(required = true, description = "An absolute http or https URL.", examples = "https://www.instagram.com/norrskenpixel",
                maxLength = WebUrl.MAX_LENGTH, pattern = WebUrl.PATTERN, format = "uri")
        @NotNull @WebUrl
        String url) {
}
