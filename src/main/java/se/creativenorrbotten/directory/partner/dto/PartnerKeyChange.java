package se.creativenorrbotten.directory.partner.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerKeyChange", description = "A JSON merge patch (RFC 7396) of a partner key: each property sent is"
        + " changed, the others kept; none may be null. The key itself never changes: create a new one instead.")
public record PartnerKeyChange(
        @Schema(maxLength = 100) String name,
        @Schema(maxLength = 200) String contact,
        @Schema(format = "int32", minimum = "1", maximum = "1000000") Integer requestsPerMinute,
        @Schema(maxItems = 20) List<String> origins,
        @Schema(description = "false disables the key: requests with it are refused (401) and its origins lose their grant.")
        Boolean enabled) {
}
