package se.creativenorrbotten.directory.partner;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.Violations;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyChange;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyCreated;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyInput;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyPage;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyView;

/**
 * Admins manage partner keys here. A key is {@code cnk_} and 32 random bytes (base64url): 256 bits, so a fast hash
 * (SHA-256) is the right way to keep it; no salt or slow hash is needed for a value nobody chose. Changes reach the
 * limits and CORS of this instance when the transaction commits, and every other instance at its next refresh.
 */
@ApplicationScoped
public class PartnerKeyService {

    static final String KEY_PREFIX = "cnk_";
    private static final int KEY_BYTES = 32;
    private static final int SHOWN_PREFIX = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerKeyRepository keys;
    private final ObjectMapper json;
    private final Validator validator;
    private final Event<PartnerKeysChanged> changed;
    private final Clock clock;

    public PartnerKeyService(PartnerKeyRepository keys, ObjectMapper json, Validator validator,
            Event<PartnerKeysChanged> changed, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.validator = validator;
        this.changed = changed;
        this.clock = clock;
    }

    public PartnerKeyPage list(PageRequest page) {
        return PartnerKeyMapper.toPage(keys.page(page.offset(), page.size()), page, keys.count());
    }

    public PartnerKeyView get(UUID id) {
        return PartnerKeyMapper.toView(find(id));
    }

    @Transactional
    public PartnerKeyCreated create(PartnerKeyInput input) {
        byte[] random = new byte[KEY_BYTES];
        RANDOM.nextBytes(random);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PartnerKey created = new PartnerKey(hash(key), key.substring(0, SHOWN_PREFIX), input.name().strip(),
                input.contact().strip(), input.requestsPerMinute(), distinct(input.origins()), now());
        keys.persistAndFlush(created);
        changed.fire(new PartnerKeysChanged());
        return new PartnerKeyCreated(key, PartnerKeyMapper.toView(created));
    }

    /** Applies a JSON merge patch of name, contact, requestsPerMinute, origins and/or enabled. */
    @Transactional
    public PartnerKeyView patch(UUID id, String body) {
        JsonNode patch = JsonBodies.object(json, body, "A merge patch");
        List<FieldError> errors = new ArrayList<>();
        for (String property : List.of("name", "contact", "requestsPerMinute", "origins", "enabled")) {
            if (patch.has(property) && patch.get(property).isNull()) {
                errors.add(new FieldError(property, "cannot be removed; send a new value or leave it out"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PartnerKeyChange change = JsonBodies.bind(json, patch, PartnerKeyChange.class);
        PartnerKey key = keys.lock(id);
        if (key == null) {
            throw notFound(id);
        }
        PartnerKeyInput merged = new PartnerKeyInput(
                change.name() != null ? change.name() : key.getName(),
                change.contact() != null ? change.contact() : key.getContact(),
                change.requestsPerMinute() != null ? change.requestsPerMinute() : key.getRequestsPerMinute(),
                change.origins() != null ? change.origins() : key.getOrigins());
        Set<ConstraintViolation<PartnerKeyInput>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Violations.fieldErrors(violations));
        }
        key.setName(merged.name().strip());
        key.setContact(merged.contact().strip());
        key.setRequestsPerMinute(merged.requestsPerMinute());
        key.setOrigins(distinct(merged.origins()));
        if (change.enabled() != null) {
            key.setEnabled(change.enabled());
        }
        key.setUpdatedAt(now());
        changed.fire(new PartnerKeysChanged());
        return PartnerKeyMapper.toView(key);
    }

    /** The SHA-256 of a key, in lower-case hex: what the table keeps and what a request's key is looked up by. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> distinct(List<String> origins) {
        return origins.stream().distinct().toList();
    }

    private PartnerKey find(UUID id) {
        PartnerKey key = keys.findById(id);
        if (key == null) {
            throw notFound(id);
        }
        return key;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("There is no partner key " + id + ".");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
