package se.creativenorrbotten.directory.taxonomy;

import static org.hamcrest.Matchers.equalTo;
import static se.creativenorrbotten.directory.TestApi.asAdmin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Skills of a test's own, so that filtering by them isolates the test's members. */
public final class TestSkills {

    public static final String SKILLS = "/api/v1/skills";

    private TestSkills() {
    }

    /** A valid skill body with the marker in slug and names. */
    public static Map<String, Object> skill(String marker) {
        Map<String, Object> skill = new LinkedHashMap<>();
        skill.put("slug", "test-skill-" + marker);
        skill.put("nameSv", "Testförmåga " + marker);
        skill.put("nameEn", "Test skill " + marker);
        skill.put("branch", "audiovisual");
        return skill;
    }

    /** Creates a skill with the marker and answers its slug. */
    public static String create(String marker) {
        Map<String, Object> skill = skill(marker);
        asAdmin(skill).post(SKILLS).then().statusCode(201).body("slug", equalTo(skill.get("slug")));
        return (String) skill.get("slug");
    }
}
