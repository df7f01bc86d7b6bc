package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestFeed.CHANGES;
import static se.creativenorrbotten.directory.member.TestFeed.await;
import static se.creativenorrbotten.directory.member.TestFeed.hasAll;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers.Created;

/** GET /api/v1/members/changes: paging, the cursor, upserts and deletes, and the refusals. */
@QuarkusTest
class MemberFeedTest {

    private static Map<String, Object> publicView(String id) {
        Response response = anonymous().get(MEMBERS + "/" + id);
        response.then().statusCode(200);
        return response.jsonPath().getMap("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> item) {
        return (Map<String, Object>) item.get("member");
    }

    @Test
    void fromTheBeginningEveryPublicMemberComesOnceAsItsPublicView() {
        String marker = unique();
        List<String> ids = List.of(TestCuration.create(null, TestMembers.freelancer(marker + "a")).id(),
                TestCuration.create(null, TestMembers.agency(marker + "b")).id(),
                TestCuration.create(null, TestMembers.student(marker + "c")).id());
        Map<String, Map<String, Object>> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!ids.stream().allMatch(seen::containsKey) && System.nanoTime() < deadline) {
            seen.clear();
            String cursor = null;
            while (true) {
                TestFeed.Page page = TestFeed.page(cursor, 2);
                assertTrue(page.items().size() <= 2, "at most size items");
                Set<Object> onThisPage = new HashSet<>();
                for (Map<String, Object> item : page.items()) {
                    assertTrue(onThisPage.add(item.get("id")), "a member once per page: " + page.items());
                    seen.put((String) item.get("id"), item);
                }
                assertNotEquals(cursor, page.nextCursor());
                cursor = page.nextCursor();
                if (!page.hasMore()) {
                    break;
                }
            }
        }
        for (String id : ids) {
            Map<String, Object> item = seen.get(id);
            assertEquals("upsert", item.get("change"), id);
            assertEquals(publicView(id), member(item), "the same public view as GET /members/{id}");
            assertEquals(member(item).get("updatedAt"), item.get("changedAt"));
        }
    }

    @Test
    void theCursorReadsTheSamePageAgainAndLeadsOnFromIt() {
        String cursor = TestFeed.tail();
        String marker = unique();
        Created first = TestCuration.create(null, TestMembers.freelancer(marker + "a"));
        Created second = TestCuration.create(null, TestMembers.freelancer(marker + "b"));
        await(cursor, hasAll(first.id(), second.id()));
        TestFeed.Page one = TestFeed.page(cursor, 1);
        assertEquals(one, TestFeed.page(cursor, 1), "the same cursor gives the same page");
        assertTrue(one.hasMore());
        assertEquals(first.id(), one.items().get(0).get("id"));
        TestFeed.Page two = TestFeed.page(one.nextCursor(), 1);
        assertEquals(second.id(), two.items().get(0).get("id"), "the next page starts after the last item");
        TestFeed.Page rest = TestFeed.page(two.nextCursor(), 1000);
        assertFalse(rest.hasMore());
        TestFeed.Page upToDate = TestFeed.page(rest.nextCursor(), null);
        assertEquals(List.of(), upToDate.items(), "nothing new");
        assertFalse(upToDate.hasMore());
        assertEquals(rest.nextCursor(), upToDate.nextCursor());
    }

    @Test
    void aMemberChangedFiveTimesComesOnceAtItsLatestState() {
        String cursor = TestFeed.tail();
        Created created = TestCuration.create(null, TestMembers.freelancer(unique()));
        String etag = created.etag();
        for (int i = 1; i <= 5; i++) {
            Response patched = TestMembers.patch(created.id(), etag, Map.of("headline", "Rubrik nummer " + i));
            patched.then().statusCode(200);
            etag = patched.header("ETag");
        }
        await(cursor, seen -> seen.containsKey(created.id())
                && "Rubrik nummer 5".equals(member(seen.get(created.id())).get("headline")));
        TestFeed.Page page = TestFeed.page(cursor, 1000);
        List<Map<String, Object>> mine = page.items().stream().filter(item -> created.id().equals(item.get("id"))).toList();
        assertEquals(1, mine.size(), "once: " + page.items());
        assertEquals("Rubrik nummer 5", member(mine.get(0)).get("headline"));
        assertEquals(publicView(created.id()), member(mine.get(0)));
    }

