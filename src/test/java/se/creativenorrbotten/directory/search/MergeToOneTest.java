package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.search.SearchFixture.Query;

/**
 * A rebuilt index is merged into one segment (IndexFollower, after a rebuild): the merged segment answers every search
 * as the segments did, kept in Swedish name order, and a write afterwards adds a segment of its own.
 */
class MergeToOneTest {

    @Test
    void theMergedSegmentAnswersAsTheSegmentsDid() throws IOException {
        try (SearchFixture index = new SearchFixture()) {
            index.add(index.member("Östen foto"), index.member("Åsa ljud")).flush();
            index.add(index.member("Anna foto"), index.member("Zelda")).flush();
            index.add(index.member("Örjan foto").headline("Fotograf i Luleå")).flush();
            assertEquals(3, index.segments());
            List<String> byName = index.names(Query.all());
            List<String> foto = index.names(Query.text("foto"));

            index.index.mergeToOne();
            index.flush();

            assertEquals(1, index.segments());
            assertEquals(List.of("Anna foto", "Zelda", "Åsa ljud", "Örjan foto", "Östen foto"), byName);
            assertEquals(byName, index.names(Query.all()), "still in Swedish name order");
            assertEquals(foto, index.names(Query.text("foto")));

            index.add(index.member("Björn foto")).flush();
            assertEquals(2, index.segments());
            assertEquals(List.of("Anna foto", "Björn foto", "Zelda", "Åsa ljud", "Örjan foto", "Östen foto"),
                    index.names(Query.all()));
        }
    }
}
