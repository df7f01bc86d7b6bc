package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    /** How H2 and PostgreSQL order UUIDs: by their 16 bytes, unsigned. */
    private static final Comparator<UUID> AS_DATABASES_DO = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        Instant at = Instant.parse("2026-12-02T12:00:00.123Z");
        UUID id = TimeOrderedIds.next(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsSortInTheOrderTheyWereMadeAndNeverRepeat() {
        Instant start = Instant.parse("2026-12-02T12:00:00Z");
        List<UUID> made = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int ms = 0; ms < 1000; ms++) {
            UUID id = TimeOrderedIds.next(start.plusMillis(ms * 7L));
            made.add(id);
            assertTrue(seen.add(id));
        }
        List<UUID> sorted = new ArrayList<>(made);
        sorted.sort(AS_DATABASES_DO);
        assertEquals(made, sorted);
        for (int i = 0; i < 100_000; i++) { // 74 random bits: no repeat within one millisecond either
            assertTrue(seen.add(TimeOrderedIds.next(start)));
        }
    }
}
