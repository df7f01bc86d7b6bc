package se.creativenorrbotten.directory.partner.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PartnerKeyView", description = "A partner key. The key itself is shown only once, when it is created.")
public record PartnerKeyView(
        @Schema(required = true, format = "uuid", maxLength = 36, examples = "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a") UUID id,
        @Schema(required = true, description = "The key's first characters, to tell keys apart.", maxLength = 12,
                examples = "cnk_q3Zt") String keyPrefix,
        @Schema(required = true, maxLength = 100, examples = "Piteå kommun") String name,
        @Schema(required = true, maxLength = 200, examples = "webb@pitea.se") String contact,
        @Schema(required = true, format = "int32", minimum = "1", maximum = "1000000", examples = "6000") int requestsPerMinute,
        @Schema(required = true, maxItems = 20, examples = "[\"https://www.pitea.se\"]") List<String> origins,
        @Schema(required = true, description = "false: requests with the key are refused.") boolean enabled,
        @Schema(required = true, description = "When the key was created (UTC).", maxLength = 40) Instant createdAt,
        @Schema(required = true, description = "When the key was last changed (UTC).", maxLength = 40) Instant updatedAt,
        @Schema(description = "When a request last used the key (UTC, to about a minute); absent: never.", maxLength = 40)
        Instant lastUsedAt) {
}
