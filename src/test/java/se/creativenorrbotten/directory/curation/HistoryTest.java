package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.curation.TestCuration.action;
import static se.creativenorrbotten.directory.curation.TestCuration.feature;
import static se.creativenorrbotten.directory.curation.TestCuration.history;
import static se.creativenorrbotten.directory.curation.TestCuration.today;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/** A member's history: who changed which field when (old and new value), every status action and feature, newest first. */
@QuarkusTest
class HistoryTest {

    @Test
    void everyChangeIsRecordedNewestFirstWithItsActor() {
        String marker = unique();
        Map<String, Object> body = TestMembers.freelancer(marker);
        Created member = TestCuration.create("pending", body);

        action(member.id(), "publish", null).then().statusCode(200);            // curator
        Map<String, Object> replaced = new java.util.LinkedHashMap<>(body);
        replaced.put("name", "Nytt namn " + marker);
        replaced.put("languages", List.of("sv", "fi"));
        TestMembers.put(member.id(), TestApi.etag(1), replaced).then().statusCode(200); // admin: two fields
        asCurator().contentType(TestApi.MERGE_PATCH_JSON).body("{\"foundedYear\": 2019}").header("If-Match", TestApi.etag(2))
                .patch(member.path()).then().statusCode(200);                    // curator: one field
        String until = today().plusDays(3).toString();
        feature(member.id(), until).then().statusCode(200);                     // curator
        TestApi.asAdmin().delete(member.path() + "/feature").then().statusCode(200); // admin
        action(member.id(), "archive", Map.of("reason", "Flyttat " + marker)).then().statusCode(200); // curator

        List<Map<String, Object>> items = history(member.id());
        assertEquals(List.of("archived", "unfeatured", "featured", "updated", "updated", "updated", "published", "created"),
                items.stream().map(item -> item.get("action")).toList());
        assertEquals(List.of("test-curator", "admin", "test-curator", "test-curator", "admin", "admin", "test-curator",
                "test-curator"), items.stream().map(item -> item.get("actor")).toList());
        assertEntry(items.get(0), "status", "published", "archived");
        assertEquals("Flyttat " + marker, items.get(0).get("reason"));
        assertEntry(items.get(1), "featuredUntil", until, null);
        assertEntry(items.get(2), "featuredUntil", null, until);
        assertEntry(items.get(3), "foundedYear", 2015, 2019);
        List<Map<String, Object>> put = List.of(items.get(4), items.get(5));
        assertEquals(List.of("languages", "name"), put.stream().map(item -> (String) item.get("field")).sorted().toList());
        for (Map<String, Object> entry : put) {
            if (entry.get("field").equals("name")) {
                assertEntry(entry, "name", "Testmedlem " + marker, "Nytt namn " + marker);
            } else {
                assertEntry(entry, "languages", List.of("sv", "en"), List.of("sv", "fi"));
            }
        }
        assertEntry(items.get(6), "status", "pending", "published");
        assertEntry(items.get(7), "status", null, "pending");
        List<Long> ids = items.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
        List<Long> descending = new ArrayList<>(ids);
        descending.sort(java.util.Comparator.reverseOrder());
        assertEquals(descending, ids);
        Instant newest = Instant.parse((String) items.get(0).get("at"));
        Instant oldest = Instant.parse((String) items.get(7).get("at"));
        assertFalse(newest.isBefore(oldest));
    }

    @Test
    void aWriteThatChangesNothingAddsNoEntry() {
        Map<String, Object> body = TestMembers.freelancer(unique());
        Created member = TestMembers.create(body);

        TestMembers.put(member.id(), member.etag(), body).then().statusCode(200);

        assertEquals(List.of("created"), history(member.id()).stream().map(item -> item.get("action")).toList());
        assertEquals("admin", history(member.id()).get(0).get("actor"));
    }

    @Test
    void rejectingRecordsTheReason() {
        Created member = TestCuration.create("pending", TestMembers.freelancer(unique()));

        action(member.id(), "reject", Map.of("reason", "Verksam i Västerbotten")).then().statusCode(200);

        Map<String, Object> newest = history(member.id()).get(0);
        assertEquals("rejected", newest.get("action"));
        assertEquals("Verksam i Västerbotten", newest.get("reason"));
        assertEntry(newest, "status", "pending", "rejected");
    }

    @Test
    void theHistoryIsPagedNewestFirst() {
        Created member = TestMembers.create(TestMembers.freelancer(unique()));
        for (int year = 2001; year <= 2004; year++) {
            TestMembers.patch(member.id(), TestApi.etag(year - 2001), Map.of("foundedYear", year)).then().statusCode(200);
        }

        asCurator().queryParam("page", 1).queryParam("size", 2).get(member.path() + "/history").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(5))
                .body("items.newValue", contains(2004, 2003));
        asCurator().queryParam("page", 3).queryParam("size", 2).get(member.path() + "/history").then().statusCode(200)
                .body("items.action", contains("created")).body("total", equalTo(5));
        asCurator().queryParam("page", 4).queryParam("size", 2).get(member.path() + "/history").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @ParameterizedTest(name = "page={0} size={1} -> 400 naming {2}")
    @CsvSource({"0, 10, page", "1, 0, size", "1, 101, size", "x, 10, page"})
    void badPagingIs400(String page, String size, String field) {
        Created member = TestMembers.create(TestMembers.freelancer(unique()));

        assertInvalid(asCurator().queryParam("page", page).queryParam("size", size).get(member.path() + "/history"), field);
    }

    @Test
    void thePublicCannotReadTheHistory() {
        Created member = TestMembers.create(TestMembers.freelancer(unique()));

        assertUnauthorized(anonymous().get(member.path() + "/history")).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("items")));
    }

    @Test
    void theHistoryOfAnUnknownMemberIs404() {
        assertProblem(asCurator().get(MEMBERS + "/" + UUID.randomUUID() + "/history"), 404)
                .body("type", equalTo(PROBLEM_TYPES + "not-found"));
    }

    /** Asserts an entry's field and values (null: absent from the JSON). */
    private static void assertEntry(Map<String, Object> entry, String field, Object oldValue, Object newValue) {
        assertEquals(field, entry.get("field"), entry::toString);
        if (oldValue == null) {
            assertNull(entry.get("oldValue"), entry::toString);
            assertFalse(entry.containsKey("oldValue"), entry::toString);
        } else {
            assertEquals(oldValue, entry.get("oldValue"), entry::toString);
        }
        if (newValue == null) {
            assertFalse(entry.containsKey("newValue"), entry::toString);
        } else {
            assertEquals(newValue, entry.get("newValue"), entry::toString);
        }
    }
}
