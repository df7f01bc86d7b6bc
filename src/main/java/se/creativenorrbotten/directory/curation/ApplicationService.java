package se.creativenorrbotten.directory.curation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.limits.KeyedLimit;
import se.creativenorrbotten.directory.common.limits.LimitStore;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.MemberConsent;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * Self-submission: anyone may apply to be listed. The application becomes a pending member, with its
 * consents recorded as given by the applicant. Guarded by a per-client limit, the body and field limits
 * of a member, and a honeypot field that forms hide and bots fill in.
 */
@ApplicationScoped
public class ApplicationService {

    /** The honeypot: a field a person never sees. */
    static final String HONEYPOT = "homepage";
    static final String CONSENTS = "consents";
    static final String CONTACT_PUBLIC = MemberConsent.CONTACT_PUBLIC;
    static final String PRIVACY_NOTICE = MemberConsent.PRIVACY_NOTICE;

    /** The per-client limit's name in the {@link LimitStore}. */
    static final String LIMIT = "applications";

    private final MemberService members;
    private final ObjectMapper json;
    private final LimitStore limits;
    /** per-client applications at once, each earned back over the window; the last blocks for the window. */
    private final KeyedLimit perClient;

    public ApplicationService(MemberService members, ObjectMapper json, DirectoryConfig config, LimitStore limits) {
        this.members = members;
        this.json = json;
        this.limits = limits;
        this.perClient = new KeyedLimit(limits, LIMIT, config.applications().perClient(),
                config.applications().window(), config.applications().window());
    }

    /** Takes an application from a client; returns its reference. */
    public UUID submit(String body, String client) {
        long wait = perClient.waitSeconds(client);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("Too many applications from your address; try again in "
                    + wait + " seconds.", wait);
        }
        ObjectNode application = JsonBodies.object(json, body, "An application");
        JsonNode honeypot = application.remove(HONEYPOT);
        if (honeypot != null && !honeypot.isNull() && !(honeypot.isTextual() && honeypot.asText().isBlank())) {
            // A bot: answer as if accepted, so it learns nothing, and keep nothing.
            perClient.record(client);
            return UUID.randomUUID();
        }
        MemberInput input = memberInput(application);
        UUID reference = members.submit(input).id();
        perClient.record(client);
        return reference;
    }

    /** Forgets every client's count (tests and operations). */
    public void resetLimits() {
        limits.clear(KeyedLimit.prefix(LIMIT));
    }

    /** The member fields, with the consents moved in; every problem with the consents reported at once. */
    private MemberInput memberInput(ObjectNode application) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationInput.REFUSED_MEMBER_PROPERTIES.forEach((property, why) -> {
            if (application.has(property)) {
                errors.add(new FieldError(property, why));
            }
        });
        JsonNode consents = application.remove(CONSENTS);
        boolean contactPublic = false;
        if (consents == null || !consents.isObject()) {
            errors.add(new FieldError(CONSENTS, "required: an object with contactPublic (true or false) and privacyNotice (true)"));
        } else {
            JsonNode contact = consents.get(CONTACT_PUBLIC);
            if (contact == null || !contact.isBoolean()) {
                errors.add(new FieldError(CONSENTS + "." + CONTACT_PUBLIC, "required: true to show e-mail and phone publicly,"
                        + " false not to"));
            } else {
                contactPublic = contact.booleanValue();
            }
            JsonNode notice = consents.get(PRIVACY_NOTICE);
            if (notice == null || !notice.isBoolean() || !notice.booleanValue()) {
                errors.add(new FieldError(CONSENTS + "." + PRIVACY_NOTICE, "must be true: the applicant has read the privacy"
                        + " notice on how the directory keeps their data"));
            }
            for (Iterator<String> names = consents.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals(CONTACT_PUBLIC) && !name.equals(PRIVACY_NOTICE)) {
                    errors.add(new FieldError(CONSENTS + "." + name, "unknown consent; known: contactPublic, privacyNotice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        application.put(CONTACT_PUBLIC, contactPublic);
        return JsonBodies.bind(json, application, MemberInput.class);
    }
}
