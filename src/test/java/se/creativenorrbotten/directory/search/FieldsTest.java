package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.member.dto.MemberSummary;

/**
 * The card (the list item kept with each indexed member) read back is the document it was written from: every
 * component, by reflection over both records, so a field added on one side only fails here (a list-item component
 * with no namesake in the document fails the build already: see ListItems).
 */
class FieldsTest {

    /** Document components deliberately not on the card, and why. */
    private static final Map<String, String> NOT_ON_CARD = Map.of(
            "description", "long: kept apart (Fields.DESCRIPTION_TEXT, doc values) and read only when a highlight needs it",
            "serviceArea", "only filtered on; a list item does not show it",
            "createdAt", "only sorted on (Fields.CREATED)",
            "changeSeq", "the index's own bookkeeping");

    /** List-item components whose source in the document has another name: list item -> document. */
    private static final Map<String, String> FROM_OTHER_NAME = Map.of(
            "featured", "featuredUntil");

    /** List-item components that do not come from the card, and why. */
    private static final Map<String, String> NOT_FROM_CARD = Map.of(
            "highlight", "added by the search, from the query");

    private static final long WRITTEN = Instant.parse("2026-06-01T10:00:00Z").toEpochMilli();

    @Test
    void everyListItemComponentHasItsSourceAndEveryDocumentComponentIsShownOrExcused() {
        Set<String> document = names(MemberDocument.class);
        Set<String> fromDocument = new TreeSet<>();
        for (String component : names(MemberSummary.class)) {
            if (NOT_FROM_CARD.containsKey(component)) {
                continue;
            }
            String source = FROM_OTHER_NAME.getOrDefault(component, component);
            assertTrue(document.contains(source), "the list item's " + component + " has no source in MemberDocument:"
                    + " write it on the card, or list it in NOT_FROM_CARD with the reason");
            fromDocument.add(source);
        }
        for (String component : document) {
            assertTrue(fromDocument.contains(component) != NOT_ON_CARD.containsKey(component), "MemberDocument's "
                    + component + " must be either on the card and in the list item, or in NOT_ON_CARD with why");
        }
        assertTrue(document.containsAll(NOT_ON_CARD.keySet()), "NOT_ON_CARD names a component MemberDocument lacks");
        assertTrue(names(MemberSummary.class).containsAll(NOT_FROM_CARD.keySet()),
                "NOT_FROM_CARD names a component MemberSummary lacks");
        assertTrue(names(MemberSummary.class).containsAll(FROM_OTHER_NAME.keySet()),
                "FROM_OTHER_NAME names a component MemberSummary lacks");
    }

    @Test
    void cardReadsBackEveryComponentOfTheDocument() {
        Map<String, Object> values = distinctive(MemberDocument.class);
        MemberDocument document = build(MemberDocument.class, values);
        Instant featuredUntil = document.featuredUntil();

        MemberSummary item = read(document, true, featuredUntil.toEpochMilli() - 1);

        for (RecordComponent component : MemberSummary.class.getRecordComponents()) {
            String name = component.getName();
            Object read = value(item, component);
            if (NOT_FROM_CARD.containsKey(name)) {
                assertNull(read, name + " is not on the card");
            } else if (name.equals("featured")) {
                assertEquals(Boolean.TRUE, read, "featured while its feature has not ended");
            } else {
                assertEquals(values.get(name), read, name + " read back from the card");
            }
        }
    }

    @Test
    void featuredUntilItsEndAndStatusOnlyForCurators() {
        MemberDocument document = build(MemberDocument.class, distinctive(MemberDocument.class));
        long end = document.featuredUntil().toEpochMilli();

        assertEquals(Boolean.TRUE, read(document, false, end - 1).featured());
        assertNull(read(document, false, end).featured(), "the end is exclusive");
        assertNull(read(document, false, end - 1).status(), "the public sees no status");
        assertEquals(document.status(), read(document, true, end).status());
    }

    @Test
    void absentOptionalTextAndEmptyListsReadBackAsSuch() {
        Map<String, Object> values = distinctive(MemberDocument.class);
        values.put("headline", null);
        values.put("website", null);
        values.put("logoUrl", null);
        values.put("description", null);
        values.put("featuredUntil", null);
        values.put("skills", List.of());
        values.put("languages", List.of());
        values.put("serviceArea", List.of());
        values.put("availableForWork", false);

        MemberSummary item = read(build(MemberDocument.class, values), true, WRITTEN);

        assertNull(item.headline());
        assertNull(item.website());
        assertNull(item.logoUrl());
        assertNull(item.featured(), "never featured");
        assertEquals(List.of(), item.skills());
        assertEquals(List.of(), item.languages());
        assertEquals(false, item.availableForWork());
        assertEquals(values.get("name"), item.name());
    }

