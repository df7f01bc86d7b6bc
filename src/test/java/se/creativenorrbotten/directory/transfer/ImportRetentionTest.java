package se.creativenorrbotten.directory.transfer;

import static se.creativenorrbotten.directory.TestApi.asAdmin;
import static se.creativenorrbotten.directory.TestApi.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.time.MovingTime;

/** An ended import job, with its problems and failed rows (personal data), is kept for 30 days, then goes. */
@QuarkusTest
class ImportRetentionTest extends MovingTime {

    @Inject
    ImportService imports;

    @Test
    void anEndedJobGoesAfterThirtyDaysWithItsFailedRows() throws Exception {
        String marker = unique();
        byte[] file = ("name;type;municipality;skills\r\nFel " + marker + ";freelancer;9999;ux-design\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String job = asAdmin().contentType("text/csv").body(file).post("/api/v1/imports").then().statusCode(202)
                .extract().header("Location");
        imports.awaitQueued(Duration.ofSeconds(60));
        asAdmin().get(job).then().statusCode(200);

        clock.advance(Duration.ofDays(29));
        imports.purge();
        asAdmin().get(job).then().statusCode(200);
        asAdmin().get(job + "/errors.csv").then().statusCode(200);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        imports.purge();
        asAdmin().get(job).then().statusCode(404);
        asAdmin().get(job + "/errors.csv").then().statusCode(404);
    }
}
