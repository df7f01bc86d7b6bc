package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * A published member who has not consented to show their contact details: their e-mail, phone and the
 * curators' notes appear in no public response, and no public search finds them by those.
 */
@QuarkusTest
class NoLeakTest {

    /** The member's private data, unique to this run: e-mail, its local part, phone, its digits (also as 073…), notes. */
    record Secrets(String email, String localPart, String phone, String phoneDigits, String nationalDigits, String notes) {
        static Secrets create() {
            String local = "hemlig" + unique();
            String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            String phone = "+46 73-" + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
            return new Secrets(local + "@example.se", local, phone, "4673" + digits, "073" + digits,
                    "Intern anteckning: betalar sent, " + unique());
        }

        List<String> all() {
            return List.of(email, localPart, phone, phoneDigits, nationalDigits, notes, notes.substring(notes.lastIndexOf(' ') + 1));
        }
    }

    @Test
    void noPublicEndpointShowsContactDetailsWithoutConsentOrNotesEver() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Secrets secrets = Secrets.create();
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("skills", List.of(skill));
        body.put("email", secrets.email());
        body.put("phone", secrets.phone());
        body.put("notes", secrets.notes());
        body.put("contactPublic", false);
        Created member = TestCuration.create("published", body);
        TestCuration.feature(member.id(), TestCuration.today().plusDays(2)).then().statusCode(200);

        for (Response response : publicResponses(member, skill, marker)) {
            assertNoSecret(response, secrets);
        }
        for (String q : List.of(secrets.email(), secrets.localPart(), secrets.phone(), secrets.phoneDigits())) {
            Response search = anonymous().queryParam("q", q).queryParam("size", 100).get(MEMBERS);
            search.then().statusCode(200);
            assertFalse(search.jsonPath().getList("items.id").contains(member.id()), () -> "q=" + q + " found the member");
            assertNoSecret(search, secrets);
        }
        for (String q : List.of(secrets.email(), secrets.localPart(), secrets.phoneDigits())) {
            anonymous().queryParam("q", q).get(MEMBERS).then().body("total", equalTo(0));
        }

        // The walk is not blind: with consent, the same public view shows e-mail and phone, but never the notes.
        TestMembers.patch(member.id(), TestMembers.fullRecord(member.id()).header("ETag"), Map.of("contactPublic", true))
                .then().statusCode(200);
        Response consented = anonymous().get(member.path());
        consented.then().statusCode(200).body("email", equalTo(secrets.email())).body("phone", equalTo(secrets.phone()));
        assertFalse(consented.asString().contains(secrets.notes()), consented.asString());
        for (Response response : publicResponses(member, skill, marker)) {
            assertFalse(response.asString().contains(secrets.notes()), response.asString());
        }
    }

    /**
     * Every public read: the member by id and slug, lists with each filter and sort (each of which
     * lists the member, so that its card is in the body), suggestions, skills and municipalities.
     */
    private static List<Response> publicResponses(Created member, String skill, String marker) {
        List<Response> responses = new ArrayList<>();
        responses.add(ok(anonymous().get(member.path())));
        responses.add(ok(anonymous().get(MEMBERS + "/" + member.slug())));
        responses.add(ok(anonymous().get(MEMBERS)));
        List<Map<String, Object>> listings = new ArrayList<>();
        listings.add(Map.of("q", marker));
        listings.add(Map.of("skill", skill));
        listings.add(Map.of("skill", skill, "skillMatch", "all"));
        listings.add(Map.of("q", marker, "type", "freelancer"));
        listings.add(Map.of("q", marker, "municipality", "2580"));
        listings.add(Map.of("q", marker, "language", "sv"));
        listings.add(Map.of("q", marker, "serves", "2581"));
        listings.add(Map.of("q", marker, "available", "true"));
        listings.add(Map.of("q", marker, "featured", "true"));
        listings.add(Map.of("featured", "true", "size", 100));
        for (String sort : List.of("relevance", "name", "-name", "newest", "updated")) {
            listings.add(Map.of("q", marker, "sort", sort));
        }
        listings.add(Map.of("q", marker, "sort", "distance", "near", "2584"));
        listings.add(Map.of("skill", skill, "facetSize", 100, "page", 1, "size", 1));
        for (Map<String, Object> query : listings) {
            Response list = anonymous().queryParams(new LinkedHashMap<>(query)).get(MEMBERS);
            list.then().statusCode(200).contentType(ContentType.JSON).body("items.id", hasItem(member.id()));
            responses.add(list);
        }
        Response suggest = anonymous().queryParam("q", marker).get(MEMBERS + "/suggest");
        suggest.then().statusCode(200).body("items.value", hasItem(member.slug()));
        responses.add(suggest);
        responses.add(ok(anonymous().get(TestSkills.SKILLS)));
        responses.add(ok(anonymous().get(TestSkills.SKILLS + "/" + skill)));
        responses.add(ok(anonymous().get("/api/v1/municipalities")));
        responses.add(ok(anonymous().get("/api/v1/municipalities/2580")));
        assertEquals(25, responses.size());
        return responses;
    }

    private static Response ok(Response response) {
        response.then().statusCode(200).contentType(ContentType.JSON);
        return response;
    }

    private static void assertNoSecret(Response response, Secrets secrets) {
        String text = response.asString();
        for (String secret : secrets.all()) {
            assertFalse(text.contains(secret), () -> "'" + secret + "' leaked: " + text);
        }
    }
}
