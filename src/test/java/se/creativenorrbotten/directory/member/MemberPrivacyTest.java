package se.creativenorrbotten.directory.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertUnauthorized;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.MEMBERS;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.fullRecord;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.creativenorrbotten.directory.member.TestMembers.Created;
import se.creativenorrbotten.directory.taxonomy.TestSkills;

/** E-mail and phone are personal data: public only with the member's consent (contactPublic). */
@QuarkusTest
class MemberPrivacyTest {

    private static final String PHONE = "+46 70-174 06 42";

    @Test
    void publicViewHidesEmailAndPhoneWithoutConsent() {
        Created created = create(TestMembers.freelancer(unique()));
        String email = created.body().getString("email");

        Response response = anonymous().get(created.path());

        response.then().statusCode(200)
                .header("ETag", "\"" + created.version() + "-public\"")
                .header("Vary", "Authorization, Origin") // one header: the view depends on credentials, CORS on the origin
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("phone")))
                .body("$", not(hasKey("contactPublic")))
                .body("name", equalTo(created.body().getString("name")));
        assertFalse(response.asString().contains(email), response.asString());
        assertFalse(response.asString().contains(PHONE), response.asString());
    }

    @Test
    void publicViewShowsEmailAndPhoneWithConsent() {
        Map<String, Object> member = TestMembers.freelancer(unique());
        member.put("contactPublic", true);
        Created created = create(member);

        anonymous().get(MEMBERS + "/" + created.slug()).then().statusCode(200)
                .body("email", equalTo(member.get("email")))
                .body("phone", equalTo(PHONE));
    }

    @Test
    void curatorViewAlwaysShowsContactDetails() {
        Created created = create(TestMembers.freelancer(unique()));

        fullRecord(created.id()).then().statusCode(200)
                .header("ETag", created.etag())
                .body("email", equalTo(created.body().getString("email")))
                .body("phone", equalTo(PHONE))
                .body("contactPublic", equalTo(false));
    }

    @Test
    void organisationNumberIsPublicForAgencies() {
        Created created = create(TestMembers.agency(unique()));

        anonymous().get(created.path()).then().statusCode(200)
                .body("organisationNumber", equalTo("556036-0793"))
                .body("$", not(hasKey("email")));
    }

    @Test
    void listsNeverShowContactDetailsEvenWithConsent() {
        String marker = unique();
        String skill = TestSkills.create(marker);
        Map<String, Object> member = TestMembers.freelancer(marker);
        member.put("contactPublic", true);
        member.put("skills", List.of(skill));
        Created created = create(member);

        Response list = anonymous().queryParam("skill", skill).get(MEMBERS);

        list.then().statusCode(200).body("items.id", contains(created.id()));
        assertFalse(list.asString().contains((String) member.get("email")), list.asString());
        assertFalse(list.asString().contains(PHONE), list.asString());
    }

    @Test
    void wrongCredentialsOnThePublicReadAre401() {
        Created created = create(TestMembers.freelancer(unique()));

        Response response = anonymous().auth().preemptive().basic("admin", "wrong-password").get(created.path());

        assertUnauthorized(response);
        assertFalse(response.asString().contains(created.body().getString("email")));
    }
}
