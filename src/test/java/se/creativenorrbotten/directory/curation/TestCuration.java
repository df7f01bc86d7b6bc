package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.equalTo;
import static se.creativenorrbotten.directory.TestApi.asCurator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/** The curators' calls the curation tests repeat: members in a given status, status actions, featuring, history. */
public final class TestCuration {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private TestCuration() {
    }

    /** Today as the directory counts days (Swedish time). */
    public static LocalDate today() {
        return LocalDate.now(SWEDEN);
    }

    /** POSTs the member as the curator with {@code ?status=} (null: none) and checks the 201. */
    public static Created create(String status, Map<String, Object> member) {
        var request = asCurator(member);
        if (status != null) {
            request.queryParam("status", status);
        }
        Response response = request.post(TestMembers.MEMBERS);
        response.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath body = response.jsonPath();
        return new Created(body.getString("id"), body.getString("slug"), response.header("ETag"), body.getLong("version"), body);
    }

    /** A member brought into the status by the allowed moves: pending, published, rejected or archived. */
    public static Created inStatus(String status, Map<String, Object> member) {
        Created created = create(status.equals("published") ? "published" : "pending", member);
        switch (status) {
            case "rejected" -> action(created.id(), "reject", Map.of("reason", "Inte ett kreativt företag")).then().statusCode(200);
            case "archived" -> {
                action(created.id(), "publish", null).then().statusCode(200);
                action(created.id(), "archive", null).then().statusCode(200);
            }
            case "pending", "published" -> {
            }
            default -> throw new IllegalArgumentException(status);
        }
        TestMembers.fullRecord(created.id()).then().statusCode(200).body("status", equalTo(status));
        return created;
    }

    /**
     * POST /members/{id}/{action} (publish, reject, archive) as the curator, with a JSON body or (null) an
     * empty one. (REST Assured sends a form content type with a bodiless POST; StatusTransitionTest shows a
     * POST without body and content type separately.)
     */
    public static Response action(String id, String action, Object body) {
        var request = asCurator().contentType(ContentType.JSON);
        if (body != null) {
            request.body(TestApi.json(body));
        }
        return request.post(TestMembers.MEMBERS + "/" + id + "/" + action);
    }

    /** PUT /members/{id}/feature as the curator. */
    public static Response feature(String id, Object until) {
        return asCurator(Map.of("until", until.toString())).put(TestMembers.MEMBERS + "/" + id + "/feature");
    }

    /** The member's whole history as the curator, newest first. */
    public static List<Map<String, Object>> history(String id) {
        return asCurator().queryParam("size", 100).get(TestMembers.MEMBERS + "/" + id + "/history")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getList("items");
    }

    /** Waits up to 10 s for the condition (the search index follows direct database writes at its next poll). */
    public static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
