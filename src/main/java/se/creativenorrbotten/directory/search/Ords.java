package se.creativenorrbotten.directory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Small dense numbers for the values of a facet (skill slugs, language codes, …), stable for the index's life. */
final class Ords {

    private final ConcurrentHashMap<String, Integer> ords = new ConcurrentHashMap<>();
    private final List<String> values = new ArrayList<>();

    int ord(String value) {
        Integer ord = ords.get(value);
        if (ord != null) {
            return ord;
        }
        synchronized (this) {
            return ords.computeIfAbsent(value, v -> {
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
