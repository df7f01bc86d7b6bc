package se.creativenorrbotten.directory.common.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import se.creativenorrbotten.directory.common.text.Utf8;

/**
 * Reads a JSON body that a resource takes as a String (merge patches, applications) as strict UTF-8. The
 * built-in String reader would replace malformed bytes with U+FFFD and store them; here they are refused
 * like in every other body ({@link StrictUtf8Input}, UTF-16 and UTF-32 included), whatever charset the
 * Content-Type claims.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
public class StrictUtf8Text implements MessageBodyReader<String> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        StrictUtf8Input.refuseOtherUnicode(body, 0, body.length);
        return Utf8.decode(body);
    }
}