    @Test
    void archivedRejectedAndErasedMembersAreDeletesAndAPublishedOneAnUpsert() {
        String marker = unique();
        Created archived = TestCuration.create(null, TestMembers.freelancer(marker + "a"));
        Created rejected = TestCuration.create("pending", TestMembers.freelancer(marker + "r"));
        Created erased = TestCuration.create(null, TestMembers.freelancer(marker + "e"));
        Created published = TestCuration.create("pending", TestMembers.freelancer(marker + "p"));
        String cursor = TestFeed.tail();

        TestCuration.action(archived.id(), "archive", null).then().statusCode(200);
        TestCuration.action(rejected.id(), "reject", Map.of("reason", "Inte ett kreativt företag")).then().statusCode(200);
        asCurator().delete(MEMBERS + "/" + erased.id()).then().statusCode(204);
        TestCuration.action(published.id(), "publish", null).then().statusCode(200);

        Map<String, Map<String, Object>> seen = await(cursor, hasAll(archived.id(), rejected.id(), erased.id(), published.id()));
        for (Created gone : List.of(archived, rejected, erased)) {
            Map<String, Object> item = seen.get(gone.id());
            assertEquals("delete", item.get("change"), gone.slug());
            assertFalse(item.containsKey("member"), "a delete carries no member: " + item);
            assertTrue(((String) item.get("changedAt")).startsWith("20"), item.toString());
        }
        assertEquals("upsert", seen.get(published.id()).get("change"));
        assertEquals(publicView(published.id()), member(seen.get(published.id())));

        String later = TestFeed.tail();
        TestCuration.action(archived.id(), "publish", null).then().statusCode(200);
        Map<String, Map<String, Object>> again = await(later, hasAll(archived.id()));
        assertEquals("upsert", again.get(archived.id()).get("change"), "published again");
    }

    @Test
    void aWithdrawnConsentIsAnUpsertWithoutContactFields() {
        Map<String, Object> input = TestMembers.freelancer(unique());
        input.put("contactPublic", true);
        Created created = TestCuration.create(null, input);
        String cursor = TestFeed.tail();
        Map<String, Object> before = publicView(created.id());
        assertTrue(before.containsKey("email") && before.containsKey("phone"), "shown with consent");

        TestMembers.patch(created.id(), created.etag(), Map.of("contactPublic", false)).then().statusCode(200);

        Map<String, Map<String, Object>> seen = await(cursor, hasAll(created.id()));
        Map<String, Object> item = seen.get(created.id());
        assertEquals("upsert", item.get("change"));
        assertFalse(member(item).containsKey("email"), item.toString());
        assertFalse(member(item).containsKey("phone"), item.toString());
        assertEquals(publicView(created.id()), member(item));
    }

    @Test
    void aBadCursorIsA400NamingSince() {
        String valid = TestFeed.page(null, 1).nextCursor();
        String plain = new String(Base64.getUrlDecoder().decode(valid), StandardCharsets.US_ASCII);
        String database = plain.substring(plain.lastIndexOf('.') + 1);
        for (String bad : List.of("garbage!", "", "bm90IGEgY3Vyc29y", b64("c9.1." + database), b64("c1.-5." + database),
                b64("c1.5.another-database"), b64("c1.9000000000000000000." + database), "A".repeat(300), valid + "%00")) {
            Response response = anonymous().urlEncodingEnabled(!bad.endsWith("%00")).queryParam("since", bad).get(CHANGES);
            assertEquals(400, response.statusCode(), () -> "since=" + bad + " gave " + response.asString());
            assertInvalid(response, "since").body("detail", startsWith("since: "));
        }
    }

    @Test
    void aSizeOutOfRangeIsA400NamingSize() {
        for (String bad : List.of("0", "1001", "-1", "abc", "1e3", "99999999999")) {
            assertInvalid(anonymous().queryParam("size", bad).get(CHANGES), "size");
        }
        anonymous().queryParam("size", "1000").get(CHANGES).then().statusCode(200).body("items.size()", not(equalTo(-1)));
    }

    @Test
    void theSlugsOfTheFeedAndOfSuggestAreNeverAMembersSlug() {
        for (String name : List.of("Changes", "Suggest", "CHANGES")) {
            Map<String, Object> input = TestMembers.freelancer(unique());
            input.put("name", name);
            Created created = TestCuration.create(null, input);
            assertFalse(Set.of("changes", "suggest").contains(created.slug()), created.slug());
            assertTrue(created.slug().startsWith(name.toLowerCase() + "-"), created.slug());
        }
        anonymous().get(CHANGES).then().statusCode(200).body("nextCursor", not(equalTo(null)));
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeleteHasNoMemberAndAnUpsertNoNulls() {
        Created created = TestCuration.create(null, TestMembers.freelancer(unique()));
        String cursor = TestFeed.tail();
        asCurator().delete(MEMBERS + "/" + created.id()).then().statusCode(204);
        Map<String, Object> item = await(cursor, hasAll(created.id())).get(created.id());
        assertEquals(Set.of("id", "change", "changedAt"), item.keySet());
        assertNull(item.get("member"));
    }
}
