package se.creativenorrbotten.directory.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 on a plain socket, for what an HTTP client library will not send: made-up methods, half requests. */
public final class RawHttp {

    public record Answer(String statusLine, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Socket connect(URL base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends the bytes on a new connection and reads one answer (the connection is closed afterwards). */
    public static Answer exchange(URL base, byte[] request) throws IOException {
        try (Socket socket = connect(base)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    public static Answer exchange(URL base, String request) throws IOException {
        return exchange(base, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends the start of a request on a new connection, waits {@code holdMillis} (the service starts on it), and closes
     * the connection without reading: a client that gave up.
     */
    public static void abandon(URL base, String requestStart, long holdMillis) throws IOException, InterruptedException {
        try (Socket socket = connect(base)) {
            socket.getOutputStream().write(requestStart.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Thread.sleep(holdMillis);
        }
    }

    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        String[] parts = statusLine.split(" ");
        int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        return new Answer(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closes the connection within the socket's timeout (true), or keeps it open (false). */
    static boolean closedByServer(Socket socket) throws IOException {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // an answer (such as 408) before the close is fine
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
