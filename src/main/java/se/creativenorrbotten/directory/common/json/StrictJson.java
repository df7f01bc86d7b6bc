package se.creativenorrbotten.directory.common.json;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes JSON input strict, so that a caller's mistake is reported instead of silently changed:
 * unknown properties, duplicate keys, a string where a number or boolean belongs, a number where a
 * code belongs (Jackson would take it as the enum's ordinal), a fraction where an integer belongs, a
 * scalar where a list belongs and a time or day number where a date belongs are all refused. The body
 * must be UTF-8 to the letter ({@link StrictUtf8Input}), and every string in it acceptable text
 * ({@link TextDeserializer}: no control characters, no unpaired surrogates).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Quarkus's mapper is a plain ObjectMapper (MapperFeature.ALLOW_COERCION_OF_SCALARS cannot be set on it):
        // refuse a number where a boolean belongs explicitly ("contactPublic": 1 must not count as consent).
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // A date is YYYY-MM-DD: Jackson would otherwise take a timestamp's UTC day ("2027-01-31T23:30:00Z" is
        // already February in Sweden) or a number of days since 1970.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Jackson's own UTF-8 decoder takes overlong forms (C0 BC is read as '<'): check the bytes first.
        mapper.getFactory().setInputDecorator(new StrictUtf8Input());
        mapper.registerModule(new SimpleModule("plain-text").addDeserializer(String.class, TextDeserializer.SINGLE_LINE));
    }
}
