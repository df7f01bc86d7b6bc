package se.creativenorrbotten.directory.member;

import java.time.Duration;

/**
 * A bulk import has committed its last chunk ({@link MemberWritten#inBulk}), or stopped. Fired synchronously, outside
 * a transaction, before the import says how it ended: an observer that follows bulk writes in the background returns
 * once it has followed every one committed before the event (so that what the import says it stored is searchable),
 * or after {@code atMost}.
 */
public record BulkWritesEnded(Duration atMost) {
}
