package se.creativenorrbotten.directory.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

@Schema(name = "MemberType", description = "agency: a company; student: a student (school and graduationYear apply);"
        + " freelancer: a self-employed person.")
public enum MemberType implements Coded {
    AGENCY("agency"),
    STUDENT("student"),
    FREELANCER("freelancer");

    private final String code;

    MemberType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<MemberType> {
        public DbConverter() {
            super(MemberType.class);
        }
    }
}
