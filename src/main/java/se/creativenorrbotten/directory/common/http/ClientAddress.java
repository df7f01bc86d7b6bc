package se.creativenorrbotten.directory.common.http;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, as the key of per-client limits. Behind a reverse proxy, enable
 * quarkus.http.proxy.proxy-address-forwarding (and trust only the proxy) so that this is the real
 * client and not the proxy.
 */
public final class ClientAddress {

    /** The bytes of an IPv6 address that name its /64 network. */
    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        String host = address.hostAddress();
        return host == null ? address.toString() : host;
    }

    /**
     * The client as a limit should count it: an IPv4 address as it is, an IPv6 address as its /64 network
     * (one subscriber is usually given a whole /64, so counting single IPv6 addresses would give one
     * client 2^64 budgets), an IPv4-mapped IPv6 address as the IPv4 address. Anything else as it is.
     */
    public static String network(String address) {
        if (address.length() > 2 && address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1); // as a forwarded header may write an IPv6 address
        }
        int zone = address.indexOf('%');
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(zone < 0 ? address : address.substring(0, zone));
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        StringBuilder network = new StringBuilder(20);
        for (int i = 0; i < IPV6_NETWORK_BYTES; i += 2) {
            network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
