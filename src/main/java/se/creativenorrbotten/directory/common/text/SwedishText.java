package se.creativenorrbotten.directory.common.text;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Swedish alphabetical order: …, y, z, å, ä, ö (which neither H2 nor PostgreSQL's C collation gives),
 * with v and w as separate letters, as Swedish dictionaries have had them since 2006 (the JDK's Swedish
 * rules still treat them as one).
 */
public final class SwedishText {

    public static final Comparator<String> COLLATOR = comparator();

    private SwedishText() {
    }

    /** A new collator (collators are not thread-safe): tertiary strength, so "a" and "A" still differ. */
    public static Collator collator() {
        RuleBasedCollator swedish = (RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        try {
            RuleBasedCollator modern = new RuleBasedCollator(swedish.getRules() + "& V < w, W");
            modern.setStrength(Collator.TERTIARY);
            return modern;
        } catch (ParseException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Comparator<String> comparator() {
        ThreadLocal<Collator> collators = ThreadLocal.withInitial(SwedishText::collator);
        return (a, b) -> collators.get().compare(a, b);
    }
}
