package se.creativenorrbotten.directory.curation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.member.dto.MemberInput;

/** The contract's description of an application body; {@link ApplicationService} reads the JSON itself. */
@Schema(name = "Application", description = "A member's properties as in MemberInput (without notes and without"
        + " contactPublic, which is given in consents), plus the consents and the honeypot.",
        allOf = {MemberInput.class, ApplicationInput.Extra.class})
final class ApplicationInput {

    static final String EXAMPLE = """
            {"name": "Nils Pekka Foto", "type": "freelancer", "headline": "Fotograf i Jokkmokk",
             "municipality": "2510", "skills": ["photography"], "languages": ["sv", "smj"],
             "email": "nils@example.se", "phone": "070-123 45 67",
             "consents": {"contactPublic": false, "privacyNotice": true}}""";

    private ApplicationInput() {
    }

    @Schema(name = "ApplicationExtra")
    static final class Extra {
        @Schema(required = true)
        public Consents consents;

        @Schema(description = "Leave out or empty. Forms hide this field; an application that fills it is taken for a bot's"
                + " and silently dropped.", maxLength = 200)
        public String homepage;
    }

    @Schema(name = "ApplicationConsents", description = "The applicant's consents, recorded with time and source"
            + " application.")
    static final class Consents {
        @Schema(required = true, description = "true: show e-mail and phone publicly; false: keep them for curators only.")
        public boolean contactPublic;

        @Schema(required = true, description = "Must be true: the applicant has read the privacy notice.", enumeration = "true")
        public boolean privacyNotice;
    }
}
