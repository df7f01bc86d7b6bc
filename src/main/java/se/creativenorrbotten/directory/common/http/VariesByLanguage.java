package se.creativenorrbotten.directory.common.http;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Marks an operation whose answer carries labels in the caller's language ({@link DisplayLanguage}): its responses
 * say {@code Vary: Accept-Language}, so that no cache hands a Swedish answer to a caller who asked for English.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VariesByLanguage {

    /** Adds {@code Accept-Language} to {@code Vary} unless it is there already. */
    @Provider
    @VariesByLanguage
    class Filter implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
            String merged = Vary.with(response.getStringHeaders().getOrDefault(HttpHeaders.VARY, java.util.List.of()),
                    HttpHeaders.ACCEPT_LANGUAGE);
            if (merged != null) {
                response.getHeaders().putSingle(HttpHeaders.VARY, merged);
            }
        }
    }
}
