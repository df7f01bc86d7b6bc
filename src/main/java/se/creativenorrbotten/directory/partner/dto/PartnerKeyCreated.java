package se.creativenorrbotten.directory.partner.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerKeyCreated", description = "A new partner key, with the key itself: shown this once, never again.")
public record PartnerKeyCreated(
        @Schema(required = true, description = "The key, for the partner's X-Api-Key header. Only its hash is kept: copy it"
                + " now.", maxLength = 47, pattern = "^cnk_[A-Za-z0-9_-]{43}$",
                examples = "cnk_q3Zt0c4Xr9bqvY2mJmT1mF3c8cJxkq3f5iWl0Zb0dE4") String key,
        @Schema(required = true) PartnerKeyView partnerKey) {
}
