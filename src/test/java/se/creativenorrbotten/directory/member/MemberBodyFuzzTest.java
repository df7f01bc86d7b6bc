package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.creativenorrbotten.directory.common.problem.ClientProblems.assertClientProblem;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.common.json.MergePatch;
import se.creativenorrbotten.directory.common.json.ServiceJson;
import se.creativenorrbotten.directory.common.json.StrictUtf8Text;
import se.creativenorrbotten.directory.common.problem.JsonProblems;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.text.Names;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * Fuzzes the member bodies the way the service reads them: a create or replace body (bytes through the API's mapper
 * into {@link MemberInput}) and a merge patch (bytes through {@link StrictUtf8Text}, merged into a stored member),
 * then the service's validation ({@link MemberService#validate(MemberInput, Validator, java.util.function.Predicate,
 * java.util.function.Predicate, int)}). The contract: either a valid member, which is stored (mapped onto the
 * entity) and read back as a member that is valid again, unchanged; or the project's 4xx problem. Any other
 * exception is a finding. {@code ./mvnw test} runs the inputs under MemberBodyFuzzTestInputs; JAZZER_FUZZ=1 fuzzes
 * (bench/battery/fuzz.sh).
 */
class MemberBodyFuzzTest {

    private static final ObjectMapper JSON = ServiceJson.mapper();
    private static final Validator VALIDATOR = ServiceJson.validator();
    private static final Set<String> MUNICIPALITIES = Set.of("2505", "2506", "2510", "2513", "2514", "2518", "2521",
            "2523", "2560", "2580", "2581", "2582", "2583", "2584");
    private static final Set<String> SKILLS = Set.of("ux-design", "web-development", "photography", "illustration",
            "architecture");
    private static final int THIS_YEAR = 2026;
    /** The stored member a patch is merged into, as the service makes it: the write body of a member entity. */
    private static final JsonNode STORED = JSON.valueToTree(MemberMapper.toInput(stored()));

    private static Member stored() {
        try {
            MemberInput input = JSON.convertValue(TestMembers.agency("fuzz"), MemberInput.class);
            Member member = new Member(UUID.randomUUID(), "testmedlem-fuzz", Instant.EPOCH);
            MemberMapper.apply(validate(input), member);
            return member;
        } catch (ProblemException e) {
            throw new IllegalStateException("the stored member is not valid: " + e.toProblem(), e);
        }
    }

    @FuzzTest
    void createBody(byte[] body) throws IOException {
        MemberInput input;
        try {
            input = JSON.readerFor(MemberInput.class).readValue(new ByteArrayInputStream(body));
        } catch (JsonProcessingException e) {
            assertClientProblem(JsonProblems.of(e), JSON, null);
            return;
        } catch (CharConversionException e) {
            return; // not UTF-8: ProblemMappers.undecodable answers 400
        }
        write(input);
    }

    @FuzzTest
    void mergePatch(byte[] body) throws IOException {
        String text;
        try {
            text = new StrictUtf8Text().readFrom(String.class, String.class, new Annotation[0],
                    MediaType.valueOf(MergePatch.MEDIA_TYPE), null, new ByteArrayInputStream(body));
        } catch (CharConversionException e) {
            return; // not UTF-8: ProblemMappers.undecodable answers 400
        }
        MemberInput input;
        try {
            JsonNode patch = JsonBodies.object(JSON, text, "A merge patch");
            input = JsonBodies.bind(JSON, MergePatch.apply(STORED, patch), MemberInput.class);
        } catch (ProblemException e) {
            assertClientProblem(e, JSON, null);
            return;
        }
        write(input);
    }

    /** Validates the body; a valid one is stored and read back, and must then be valid again, unchanged. */
    private static void write(MemberInput input) {
        MemberInput valid;
        try {
            valid = validate(input);
        } catch (ProblemException e) {
            assertClientProblem(e, JSON, null);
            return;
        }
        Names.skeletonKey(valid.name());
        Member member = new Member(UUID.randomUUID(), "fuzz", Instant.EPOCH);
        MemberMapper.apply(valid, member);
        MemberInput readBack = MemberMapper.toInput(member);
        JsonNode tree = JSON.valueToTree(readBack);
        MemberInput again;
        try {
            again = validate(JsonBodies.bind(JSON, tree, MemberInput.class));
        } catch (ProblemException e) {
            throw new AssertionError("a stored member is no longer valid when read back: " + e.toProblem() + " " + tree, e);
        }
        assertEquals(readBack, again, "validating a stored member again changes it");
    }

    private static MemberInput validate(MemberInput input) {
        return MemberService.validate(input, VALIDATOR, MUNICIPALITIES::contains, SKILLS::contains, THIS_YEAR);
    }
}
