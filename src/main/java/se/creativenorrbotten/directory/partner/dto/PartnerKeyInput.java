package se.creativenorrbotten.directory.partner.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.creativenorrbotten.directory.partner.PartnerOrigins;

@Schema(name = "PartnerKeyInput", description = "A new partner key: who it is for, its limit and its sites' origins.")
public record PartnerKeyInput(
        @Schema(required = true, description = "The partner, as admins know it.", examples = "Piteå kommun", maxLength = 100)
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters")
        String name,
        @Schema(required = true, description = "Whom to ask about the key's traffic (an e-mail address or a name).",
                examples = "webb@pitea.se", maxLength = 200)
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String contact,
        @Schema(required = true, description = "Requests a minute the key may send (all in one burst if need be).",
                format = "int32", minimum = "1", maximum = "1000000", examples = "6000")
        @NotNull(message = "must be given") @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000")
        Integer requestsPerMinute,
        @Schema(required = true, description = "Origins whose pages may read the public API (CORS) and frame the"
                + " embedded search: https://host[:port], or http://localhost[:port] for development; no path.",
                maxItems = PartnerOrigins.MAX_ORIGINS, examples = "[\"https://www.pitea.se\"]")
        @NotNull(message = "must be given") @Size(max = PartnerOrigins.MAX_ORIGINS, message = "must list at most 20 origins")
        List<@NotNull(message = "must not be null") @Size(max = PartnerOrigins.MAX_LENGTH, message = "must be at most 200 characters")
                @Pattern(regexp = PartnerOrigins.PATTERN, message = PartnerOrigins.RULE) String> origins) {
}
