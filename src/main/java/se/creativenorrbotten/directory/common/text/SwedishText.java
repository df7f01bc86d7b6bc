package se.creativenorrbotten.directory.common.text;

import java.util.Comparator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Swedish alphabetical order as Swedish dictionaries have it: …, y, z, å, ä, ö (which neither H2 nor
 * PostgreSQL's C collation gives), v and w as separate letters (since 2006), ü sorted as y, æ as ä and ø
 * as ö. CLDR's Swedish rules through ICU give all of this; the JDK's own Swedish rules still merge v and w
 * and put ø after ö (docs/search.md, "Lucene parts and hand-written parts").
 */
public final class SwedishText {

    /** Tertiary strength, so "a" and "A" still differ (lower case first). Frozen: one instance serves every thread. */
    public static final Collator COLLATION = collation();

    public static final Comparator<String> COLLATOR = COLLATION::compare;

    private SwedishText() {
    }

    private static Collator collation() {
        Collator swedish = Collator.getInstance(new ULocale("sv"));
        swedish.setStrength(Collator.TERTIARY);
        return swedish.freeze();
    }
}
