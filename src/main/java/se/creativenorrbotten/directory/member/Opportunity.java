package se.creativenorrbotten.directory.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/**
 * What a member seeks or offers: a student seeks an internship that an agency offers; freelancers seek
 * assignments and collaborations to take on larger jobs together. The one place its labels live.
 */
@Schema(name = "Opportunity", description = "What a member seeks or offers. assignments: uppdrag (Assignments);"
        + " employment: anställning (Employment); internship: praktik/LIA (Internship/work placement);"
        + " collaboration: samarbete (Collaboration); mentoring: mentorskap (Mentoring).")
public enum Opportunity implements Coded {
    ASSIGNMENTS("assignments", "Uppdrag", "Assignments"),
    EMPLOYMENT("employment", "Anställning", "Employment"),
    INTERNSHIP("internship", "Praktik/LIA", "Internship/work placement"),
    COLLABORATION("collaboration", "Samarbete", "Collaboration"),
    MENTORING("mentoring", "Mentorskap", "Mentoring");

    private final String code;
    private final String swedish;
    private final String english;

    Opportunity(String code, String swedish, String english) {
        this.code = code;
        this.swedish = swedish;
        this.english = english;
    }

    @Override
    public String code() {
        return code;
    }

    /** How the opportunity is named to a reader of {@code language}. */
    public String label(DisplayLanguage language) {
        return language == DisplayLanguage.EN ? english : swedish;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<Opportunity> {
        public DbConverter() {
            super(Opportunity.class);
        }
    }
}
