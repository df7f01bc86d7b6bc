package se.creativenorrbotten.directory.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * The demo members tell the story of seeks and offers: students seek internships, agencies offer them, freelancers
 * seek assignments or collaboration, a few offer mentoring. Binding them also catches a misspelt code before a
 * start with demo data would.
 */
class DemoMembersTest {

    private static List<MemberInput> demo;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/members.json")) {
            demo = new ObjectMapper().readValue(in, new TypeReference<List<MemberInput>>() { });
        }
    }

    @Test
    void everyStudentSeeksAnInternshipAndSomeEmployment() {
        List<MemberInput> students = ofType(MemberType.STUDENT);
        assertTrue(students.stream().allMatch(seeks(Opportunity.INTERNSHIP)));
        assertTrue(students.stream().anyMatch(seeks(Opportunity.EMPLOYMENT)));
    }

    @Test
    void mostAgenciesOfferAnInternshipAndSomeEmploymentOrAssignments() {
        List<MemberInput> agencies = ofType(MemberType.AGENCY);
        assertTrue(agencies.stream().filter(offers(Opportunity.INTERNSHIP)).count() > agencies.size() / 2);
        assertTrue(agencies.stream().anyMatch(offers(Opportunity.EMPLOYMENT)));
        assertTrue(agencies.stream().anyMatch(offers(Opportunity.ASSIGNMENTS)));
    }

    @Test
    void freelancersSeekAssignmentsAndCollaborationAndAFewOfferMentoring() {
        List<MemberInput> freelancers = ofType(MemberType.FREELANCER);
        assertTrue(freelancers.stream().allMatch(seeks(Opportunity.COLLABORATION)));
        assertTrue(freelancers.stream().filter(seeks(Opportunity.ASSIGNMENTS)).count() > freelancers.size() / 2);
        long mentors = freelancers.stream().filter(offers(Opportunity.MENTORING)).count();
        assertTrue(mentors > 0 && mentors < 10, "a few mentors: " + mentors);
    }

    @Test
    void eachListIsInTheOrderOfTheCodesWithoutRepeats() {
        for (MemberInput member : demo) {
            for (List<Opportunity> list : List.of(listed(member.seeks()), listed(member.offers()))) {
                assertEquals(list.stream().distinct().sorted().toList(), list, member.name());
            }
        }
    }

    private static List<MemberInput> ofType(MemberType type) {
        List<MemberInput> members = demo.stream().filter(member -> member.type() == type).toList();
        assertTrue(members.size() >= 10, type + ": " + members.size());
        return members;
    }

    private static Predicate<MemberInput> seeks(Opportunity opportunity) {
        return member -> listed(member.seeks()).contains(opportunity);
    }

    private static Predicate<MemberInput> offers(Opportunity opportunity) {
        return member -> listed(member.offers()).contains(opportunity);
    }

    private static List<Opportunity> listed(List<Opportunity> list) {
        return list == null ? List.of() : list;
    }
}
