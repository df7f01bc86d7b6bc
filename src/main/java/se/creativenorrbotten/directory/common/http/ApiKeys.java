package se.creativenorrbotten.directory.common.http;

/**
 * The partner keys as the HTTP edge sees them: a key a request presents in {@code X-Api-Key}, looked up in memory
 * (never a database query per request). Implemented by the partner feature.
 */
public interface ApiKeys {

    /** The header a partner sends its key in. */
    String HEADER = "X-Api-Key";

    /**
     * The enabled key with this value, noting that it was used; null when no enabled key has it.
     *
     * @param presented the header's value, already checked to be short and of the key's characters
     */
    Key find(String presented);

    /** An enabled key: its id (the key of its bucket) and its limit. */
    record Key(String id, int requestsPerMinute) {
    }
}
