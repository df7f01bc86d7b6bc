package se.creativenorrbotten.directory.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.TestDatabase;
import se.creativenorrbotten.directory.common.time.MovingTime;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/**
 * Search's and suggest's ETags: known before searching, stable for the same query, different for another query,
 * page or label language, and changed by every write or the end of a feature that changes the result.
 */
@QuarkusTest
class SearchCachingTest extends MovingTime {

    @Inject
    TestDatabase database;

    private static Response search(Map<String, ?> parameters, String acceptLanguage) {
        RequestSpecification request = anonymous();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> request.queryParam(name, v));
            } else {
                request.queryParam(name, value);
            }
        });
        return request.get(TestMembers.MEMBERS);
    }

    private static Map<String, Object> body(String marker, String skill, String name) {
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("name", name);
        body.put("skills", List.of(skill));
        return body;
    }

    private static String tag(Map<String, ?> parameters) {
        Response response = search(parameters, null);
        response.then().statusCode(200).header("ETag", startsWith("W/\"s-"));
        return response.header("ETag");
    }

    private static String suggestTag(String q) {
        return anonymous().queryParam("q", q).get(TestMembers.MEMBERS + "/suggest").then().statusCode(200)
                .header("ETag", startsWith("W/\"c-")).extract().header("ETag");
    }

    @Test
    void theSameQueryKeepsItsTagAndAnyOtherQueryPageOrLanguageHasAnother() {
        Map<String, Object> base = Map.of("q", "foto", "skill", List.of("photography", "film-production"));
        String tag = tag(base);
        assertEquals(tag, tag(Map.of("q", "foto", "skill", List.of("film-production", "photography"))), "filter values in any order");
        assertEquals(tag, tag(Map.of("q", "  foto ", "skill", List.of("photography", "film-production"))), "the normalised text");
        assertEquals(tag, search(base, "sv").header("ETag"), "Swedish is the default");
        List<String> others = List.of(tag(Map.of("q", "film", "skill", List.of("photography", "film-production"))),
                tag(Map.of("q", "foto", "skill", List.of("photography"))),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "skillMatch", "all")),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "page", 2)),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "size", 5)),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "sort", "newest")),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "facetSize", 3)),
                tag(Map.of("q", "foto", "skill", List.of("photography", "film-production"), "featured", "false")),
                search(base, "en-GB, en;q=0.9").then().statusCode(200).extract().header("ETag"));
        Set<String> all = new HashSet<>(others);
        all.add(tag);
        assertEquals(others.size() + 1, all.size(), others.toString());
        search(base, "en").then().header("Vary", containsString("Accept-Language"));
        anonymous().header("If-None-Match", tag).header("Accept-Language", "en").queryParam("q", "foto")
                .queryParam("skill", "photography").queryParam("skill", "film-production").get(TestMembers.MEMBERS).then().statusCode(200);
        assertEquals(suggestTag("foto"), suggestTag("Foto "), "suggest: the query's words");
        assertNotEquals(suggestTag("foto"), suggestTag("film"));
    }

    @Test
    void everyWriteThatChangesTheResultChangesTheTag() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Map<String, Object> query = Map.of("skill", skill);
        Set<String> seen = new HashSet<>();
        String empty = tag(query);
        seen.add(empty);

        TestMembers.Created member = TestCuration.create("pending", body(marker, skill, "Cache " + marker));
        String before = tag(query);
        TestCuration.action(member.id(), "publish", null).then().statusCode(200);
        String published = assertChanged(query, before, seen, "publish");
        search(query, null).then().body("items.id", equalTo(List.of(member.id())));

        long version = TestMembers.fullRecord(member.id()).jsonPath().getLong("version");
        TestMembers.patch(member.id(), "\"" + version + "\"", Map.of("headline", "Ny rubrik " + marker)).then().statusCode(200);
        assertChanged(query, published, seen, "patch");

        TestCuration.action(member.id(), "archive", null).then().statusCode(200);
        String archived = assertChanged(query, tag(query), seen, null);
        search(query, null).then().body("total", equalTo(0));

        TestCuration.action(member.id(), "publish", null).then().statusCode(200);
        String republished = assertChanged(query, archived, seen, "publish again");

        asCurator().delete(member.path()).then().statusCode(204);
        assertChanged(query, republished, seen, "erase");
        search(query, null).then().body("total", equalTo(0));

        TestMembers.Created created = TestMembers.create(body(unique(), skill, "Ny " + marker));
        assertChanged(query, tag(query), seen, null);
        search(query, null).then().body("items.id", equalTo(List.of(created.id())));
    }

    /** The tag now differs from {@code before} and from all seen; the old tag in If-None-Match gets the new answer. */
    private static String assertChanged(Map<String, ?> query, String before, Set<String> seen, String write) {
        String now = tag(query);
        if (write != null) {
            assertNotEquals(before, now, write);
            RequestSpecification request = anonymous().header("If-None-Match", before);
            query.forEach(request::queryParam);
            request.get(TestMembers.MEMBERS).then().statusCode(200).header("ETag", equalTo(now));
        }
        seen.add(now);
        RequestSpecification again = anonymous().header("If-None-Match", now);
        query.forEach(again::queryParam);
        again.get(TestMembers.MEMBERS).then().statusCode(304).body(emptyString());
        return now;
    }

    @Test
    void theEndOfAFeatureChangesTheTagWithoutAWrite() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        TestMembers.Created member = TestMembers.create(body(marker, skill, "Snart " + marker));
        Map<String, Object> featured = Map.of("skill", skill, "featured", "true");
        Duration left = Duration.ofHours(1);
        OffsetDateTime ends = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(left);
        // As if the feature had been set to end within the hour (the API ends features at midnight).
        database.changeMember(member.id(), "featured_until", ends);
        TestCuration.await(() -> search(featured, null).jsonPath().getInt("total") == 1, "the index reads the feature");
        String during = tag(featured);
        String listing = tag(Map.of("skill", skill));
        assertEquals(during, tag(featured), "nothing changed yet");

        clock.advance(left.plusSeconds(1));

        String after = tag(featured);
        assertNotEquals(during, after, "the feature ended");
        assertNotEquals(listing, tag(Map.of("skill", skill)), "the featured flag of the listing's item ended");
        anonymous().header("If-None-Match", during).queryParam("skill", skill).queryParam("featured", "true")
                .get(TestMembers.MEMBERS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void curatorSearchesAreNotTaggedAndNotStored() {
        asCurator().header("If-None-Match", "*").queryParam("status", "pending").get(TestMembers.MEMBERS).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).header("ETag", nullValue());
        anonymous().header("If-None-Match", "*").queryParam("status", "pending").get(TestMembers.MEMBERS).then()
                .statusCode(401).header("Cache-Control", equalTo("no-store"));
    }
}
