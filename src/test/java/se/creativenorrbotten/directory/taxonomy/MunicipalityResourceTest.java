package se.creativenorrbotten.directory.taxonomy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.creativenorrbotten.directory.member.TestMembers;

@QuarkusTest
class MunicipalityResourceTest {

    private static final String MUNICIPALITIES = "/api/v1/municipalities";

    @Test
    void listsTheFourteenMunicipalitiesInSwedishAlphabeticalOrder() {
        anonymous().get(MUNICIPALITIES).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", hasSize(14))
                .body("items.name", contains("Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix",
                        "Kiruna", "Luleå", "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå"))
                .body("items.code", contains("2506", "2505", "2582", "2523", "2583", "2510", "2514", "2584", "2580", "2521",
                        "2581", "2560", "2513", "2518"))
                .body("items.find { it.code == '2580' }.latitude", equalTo(65.5831f))
                .body("items.find { it.code == '2580' }.longitude", equalTo(22.146f));
    }

    @Test
    void oneMunicipalityIsShownByCode() {
        anonymous().get(MUNICIPALITIES + "/2584").then()
                .statusCode(200)
                .body("code", equalTo("2584"))
                .body("name", equalTo("Kiruna"))
                .body("latitude", equalTo(67.8551f))
                .body("longitude", equalTo(20.2255f));
    }

    @Test
    void unknownCodesAre404() {
        assertProblem(anonymous().get(MUNICIPALITIES + "/0180"), 404);
        assertProblem(anonymous().get(MUNICIPALITIES + "/lulea"), 404);
    }

    @Test
    void memberCountCountsTheMembersBasedThere() {
        long before = count();
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("municipality", "2518");
        member.put("serviceArea", List.of("2584"));
        TestMembers.Created created = TestMembers.create(member);

        assertEquals(before + 1, count());
        anonymous().get(MUNICIPALITIES).then().body("items.find { it.code == '2518' }.memberCount", equalTo((int) before + 1));

        asAdmin().delete(created.path()).then().statusCode(204);
        assertEquals(before, count());
    }

    private static long count() {
        return anonymous().get(MUNICIPALITIES + "/2518").then().statusCode(200).body("name", equalTo("Övertorneå"))
                .extract().jsonPath().getLong("memberCount");
    }
}
