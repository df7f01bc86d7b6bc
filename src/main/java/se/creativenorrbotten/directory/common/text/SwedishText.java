package se.creativenorrbotten.directory.common.text;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** Swedish alphabetical order: …, y, z, å, ä, ö (which neither H2 nor PostgreSQL's C collation gives). */
public final class SwedishText {

    public static final Comparator<String> COLLATOR = comparator();

    private SwedishText() {
    }

    private static Comparator<String> comparator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        collator.setStrength(Collator.SECONDARY);
        Collator frozen = (Collator) collator.clone();
        return (a, b) -> {
            synchronized (frozen) {
                return frozen.compare(a, b);
            }
        };
    }
}
