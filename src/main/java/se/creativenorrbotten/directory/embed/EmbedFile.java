package se.creativenorrbotten.directory.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file of the embed kit, read once from the class path, with the strong ETag of its bytes. */
record EmbedFile(byte[] bytes, String etag) {

    static EmbedFile load(String name) {
        try (InputStream in = EmbedFile.class.getResourceAsStream("/embed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("embed/" + name + " is missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            return new EmbedFile(bytes, tag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong validator: the first 128 bits of the SHA-256 of the bytes, in hex. */
    static String tag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
