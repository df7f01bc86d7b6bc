package se.creativenorrbotten.directory.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SwedishTextTest {

    /** In the order of a Swedish dictionary; each neighbour pair is a rule that a plain or JDK order breaks. */
    private static final List<String> DICTIONARY = List.of("anna", "Anna", "Édith", "Erik", "Eva", "Vera", "Viktor", "Wilma",
            "Ünal", "Yngve", "Zeta", "Åsa", "Ängla", "Ærla", "Äska", "Øberg", "Ödla", "Östen");

    @Test
    void ordersAsASwedishDictionary() {
        for (long seed = 0; seed < 20; seed++) {
            List<String> names = new ArrayList<>(DICTIONARY);
            Collections.shuffle(names, new Random(seed));
            names.sort(SwedishText.COLLATOR);
            assertEquals(DICTIONARY, names, "shuffled with seed " + seed);
        }
    }

    @Test
    void sortKeysOrderAsTheComparatorDoes() {
        for (int i = 0; i + 1 < DICTIONARY.size(); i++) {
            byte[] before = SwedishText.COLLATION.getCollationKey(DICTIONARY.get(i)).toByteArray();
            byte[] after = SwedishText.COLLATION.getCollationKey(DICTIONARY.get(i + 1)).toByteArray();
            assertTrue(java.util.Arrays.compareUnsigned(before, after) < 0, DICTIONARY.get(i) + " before " + DICTIONARY.get(i + 1));
        }
    }
}
