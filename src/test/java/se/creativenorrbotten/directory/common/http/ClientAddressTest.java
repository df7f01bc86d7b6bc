package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The client as limits count it. */
class ClientAddressTest {

    @Test
    void anIpv4AddressIsItself() {
        assertEquals("203.0.113.7", ClientAddress.network("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.network("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.network("2001:0db8:0001:0002:ffff:eeee:dddd:cccc"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.network("2001:db8:1:2::1%eth0"));
        assertEquals("0:0:0:0::/64", ClientAddress.network("::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertEquals("198.51.100.2", ClientAddress.network("::ffff:198.51.100.2"));
    }

    @Test
    void anythingElseIsItself() {
        assertEquals("unknown", ClientAddress.network("unknown"));
        assertEquals("", ClientAddress.network(""));
        assertEquals("not:an:address", ClientAddress.network("not:an:address"));
    }
}
