package se.creativenorrbotten.directory.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** How a consent reached the directory. */
@Schema(name = "ConsentSource", description = "application: given by the member in their own application;"
        + " curator: recorded by a curator on the member's instruction (for example by e-mail);"
        + " import: carried by a row of an admin's bulk import (the admin vouches for it).")
public enum ConsentSource implements Coded {
    APPLICATION("application"),
    CURATOR("curator"),
    IMPORT("import");

    private final String code;

    ConsentSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<ConsentSource> {
        public DbConverter() {
            super(ConsentSource.class);
        }
    }
}
