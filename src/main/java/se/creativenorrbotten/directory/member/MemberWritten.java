package se.creativenorrbotten.directory.member;

import java.util.List;
import java.util.UUID;

/**
 * Members were created, changed or deleted. Fired inside the writing transaction; observers that
 * read the database observe it after a successful commit. A write {@code inBulk} is one of a bulk import's chunk:
 * observers may follow it after its commit has returned (in the background), as long as they have followed it when
 * the import ends ({@link BulkWritesEnded}); any other write is followed before its commit returns.
 */
public record MemberWritten(List<UUID> ids, boolean inBulk) {

    public MemberWritten {
        ids = List.copyOf(ids);
    }

    public static MemberWritten of(UUID id) {
        return new MemberWritten(List.of(id), false);
    }

    /** A member written by a bulk import's chunk. */
    public static MemberWritten inBulk(UUID id) {
        return new MemberWritten(List.of(id), true);
    }
}
