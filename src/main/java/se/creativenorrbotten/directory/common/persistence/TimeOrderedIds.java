package se.creativenorrbotten.directory.common.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * Ids in the order they are made: UUID version 7 (RFC 9562), the creation time in milliseconds first, then 74 random
 * bits (from {@link UUID#randomUUID()}'s secure source). A table and every index that starts with such an id grows
 * at its end, as a sequence's would: an insert finds its page among the few last ones, already in memory, instead
 * of a random page anywhere in the B-tree that must be read and written back. Their order reveals when each was
 * made, to the millisecond; use them only where that time is not a secret.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** A new id for something made at {@code at}. */
    public static UUID next(Instant at) {
        UUID random = UUID.randomUUID();
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        return new UUID(high, random.getLeastSignificantBits()); // randomUUID's variant bits (10) are RFC 9562's too
    }
}
