package se.creativenorrbotten.directory.curation;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.member.MemberConsent;

/**
 * The contract's description of an application body; {@link ApplicationService} reads the JSON itself. The
 * contract's Application schema is this class's properties (consents, the honeypot) plus every property of
 * MemberInput except {@link #REFUSED_MEMBER_PROPERTIES}, which the OpenAPI filter adds from MemberInput.
 */
@Schema(name = ApplicationInput.SCHEMA, description = "A member's properties as in MemberInput (without notes and without"
        + " contactPublic, which is given in consents), plus the consents and the honeypot.")
public final class ApplicationInput {

    public static final String SCHEMA = "Application";

    /** The properties of MemberInput that an application may not send, and why (the 400's detail). */
    public static final Map<String, String> REFUSED_MEMBER_PROPERTIES = new TreeMap<>(Map.of(
            MemberConsent.CONTACT_PUBLIC, "give this consent as consents.contactPublic",
            "notes", "internal notes are for curators; not accepted in an application"));

    static final String EXAMPLE = """
            {"name": "Nils Pekka Foto", "type": "freelancer", "headline": "Fotograf i Jokkmokk",
             "municipality": "2510", "skills": ["photography"], "languages": ["sv", "smj"],
             "seeks": ["assignments", "collaboration"],
             "email": "nils@example.se", "phone": "070-123 45 67",
             "consents": {"contactPublic": false, "privacyNotice": true}}""";

    @Schema(required = true)
    public Consents consents;

    @Schema(description = "Leave out or empty. Forms hide this field; an application that fills it is taken for a bot's"
            + " and silently dropped.", maxLength = 200)
    public String homepage;

    private ApplicationInput() {
    }

    @Schema(name = "ApplicationConsents", description = "The applicant's consents, recorded with time and source"
            + " application.")
    static final class Consents {
        @Schema(required = true, description = "true: show e-mail and phone publicly; false: keep them for curators only.")
        public boolean contactPublic;

        @Schema(required = true, description = "Must be true: the applicant has read the privacy notice. The service"
                + " checks it: false (or no value) is refused with 400 naming consents.privacyNotice.")
        public boolean privacyNotice;
    }
}
