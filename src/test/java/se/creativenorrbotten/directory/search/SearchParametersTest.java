package se.creativenorrbotten.directory.search;

import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertInvalid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import se.creativenorrbotten.directory.member.TestMembers;

/** Every bad search parameter is a 400 problem naming the parameter (and the value where it is unknown). */
@QuarkusTest
class SearchParametersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sort=bogus|sort",
        "type=company|type",
        "language=xx|language",
        "language=swedish|language",
        "size=101|size",
        "size=0|size",
        "page=0|page",
        "page=abc|page",
        "page=101&size=100|page",
        "skill=no-such-skill|skill",
        "municipality=9999|municipality",
        "serves=0000|serves",
        "near=1234&sort=distance|near",
        "sort=distance|near",
        "available=yes|available",
        "skillMatch=some|skillMatch",
        "facetSize=0|facetSize",
        "facetSize=101|facetSize"})
    void aBadParameterIsNamed(String query, String parameter) {
        var request = anonymous();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            request.queryParam(nameValue[0], nameValue[1]);
        }
        assertInvalid(request.get(TestMembers.MEMBERS), parameter);
    }

    @org.junit.jupiter.api.Test
    void aQueryOverTwoHundredCharactersIsRefused() {
        assertInvalid(anonymous().queryParam("q", "a".repeat(201)).get(TestMembers.MEMBERS), "q");
        anonymous().queryParam("q", "a".repeat(200)).get(TestMembers.MEMBERS).then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    void anUnknownValueIsNamedInTheDetail() {
        assertInvalid(anonymous().queryParam("skill", "ux-desing").get(TestMembers.MEMBERS), "skill")
                .body("errors.detail", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("ux-desing")));
    }
}
