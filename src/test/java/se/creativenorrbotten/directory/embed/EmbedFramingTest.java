package se.creativenorrbotten.directory.embed;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.anonymous;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.http.PublicOrigins;

/** The frame page's frame-ancestors follow the origins granted the API: the configured ones and the partner keys'. */
@QuarkusTest
@TestProfile(EmbedFramingTest.TwoOrigins.class)
class EmbedFramingTest {

    public static class TwoOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.cors.origins", "https://www.pitea.se, http://localhost:*");
        }
    }

    @Inject
    PublicOrigins origins;

    private static String frameAncestors() {
        String policy = anonymous().get("/embed/search?lang=sv&municipality=2581").then().statusCode(200)
                .header("X-Frame-Options", nullValue()).extract().header("Content-Security-Policy");
        return List.of(policy.split(";\\s*")).stream().filter(d -> d.startsWith("frame-ancestors")).findFirst().orElseThrow();
    }

    @Test
    void theConfiguredOriginsMayFrameThePage() {
        assertEquals("frame-ancestors 'self' http://localhost:* https://www.pitea.se", frameAncestors());
    }

    @Test
    void aPartnersOriginMayFrameItAsSoonAsItsKeyGrantsIt() {
        try {
            origins.replacePartnerOrigins(List.of("https://kommun.example.se"));
            assertEquals("frame-ancestors 'self' http://localhost:* https://kommun.example.se https://www.pitea.se",
                    frameAncestors());
        } finally {
            origins.replacePartnerOrigins(List.of());
        }
        assertEquals("frame-ancestors 'self' http://localhost:* https://www.pitea.se", frameAncestors());
    }

    @Test
    void anOriginThatWouldBendThePolicyIsLeftOut() {
        assertEquals("frame-ancestors 'self' https://a.example", EmbedResource.frameAncestors(
                List.of("https://a.example", "https://b.example; script-src *", "https://c.example 'unsafe-inline'")));
        assertEquals("frame-ancestors 'self' *", EmbedResource.frameAncestors(List.of("*")));
        assertTrue(EmbedResource.frameAncestors(List.of("http://[::1]:8080")).endsWith("http://[::1]:8080"));
    }

    @Test
    void otherPagesStayUnframeable() {
        anonymous().get("/embed/demo.html").then().statusCode(200).header("X-Frame-Options", "DENY");
        anonymous().get("/api/v1/municipalities").then().statusCode(200).header("X-Frame-Options", "DENY");
    }
}
