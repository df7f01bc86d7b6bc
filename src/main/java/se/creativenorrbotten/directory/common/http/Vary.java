package se.creativenorrbotten.directory.common.http;

import java.util.List;

/**
 * The {@code Vary} header as several handlers build it (CORS adds {@code Origin}, labelled answers
 * {@code Accept-Language}): one header whose value lists each request header once, so that a strict client or cache
 * that reads only one {@code Vary} line still sees them all.
 */
public final class Vary {

    private Vary() {
    }

    /**
     * The one {@code Vary} value that lists the {@code existing} values' tokens and {@code token}; null when
     * {@code token} (or {@code *}) is listed already, so nothing needs to change.
     */
    public static String with(List<String> existing, String token) {
        for (String value : existing) {
            for (String listed : value.split(",")) {
                String name = listed.strip();
                if (name.equals("*") || name.equalsIgnoreCase(token)) {
                    return null;
                }
            }
        }
        StringBuilder merged = new StringBuilder();
        for (String value : existing) {
            if (!value.isBlank()) {
                merged.append(value.strip()).append(", ");
            }
        }
        return merged.append(token).toString();
    }
}
