package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.SettingConstraints.refused;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * Search settings the caches or the gate could not be made of are refused when the service starts, with the setting's
 * name, not by the first search: no negative cache size (0 turns a cache off), no concurrency below 1.
 */
class SearchSettingsTest {

    private record Settings(int wordCacheMb, int facetCacheSize, Optional<Integer> concurrency)
            implements DirectoryConfig.Search {

        @Override
        public Optional<String> indexDir() {
            return Optional.empty();
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration gapTimeout() {
            return Duration.ofSeconds(60);
        }
    }

    @Test
    void cachesOffAndOneSearchAtATimeAreAccepted() throws Exception {
        assertEquals(Set.of(), refused(new Settings(256, 1024, Optional.empty()), DirectoryConfig.Search.class));
        assertEquals(Set.of(), refused(new Settings(0, 0, Optional.of(1)), DirectoryConfig.Search.class));
    }

    @Test
    void negativeCacheSizesAndNoSearchAtAllAreRefused() throws Exception {
        assertEquals(Set.of("concurrency", "facetCacheSize", "wordCacheMb"),
                refused(new Settings(-1, -1, Optional.of(0)), DirectoryConfig.Search.class));
    }
}
