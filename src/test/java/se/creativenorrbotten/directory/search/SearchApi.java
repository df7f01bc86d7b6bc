package se.creativenorrbotten.directory.search;

import static se.creativenorrbotten.directory.TestApi.anonymous;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.creativenorrbotten.directory.member.TestMembers;

/** Searches as a partner site sends them, and members made for searching. */
final class SearchApi {

    private SearchApi() {
    }

    /** GET /api/v1/members with these parameters (a list value repeats the parameter); asserts 200. */
    static JsonPath search(Map<String, ?> parameters) {
        var request = anonymous();
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> request.queryParam(name, v));
            } else {
                request.queryParam(name, value);
            }
        });
        return request.get(TestMembers.MEMBERS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    /** The names found by a free-text search among the members that carry the skill. */
    static List<String> names(String skill, String q) {
        return search(Map.of("skill", skill, "q", q)).getList("items.name", String.class);
    }

    /** A freelancer with the skill and these texts (null leaves the default), based in Piteå. */
    static TestMembers.Created member(String marker, String skill, String name, String headline, String description) {
        Map<String, Object> body = TestMembers.freelancer(marker);
        body.put("name", name);
        body.put("headline", headline);
        body.put("description", description);
        body.put("municipality", "2581");
        body.put("skills", List.of(skill));
        return TestMembers.create(body);
    }
}
