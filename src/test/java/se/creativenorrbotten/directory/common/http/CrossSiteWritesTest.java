package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteWritesTest {

    private static final String OWN = "https://directory.example.se";
    private final CrossSiteWrites none = new CrossSiteWrites(List.of());
    private final CrossSiteWrites admin = new CrossSiteWrites(List.of(" https://Admin.example.se/ ", ""));

    @ParameterizedTest(name = "{0} Sec-Fetch-Site={1} Origin={2}: refused={3}")
    @CsvSource(nullValues = "-", value = {
            // Fetch Metadata decides when it is there
            "POST, cross-site, https://evil.example, true",
            "POST, same-site, https://other.directory.example.se, true",
            "POST, cross-site, -, true",
            "POST, same-origin, https://directory.example.se, false",
            "POST, none, -, false",
            "POST, CROSS-SITE, https://evil.example, true",
            "POST, some-future-value, https://evil.example, true",
            // odd case and spaces are read as the token; two values (or none) are no known token: refused
            "POST, ' Same-Origin ', https://evil.example, false",
            "POST, 'same-origin, cross-site', https://evil.example, true",
            "POST, 'same-origin,same-origin', -, true",
            "POST, '', -, true",
            "PUT, cross-site, https://evil.example, true",
            "PATCH, cross-site, https://evil.example, true",
            "DELETE, cross-site, https://evil.example, true",
            "XQ123, cross-site, https://evil.example, true",
            // reads are never refused
            "GET, cross-site, https://evil.example, false",
            "HEAD, cross-site, https://evil.example, false",
            "OPTIONS, cross-site, https://evil.example, false",
            // without Fetch Metadata: Origin
            "POST, -, https://evil.example, true",
            "POST, -, null, true",
            "POST, -, ' null ', true",
            "POST, -, '', true",
            "POST, -, https://directory.example.se, false",
            "POST, -, HTTPS://DIRECTORY.EXAMPLE.SE, false",
            "POST, -, http://directory.example.se, true",
            "POST, -, https://directory.example.se:8443, true",
            // neither: not a browser page
            "POST, -, -, false",
            "DELETE, -, -, false" })
    void judgesByFetchMetadataThenOrigin(String method, String site, String origin, boolean refused) {
        assertEquals(refused, none.refuses(method, site, origin, OWN));
    }

    @ParameterizedTest(name = "{0} from {1}: refused={2}")
    @CsvSource(nullValues = "-", value = {
            "cross-site, https://admin.example.se, false",
            "same-site, https://admin.example.se, false",
            "-, https://admin.example.se, false",
            "cross-site, https://admin.example.se:444, true",
            "cross-site, http://admin.example.se, true",
            "cross-site, https://evil.example, true",
            "cross-site, -, true",
            "cross-site, null, true" })
    void anOriginTrustedForWritesMayWrite(String site, String origin, boolean refused) {
        assertEquals(refused, admin.refuses("POST", site, origin, OWN));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = { "null", "-" })
    void anOpaqueOriginIsNeverTheServicesOwn(String own) {
        assertTrue(none.refuses("POST", null, "null", own));
    }
}
