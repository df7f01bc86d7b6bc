package se.creativenorrbotten.directory.member.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberChangePage", description = "One page of the change feed, in the order of the changes; each member"
        + " at most once, at its latest state.")
public record MemberChangePage(
        @Schema(required = true, maxItems = 1000) List<MemberChange> items,
        @Schema(required = true, maxLength = 200, pattern = "^[A-Za-z0-9_-]+$", description = "Send it back as since for"
                + " the next page, now or later (also when items is empty): opaque, valid on every instance and after"
                + " restarts.") String nextCursor,
        @Schema(required = true, description = "True: more changes are ready, ask again at once; false: you are up to date,"
                + " ask again later with nextCursor.") boolean hasMore) {
}
