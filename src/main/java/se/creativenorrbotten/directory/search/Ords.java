package se.creativenorrbotten.directory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Small dense numbers for the values of a facet (skill slugs, language codes, …), stable for the index's life. */
final class Ords {

    /**
     * The most values a facet can number: the segments keep ords as {@code short}s (half the memory of ints, and the
     * counting loops stay in cache), so one more would wrap to a negative ord and miscount. The values are the
     * taxonomy's skills, ISO language codes, 14 municipalities and 3 types, far below this; reaching it fails loudly
     * rather than counting wrong.
     */
    static final int MAX_VALUES = Short.MAX_VALUE + 1;

    private final ConcurrentHashMap<String, Integer> ords = new ConcurrentHashMap<>();
    private final List<String> values = new ArrayList<>();

    int ord(String value) {
        Integer ord = ords.get(value);
        if (ord != null) {
            return ord;
        }
        synchronized (this) {
            return ords.computeIfAbsent(value, v -> {
                if (values.size() == MAX_VALUES) {
                    throw new IllegalStateException("a facet has more than " + MAX_VALUES + " distinct values");
                }
                values.add(v);
                return values.size() - 1;
            });
        }
    }

    /** The ord of a value, or -1 when the index has never seen it. */
    int find(String value) {
        Integer ord = ords.get(value);
        return ord == null ? -1 : ord;
    }

    synchronized String value(int ord) {
        return values.get(ord);
    }

    synchronized int size() {
        return values.size();
    }
}
