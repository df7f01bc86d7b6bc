package se.creativenorrbotten.directory.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;

/** What a history entry records. */
@Schema(name = "HistoryAction", description = "created, submitted (an application), updated (one field; see field,"
        + " oldValue, newValue), published, rejected, archived, featured, unfeatured, erased.")
public enum HistoryAction implements Coded {
    CREATED("created"),
    SUBMITTED("submitted"),
    UPDATED("updated"),
    PUBLISHED("published"),
    REJECTED("rejected"),
    ARCHIVED("archived"),
    FEATURED("featured"),
    UNFEATURED("unfeatured"),
    ERASED("erased");

    private final String code;

    HistoryAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The action that moves a member into this status. */
    static HistoryAction into(MemberStatus status) {
        return switch (status) {
            case PUBLISHED -> PUBLISHED;
            case REJECTED -> REJECTED;
            case ARCHIVED -> ARCHIVED;
            case PENDING -> SUBMITTED;
        };
    }
}
