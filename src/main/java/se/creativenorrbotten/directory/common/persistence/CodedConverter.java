package se.creativenorrbotten.directory.common.persistence;

import jakarta.persistence.AttributeConverter;
import se.creativenorrbotten.directory.common.json.Coded;

/** Stores a {@link Coded} enum by its code, the same string the API uses. */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.fromCode(type, code);
    }
}