    @Test
    void longTextWithSwedishLettersAndEmojiReadsBackUnchanged() {
        String headline = "Åsa Öberg gör ärliga 🎨 foton 📷 i Luleå; ".repeat(300).substring(0, 10_000);
        assertEquals(10_000, headline.length());
        Map<String, Object> values = distinctive(MemberDocument.class);
        values.put("headline", headline);
        values.put("name", "Ängel & Ödla 👩🏽‍🎨 AB");
        values.put("skills", List.of("foto-och-bild", "ljud-🎧"));

        MemberSummary item = read(build(MemberDocument.class, values), true, WRITTEN);

        assertEquals(headline, item.headline());
        assertEquals("Ängel & Ödla 👩🏽‍🎨 AB", item.name());
        assertEquals(List.of("foto-och-bild", "ljud-🎧"), item.skills());
    }

    @Test
    void builderSetsEveryComponentByItsName() {
        Map<String, Object> values = distinctive(MemberDocument.class);
        MemberDocument built = build(MemberDocument.class, values);
        for (RecordComponent component : MemberDocument.class.getRecordComponents()) {
            String name = component.getName();
            assertEquals(values.get(name), value(built, component), "the builder sets " + name);
        }
    }

    @Test
    void withHighlightKeepsEverythingElse() {
        Map<String, Object> values = distinctive(MemberSummary.class);
        MemberSummary item = construct(MemberSummary.class, values);

        MemberSummary highlighted = ListItems.MAP.withHighlight(item, "<mark>Foto</mark>grafi");

        assertEquals("<mark>Foto</mark>grafi", highlighted.highlight());
        values.put("highlight", "<mark>Foto</mark>grafi");
        assertEquals(construct(MemberSummary.class, values), highlighted);
    }

    private static MemberSummary read(MemberDocument document, boolean withStatus, long now) {
        return Fields.summary(new BytesRef(Fields.card(document)), withStatus, now);
    }

    private static Set<String> names(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(component -> names.add(component.getName()));
        return names;
    }

    /**
     * A value for every component that no other component has and no default equals: text and lists unique to the
     * component, flags true, instants apart by whole seconds (the card keeps milliseconds), enums not the first.
     */
    private static Map<String, Object> distinctive(Class<? extends Record> type) {
        Map<String, Object> values = new LinkedHashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values.put(component.getName(), distinctive(component.getName(), component.getGenericType(), i));
        }
        List<Object> notFlags = values.values().stream().filter(value -> !(value instanceof Boolean)).toList();
        assertEquals(notFlags.size(), Set.copyOf(notFlags).size(), "the values must differ");
        return values;
    }

    private static Object distinctive(String name, Type type, int index) {
        if (type == String.class) {
            return name + "-värde-" + index;
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        } else if (type == long.class || type == Long.class) {
            return 1_000L + index;
        } else if (type == Instant.class) {
            return Instant.ofEpochMilli(WRITTEN + 1_000L * (index + 1));
        } else if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
            Object[] constants = enumType.getEnumConstants();
            assertTrue(constants.length > 1, enumType + " needs a constant besides its first");
            return constants[constants.length - 1];
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            List<Object> values = new ArrayList<>();
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> enumType && enumType.isEnum()) {
                Object[] constants = enumType.getEnumConstants();
                assertTrue(constants.length > 2, enumType + " needs two constants besides its first");
                values.add(constants[constants.length - 1]);
                values.add(constants[constants.length - 2]);
            } else {
                values.add(distinctive(name + "-1", element, index));
                values.add(distinctive(name + "-2", element, index));
            }
            return List.copyOf(values);
        }
        return fail("no distinctive value for " + name + " of type " + type + ": teach distinctive() one");
    }

    /** Builds the record through its builder, each value set by its component's name. */
    private static <T extends Record> T build(Class<T> type, Map<String, Object> values) {
        try {
            Object builder = type.getMethod("builder").invoke(null);
            for (RecordComponent component : type.getRecordComponents()) {
                Method setter;
                try {
                    setter = builder.getClass().getMethod(component.getName(), component.getType());
                } catch (NoSuchMethodException e) {
                    return fail(type.getSimpleName() + ".Builder has no " + component.getName() + "("
                            + component.getType().getSimpleName() + ")");
                }
                setter.invoke(builder, values.get(component.getName()));
            }
            return type.cast(builder.getClass().getMethod("build").invoke(builder));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Makes the record with its canonical constructor, each argument looked up by its component's name. */
    private static <T extends Record> T construct(Class<T> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
            Object[] arguments = Arrays.stream(components).map(component -> values.get(component.getName())).toArray();
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
    }
}
