package se.creativenorrbotten.directory.curation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.curation.TestCuration.action;
import static se.creativenorrbotten.directory.curation.TestCuration.feature;
import static se.creativenorrbotten.directory.curation.TestCuration.inStatus;
import static se.creativenorrbotten.directory.curation.TestCuration.today;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.TestApi;
import se.creativenorrbotten.directory.common.time.MovingTime;
import se.creativenorrbotten.directory.member.TestMembers;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** Curators feature a published member through a day (Swedish time); the feature shows, ranks, and ends by itself. */
@QuarkusTest
class FeaturedTest extends MovingTime {

    /** Enough to pass the start of tomorrow in Sweden from any moment today (a day is at most 25 hours). */
    private static final Duration PAST_TOMORROWS_START = Duration.ofHours(26);

    @Test
    void aFeaturedMemberIsFeaturedInItsViewAndInTheFeaturedList() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created star = inStatus("published", member(marker, skill, "Stjärna"));
        Created other = inStatus("published", member(marker, skill, "Vanlig"));
        String until = today().plusDays(30).toString();

        feature(star.id(), until).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(star.id())).body("featuredUntil", equalTo(until))
                .header("ETag", TestApi.etag(star.version() + 1));

        anonymous().get(star.path()).then().statusCode(200).body("featured", equalTo(true));
        anonymous().get(other.path()).then().statusCode(200).body("featured", equalTo(false));
        list(skill, "true").body("items.id", contains(star.id())).body("items.featured", contains(true)).body("total", equalTo(1));
        list(skill, "false").body("items.id", contains(other.id())).body("items[0]", not(hasKey("featured")));
        list(skill, null).body("items.id", contains(star.id(), other.id()));
    }

    @Test
    void unfeaturingEndsTheFeatureAtOnce() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created star = inStatus("published", member(marker, skill, "Stjärna"));
        feature(star.id(), today().plusDays(5)).then().statusCode(200);

        asCurator().delete(star.path() + "/feature").then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("published")).body("$", not(hasKey("featuredUntil")))
                .header("ETag", TestApi.etag(star.version() + 2));

        anonymous().get(star.path()).then().statusCode(200).body("featured", equalTo(false));
        list(skill, "true").body("items", empty()).body("total", equalTo(0));
        list(skill, "false").body("items.id", contains(star.id()));
    }

    @Test
    void theFeatureMayRunFromTodayToAYearAhead() {
        Created member = inStatus("published", TestMembers.freelancer(unique()));

        feature(member.id(), today()).then().statusCode(200).body("featuredUntil", equalTo(today().toString()));
        anonymous().get(member.path()).then().body("featured", equalTo(true));
        feature(member.id(), today().plusDays(366)).then().statusCode(200)
                .body("featuredUntil", equalTo(today().plusDays(366).toString()));
    }

    @ParameterizedTest(name = "until {0} -> 400 naming until")
    @ValueSource(strings = {"yesterday", "a year and two days ahead", "missing", "null", "not a date", "2027-02-30",
        "a UTC timestamp", "a local timestamp", "a day number"})
    void anyOtherLastDayIs400(String until) {
        Created member = inStatus("published", TestMembers.freelancer(unique()));
        String body = switch (until) {
            case "yesterday" -> "{\"until\": \"" + today().minusDays(1) + "\"}";
            case "a year and two days ahead" -> "{\"until\": \"" + today().plusDays(367) + "\"}";
            case "missing" -> "{}";
            case "null" -> "{\"until\": null}";
            case "not a date" -> "{\"until\": \"nästa fredag\"}";
            // 23:30 UTC is already the next day in Sweden: a time is refused rather than cut off in some zone.
            case "a UTC timestamp" -> "{\"until\": \"" + today().plusDays(3) + "T23:30:00Z\"}";
            case "a local timestamp" -> "{\"until\": \"" + today().plusDays(3) + "T12:00:00\"}";
            case "a day number" -> "{\"until\": " + (today().toEpochDay() + 3) + "}";
            default -> "{\"until\": \"" + until + "\"}";
        };

        assertInvalid(asCurator().contentType(ContentType.JSON).body(body).put(member.path() + "/feature"), "until");

        TestMembers.fullRecord(member.id()).then().body("$", not(hasKey("featuredUntil")))
                .body("version", equalTo((int) member.version()));
    }

    @ParameterizedTest(name = "{0} -> 409")
    @ValueSource(strings = {"pending", "rejected", "archived"})
    void onlyAPublishedMemberCanBeFeatured(String status) {
        Created member = inStatus(status, TestMembers.freelancer(unique()));
        long version = TestMembers.fullRecord(member.id()).jsonPath().getLong("version");

        assertProblem(feature(member.id(), today().plusDays(1)), 409)
                .body("type", equalTo(PROBLEM_TYPES + "invalid-transition"));

        TestMembers.fullRecord(member.id()).then().body("$", not(hasKey("featuredUntil")))
                .body("version", equalTo((int) version));
    }

    @Test
    void archivingEndsTheFeatureAndRepublishingDoesNotBringItBack() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created star = inStatus("published", member(marker, skill, "Stjärna"));
        feature(star.id(), today().plusDays(10)).then().statusCode(200);

        action(star.id(), "archive", null).then().statusCode(200).body("$", not(hasKey("featuredUntil")));
        action(star.id(), "publish", null).then().statusCode(200).body("$", not(hasKey("featuredUntil")));

        anonymous().get(star.path()).then().statusCode(200).body("featured", equalTo(false));
        list(skill, "true").body("total", equalTo(0));
    }

    @ParameterizedTest(name = "featured={0} -> 400")
    @ValueSource(strings = {"maybe", "yes", "1", "TRUE"})
    void featuredIsTrueOrFalse(String value) {
        assertInvalid(anonymous().queryParam("featured", value).get(MEMBERS), "featured");
    }

    @Test
    void aFeaturedMemberRanksFirstAmongMatchesOfTheSameKind() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created first = inStatus("published", member(marker, skill, "Alfa"));
        Created second = inStatus("published", member(marker, skill, "Beta"));
        assertEquals(List.of(first.id(), second.id()), relevance(skill, marker), "equal matches rank by name");

        feature(second.id(), today().plusDays(7)).then().statusCode(200);

        assertEquals(List.of(second.id(), first.id()), relevance(skill, marker));
        assertEquals(List.of(first.id(), second.id()), anonymous().queryParam("skill", skill).queryParam("sort", "name")
                .get(MEMBERS).then().statusCode(200).extract().jsonPath().getList("items.id"), "only relevance is boosted");
    }

    @Test
    void anExpiredFeatureIsNotShownAlthoughNothingWasWritten() {
        Created member = inStatus("published", TestMembers.freelancer(unique()));
        feature(member.id(), today()).then().statusCode(200);
        anonymous().get(member.path()).then().statusCode(200).body("featured", equalTo(true));
        long version = TestMembers.fullRecord(member.id()).jsonPath().getLong("version");

        clock.advance(PAST_TOMORROWS_START); // the feature through today has ended, and nothing was written

        anonymous().get(member.path()).then().statusCode(200).body("featured", equalTo(false))
                .body("version", equalTo((int) version));
    }

    @Test
    void anExpiredFeatureEndsInSearchToo() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Created member = inStatus("published", member(marker, skill, "Utgången"));
        feature(member.id(), today()).then().statusCode(200);
        TestCuration.await(() -> list(skill, "true").extract().jsonPath().getInt("total") == 1, "the index reads the feature");
        list(skill, "true").body("items.id", contains(member.id()));

        clock.advance(PAST_TOMORROWS_START); // nothing is written: the index already knows when the feature ends

        list(skill, "true").body("total", equalTo(0));
        list(skill, "false").body("items.id", contains(member.id())).body("items[0]", not(hasKey("featured")));
        anonymous().get(member.path()).then().body("featured", equalTo(false));
    }

    private static Map<String, Object> member(String marker, String skill, String word) {
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("name", word + " " + marker);
        member.put("skills", List.of(skill));
        return member;
    }

    private static io.restassured.response.ValidatableResponse list(String skill, String featured) {
        var request = anonymous().queryParam("skill", skill);
        if (featured != null) {
            request.queryParam("featured", featured);
        }
        return request.get(MEMBERS).then().statusCode(200).contentType(ContentType.JSON);
    }

    /** The skill's members found by the marker (in every name the same way), by relevance. */
    private static List<String> relevance(String skill, String marker) {
        JsonPath page = anonymous().queryParam("skill", skill).queryParam("q", marker).get(MEMBERS)
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items.id");
    }
}
