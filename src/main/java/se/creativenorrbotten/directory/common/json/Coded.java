package se.creativenorrbotten.directory.common.json;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum with a stable external code (its JSON value and its database value), so that the Java
 * constant names can change without breaking the contract or stored data.
 */
public interface Coded {

    @JsonValue
    String code();

    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        E constant = find(type, code);
        if (constant == null) {
            throw new IllegalArgumentException("unknown code " + code + " for " + type.getSimpleName());
        }
        return constant;
    }

    static <E extends Enum<E> & Coded> boolean isCode(Class<E> type, String code) {
        return find(type, code) != null;
    }

    /** The constant with this code, or null. */
    private static <E extends Enum<E> & Coded> E find(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        return null;
    }

    /** The codes an enum accepts, comma-separated, for error messages. */
    static String allowed(Class<?> type) {
        StringBuilder codes = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (codes.length() > 0) {
                codes.append(", ");
            }
            codes.append(constant instanceof Coded coded ? coded.code() : constant.toString());
        }
        return codes.toString();
    }
}
