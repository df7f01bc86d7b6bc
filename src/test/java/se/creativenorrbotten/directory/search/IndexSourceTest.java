package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.member.Opportunity;

/** How the index source orders coded lists read from the database. */
class IndexSourceTest {

    @Test
    void opportunitiesComeInTheEnumsOrder() {
        List<String> codes = List.of(Opportunity.values()[2].code(), Opportunity.values()[0].code());
        assertEquals(List.of(Opportunity.values()[0].code(), Opportunity.values()[2].code()),
                IndexSource.inCodeOrder(Opportunity.class, codes));
    }

    /** A newer instance may write a code this one does not know (a rolling upgrade): it goes last, nothing fails. */
    @Test
    void anUnknownCodeGoesLastInsteadOfFailingTheMember() {
        String known = Opportunity.values()[1].code();
        assertEquals(List.of(known, "mentorship", "zz-new"),
                IndexSource.inCodeOrder(Opportunity.class, List.of("zz-new", known, "mentorship")));
        assertEquals(List.of("zz-new"), IndexSource.inCodeOrder(Opportunity.class, List.of("zz-new")));
    }
}
