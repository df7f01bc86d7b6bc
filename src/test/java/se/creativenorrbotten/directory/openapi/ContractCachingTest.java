package se.creativenorrbotten.directory.openapi;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.anonymous;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The live contract is a public read like the API's: ETag, public max-age, 304 on If-None-Match, HEAD. */
@QuarkusTest
class ContractCachingTest {

    @Test
    void theContractIsTaggedInEachFormAndRevalidatedWithoutABody() {
        String tag = anonymous().get("/q/openapi").then().statusCode(200)
                .header("ETag", startsWith("W/\"o-"))
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", containsString("Accept"))
                .body(containsString("openapi:"))
                .extract().header("ETag");
        for (String path : new String[] {"/q/openapi?format=json", "/q/openapi.json", "/q/openapi.yaml"}) {
            assertEquals(tag, anonymous().get(path).then().statusCode(200).extract().header("ETag"), path);
            anonymous().header("If-None-Match", tag).get(path).then().statusCode(304)
                    .header("ETag", tag).header("Cache-Control", "public, max-age=60").body(emptyString());
        }
        anonymous().header("If-None-Match", "W/\"o-other\", " + tag).get("/q/openapi").then().statusCode(304);
        anonymous().header("If-None-Match", "W/\"o-other\"").get("/q/openapi").then().statusCode(200);
        anonymous().header("If-None-Match", "not a tag").get("/q/openapi").then().statusCode(200);
        anonymous().head("/q/openapi").then().statusCode(200).header("ETag", tag).body(emptyString());
    }

    @Test
    void withCredentialsTheContractIsNeitherTaggedNorKept() {
        String tag = anonymous().get("/q/openapi").then().extract().header("ETag");
        asAdmin().header("If-None-Match", tag).get("/q/openapi").then().statusCode(200)
                .header("ETag", nullValue())
                .header("Cache-Control", equalTo("no-store"));
    }
}
