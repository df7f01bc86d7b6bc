package se.creativenorrbotten.directory.common.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, as the key of per-client limits. Behind a reverse proxy, enable
 * quarkus.http.proxy.proxy-address-forwarding (and trust only the proxy) so that this is the real
 * client and not the proxy.
 */
public final class ClientAddress {

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
}
