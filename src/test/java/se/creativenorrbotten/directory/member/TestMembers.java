package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.endsWith;
import static se.creativenorrbotten.directory.TestApi.asAdmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.TestApi;

/** Valid member bodies with a unique marker in the name and description, and the member calls the tests repeat. */
public final class TestMembers {

    public static final String MEMBERS = "/api/v1/members";

    private TestMembers() {
    }

    /** A member written back by the API: its id, slug, ETag and full record. */
    public record Created(String id, String slug, String etag, long version, JsonPath body) {
        public String path() {
            return MEMBERS + "/" + id;
        }
    }

    /** A valid freelancer with every optional field filled; the marker is in name, description, e-mail and URLs. */
    public static Map<String, Object> freelancer(String marker) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "Testmedlem " + marker);
        member.put("type", "freelancer");
        member.put("headline", "UX och webb i Luleå " + marker);
        member.put("description", "A member made by a test, " + marker + ".");
        member.put("municipality", "2580");
        member.put("serviceArea", new ArrayList<>(List.of("2580", "2581")));
        member.put("skills", new ArrayList<>(List.of("ux-design", "web-development")));
        member.put("languages", new ArrayList<>(List.of("sv", "en")));
        member.put("website", "https://" + marker + ".example.se");
        member.put("logoUrl", "https://" + marker + ".example.se/logo.png");
        member.put("portfolioLinks", new ArrayList<>(List.of("https://" + marker + ".example.se/work/1")));
        member.put("socialLinks", new ArrayList<>(List.of(link("instagram", "https://www.instagram.com/" + marker))));
        member.put("email", "kontakt-" + marker + "@example.se");
        member.put("phone", "+46 70-174 06 42");
        member.put("contactPublic", false);
        member.put("foundedYear", 2015);
        member.put("availableForWork", true);
        return member;
    }

    /** A valid agency with a valid organisation number. */
    public static Map<String, Object> agency(String marker) {
        Map<String, Object> member = freelancer(marker);
        member.put("type", "agency");
        member.put("organisationNumber", "556036-0793");
        return member;
    }

    /** A valid student: school and graduation year, no founding year. */
    public static Map<String, Object> student(String marker) {
        Map<String, Object> member = freelancer(marker);
        member.put("type", "student");
        member.remove("foundedYear");
        member.put("school", "Luleå tekniska universitet");
        member.put("graduationYear", 2027);
        return member;
    }

    public static Map<String, Object> link(String network, String url) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("network", network);
        link.put("url", url);
        return link;
    }

    /** POSTs the member as the admin and checks the 201 with its Location and ETag. */
    public static Created create(Map<String, Object> member) {
        Response response = asAdmin(member).post(MEMBERS);
        response.then().statusCode(201);
        JsonPath body = response.jsonPath();
        long version = body.getLong("version");
        response.then()
                .header("Location", endsWith(MEMBERS + "/" + body.getString("id")))
                .header("ETag", TestApi.etag(version));
        return new Created(body.getString("id"), body.getString("slug"), response.header("ETag"), version, body);
    }

    /** The full record as a curator reads it. */
    public static Response fullRecord(String idOrSlug) {
        return asAdmin().get(MEMBERS + "/" + idOrSlug);
    }

    public static Response put(String id, String ifMatch, Object body) {
        var request = asAdmin(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(MEMBERS + "/" + id);
    }

    public static Response patch(String id, String ifMatch, Object patch) {
        var request = asAdmin().contentType(TestApi.MERGE_PATCH_JSON + "; charset=UTF-8").body(TestApi.json(patch));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch(MEMBERS + "/" + id);
    }

    /** The full records' JSON as a map, for comparing a stored member with an earlier read. */
    public static Map<String, Object> stored(String id) {
        Response response = fullRecord(id);
        response.then().statusCode(200).contentType(ContentType.JSON);
        return response.jsonPath().getMap("$");
    }
}
