package se.creativenorrbotten.directory.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The mapper the fuzz tests build ({@link ServiceJson}) is configured like the one the service reads bodies with. */
@QuarkusTest
class ServiceJsonTest {

    @Inject
    ObjectMapper service;

    /**
     * Quarkus also registers its Vert.x types module (JsonObject, JsonArray), which no request body has: the fuzz
     * tests' mapper leaves it out.
     */
    private static final String VERTX_TYPES = "VertxTypes";

    @Test
    void theFuzzTestsMapperIsTheServicesMapper() {
        Map<String, String> service = settings(this.service);
        Map<String, String> fuzz = settings(ServiceJson.mapper());
        service.put("modules", service.get("modules").replace(VERTX_TYPES + ", ", ""));
        Map<String, String> differences = new TreeMap<>();
        service.forEach((setting, value) -> {
            if (!value.equals(fuzz.get(setting))) {
                differences.put(setting, "service " + value + ", fuzz tests " + fuzz.get(setting));
            }
        });
        assertEquals(Map.of(), differences);
        assertEquals(service.keySet(), fuzz.keySet());
    }

    /** Modules, features, coercions and the input decorator, as text, for a readable difference. */
    @SuppressWarnings("deprecation")
    private static Map<String, String> settings(ObjectMapper mapper) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("modules", new java.util.TreeSet<>(mapper.getRegisteredModuleIds().stream().map(String::valueOf).toList()).toString());
        DeserializationConfig config = mapper.getDeserializationConfig();
        for (DeserializationFeature feature : DeserializationFeature.values()) {
            settings.put(feature.name(), String.valueOf(config.isEnabled(feature)));
        }
        for (SerializationFeature feature : SerializationFeature.values()) {
            settings.put(feature.name(), String.valueOf(mapper.getSerializationConfig().isEnabled(feature)));
        }
        for (MapperFeature feature : MapperFeature.values()) {
            settings.put(feature.name(), String.valueOf(mapper.isEnabled(feature)));
        }
        for (JsonParser.Feature feature : JsonParser.Feature.values()) {
            settings.put(feature.name(), String.valueOf(mapper.getFactory().isEnabled(feature)));
        }
        for (LogicalType type : LogicalType.values()) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                settings.put("coercion " + type + " from " + shape,
                        String.valueOf(config.findCoercionAction(type, Object.class, shape)));
            }
        }
        settings.put("input decorator", String.valueOf(mapper.getFactory().getInputDecorator() == null ? null
                : mapper.getFactory().getInputDecorator().getClass().getName()));
        return settings;
    }
}
