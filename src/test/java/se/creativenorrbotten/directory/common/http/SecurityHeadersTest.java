package se.creativenorrbotten.directory.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.asCurator;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import se.creativenorrbotten.directory.curation.TestCuration;
import se.creativenorrbotten.directory.member.TestMembers;

@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource
    URL api;

    @TestHTTPResource(value = "", management = true)
    URL management;

    private static ValidatableResponse assertHardened(Response response) {
        return response.then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void everyResponseIsNosniffAndUnframeable() {
        assertHardened(anonymous().get("/api/v1/municipalities")).statusCode(200);
        assertHardened(anonymous().get("/api/v1/members/" + java.util.UUID.randomUUID())).statusCode(404);
        assertHardened(anonymous().get("/no/such/path")).statusCode(404);
        assertHardened(anonymous().delete("/api/v1/municipalities")).statusCode(405);
        assertHardened(anonymous().get("/api/v1/accounts")).statusCode(401);
        assertHardened(anonymous().get("/q/swagger-ui/")).statusCode(200);
        assertHardened(anonymous().get("/q/swagger-ui/index.html")).statusCode(200);
        assertHardened(anonymous().get("/q/openapi")).statusCode(200);
        assertHardened(anonymous().get(management + "health/ready")).statusCode(200);
        assertHardened(anonymous().get(management + "metrics")).statusCode(200);
        assertHardened(anonymous().get(management + "nothing-here")).statusCode(404);
    }

    @Test
    void answersToCredentialsAndErrorsAreNotStored() {
        TestMembers.Created member = TestCuration.create(null, TestMembers.freelancer(unique()));
        asCurator().get(TestMembers.MEMBERS + "/" + member.id()).then().statusCode(200).header("Cache-Control", "no-store");
        asCurator().get(TestMembers.MEMBERS + "/" + member.id() + "/history").then().statusCode(200)
                .header("Cache-Control", "no-store");
        asAdmin().get("/api/v1/accounts").then().statusCode(200).header("Cache-Control", "no-store");
        asAdmin().get("/api/v1/municipalities").then().statusCode(200).header("Cache-Control", "no-store");
        anonymous().get("/api/v1/accounts").then().statusCode(401).header("Cache-Control", "no-store");
        anonymous().queryParam("status", "pending").get(TestMembers.MEMBERS).then().statusCode(401)
                .header("Cache-Control", "no-store");
        TestCuration.action(member.id(), "archive", null).then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void publicReadsMayBeCached() {
        // How long and with which tag: PublicCaching (PublicCachingTest); never no-store.
        anonymous().get("/api/v1/municipalities").then().statusCode(200).header("Cache-Control", startsWith("public, max-age="));
    }

    @Test
    void theSwaggerUiPageIsRevalidatedNotKeptForADay() {
        for (String page : new String[] { "/q/swagger-ui/", "/q/swagger-ui/index.html" }) {
            anonymous().get(page).then().statusCode(200)
                    .header("Cache-Control", not(containsString("immutable")))
                    .header("Cache-Control", equalTo("no-cache"));
        }
        anonymous().redirects().follow(false).get("/q/swagger-ui").then()
                .header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void anH2cUpgradeIsNotTaken() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(api, "GET /api/v1/municipalities/2580 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
        assertNotEquals(101, answer.status(), answer.statusLine());
        assertEquals("HTTP/1.1 200 OK", answer.statusLine());
        assertEquals(null, answer.header("Upgrade"));
    }

    @Test
    void theHttp2PrefaceIsNotSpoken() throws Exception {
        try (Socket socket = RawHttp.connect(api)) {
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(HexFormat.of().parseHex("000000040000000000")); // an empty SETTINGS frame
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(9);
            // An HTTP/2 server answers with its own SETTINGS frame: type 4 in the fourth byte.
            assertFalse(start.length == 9 && start[3] == 4 && start[0] == 0, HexFormat.of().formatHex(start));
            assertTrue(new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/"), HexFormat.of().formatHex(start));
        }
    }
}
