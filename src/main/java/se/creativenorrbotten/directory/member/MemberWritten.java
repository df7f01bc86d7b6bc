package se.creativenorrbotten.directory.member;

import java.util.List;
import java.util.UUID;

/**
 * Members were created, changed or deleted. Fired inside the writing transaction; observers that
 * read the database observe it after a successful commit.
 */
public record MemberWritten(List<UUID> ids) {

    public MemberWritten {
        ids = List.copyOf(ids);
    }

    public static MemberWritten of(UUID id) {
        return new MemberWritten(List.of(id));
    }
}
